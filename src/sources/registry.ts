import type { CloudEvent } from '../cloudevents/types.js';
import type { LambdaContext } from '../lambda-context.js';
import { alexaSource } from './aws/alexa/index.js';
import { alexaSkillsSource } from './aws/alexa-skills/index.js';
import { appSyncAuthorizerSource, appSyncResolverSource } from './aws/appsync/index.js';
import { bedrockAgentSource } from './aws/bedrock-agent/index.js';
import { cloudFormationSource } from './aws/cloudformation/index.js';
import { cloudFrontSource } from './aws/cloudfront/index.js';
import { codeCommitSource } from './aws/codecommit/index.js';
import { connectSource } from './aws/connect/index.js';
import { cognitoSource } from './aws/cognito/index.js';
import { cognitoUserPoolSource } from './aws/cognito-idp/index.js';
import { configSource } from './aws/config/index.js';
import { dynamoDbSource } from './aws/dynamodb/index.js';
import { ec2Source } from './aws/ec2/index.js';
import { eventBridgeSource } from './aws/events/index.js';
import { firehoseSource } from './aws/kinesis-firehose/index.js';
import { apiGatewayAuthorizerSource } from './aws/apigateway-authorizer/index.js';
import { s3BatchSource } from './aws/s3-batch/index.js';
import { secretsManagerSource } from './aws/secretsmanager/index.js';
import { stepFunctionsSource } from './aws/states/index.js';
import { albSource } from './aws/http/elb/index.js';
import { apiGatewayHttpSource } from './aws/http/apigateway-http/index.js';
import { apiGatewayRestSource } from './aws/http/apigateway/index.js';
import { functionUrlSource } from './aws/http/lambda-url/index.js';
import { vpcLatticeSource } from './aws/http/vpclattice/index.js';
import { iotEventsSource } from './aws/iotevents/index.js';
import { kinesisSource } from './aws/kinesis/index.js';
import { lexSource } from './aws/lex/index.js';
import { lexV2Source } from './aws/lexv2/index.js';
import { logsSource } from './aws/logs/index.js';
import { kafkaSource } from './aws/kafka/index.js';
import { activeMqSource } from './aws/mq/index.js';
import { rabbitMqSource } from './aws/rmq/index.js';
import { codePipelineSource } from './aws/codepipeline/index.js';
import { ioT1ClickSource, ioTButtonSource, ioTCustomAuthorizerSource, ioTPreProvisioningHookSource } from './aws/iot/index.js';
import { s3Source } from './aws/s3/index.js';
import { sesSource } from './aws/ses/index.js';
import { snsSource } from './aws/sns/index.js';
import { sqsSource } from './aws/sqs/index.js';
import { eventGridSource } from './azure/eventgrid/index.js';
import { cloudEventSource } from './cloudevents/index.js';
import { invocationCloudEvent } from './convert/build.js';
import { gcfLegacySource } from './google/functions/index.js';
import { pubSubSource } from './google/pubsub/index.js';
import { guardKeysOf, mayMatch } from './guard-keys.js';
import type { EventSource } from './types.js';

/**
 * Every known source, in the order of the routing table of the project's contract (docs/api.md, `routeFor`):
 * the first whose guard accepts an event handles it. Structured CloudEvents first (`specversion`), then
 * EventBridge (`source` with `detail-type`) before the Records-based sources, then the table's rows in
 * order; sources added since follow: CloudWatch Logs and the other added ones (Bedrock agents and Connect
 * last of them, before the HTTP events: a Bedrock agent's schema event has an `httpMethod`), the HTTP
 * events (Function URLs before API Gateway HTTP API: both are payload 2.0, the Function URL guard is the
 * narrower), then Google and Azure.
 */
export const sources: readonly EventSource[] = [
  cloudEventSource,
  eventBridgeSource,
  iotEventsSource,
  s3Source,
  codeCommitSource,
  dynamoDbSource,
  ec2Source,
  kinesisSource,
  snsSource,
  sqsSource,
  sesSource,
  lexSource,
  lexV2Source,
  firehoseSource,
  cognitoSource,
  cognitoUserPoolSource,
  configSource,
  cloudFrontSource,
  cloudFormationSource,
  alexaSource,
  alexaSkillsSource,
  logsSource,
  kafkaSource,
  activeMqSource,
  rabbitMqSource,
  codePipelineSource,
  ioTButtonSource,
  ioT1ClickSource,
  ioTPreProvisioningHookSource,
  ioTCustomAuthorizerSource,
  appSyncResolverSource,
  appSyncAuthorizerSource,
  secretsManagerSource,
  s3BatchSource,
  stepFunctionsSource,
  apiGatewayAuthorizerSource,
  bedrockAgentSource,
  connectSource,
  functionUrlSource,
  apiGatewayHttpSource,
  apiGatewayRestSource,
  albSource,
  vpcLatticeSource,
  pubSubSource,
  gcfLegacySource,
  eventGridSource,
];

/** Each source's guard keys (`guard-keys.ts`), in registry order, looked up once. */
const guardKeys = guardKeysOf(sources);

/**
 * The source that recognises a raw invocation event, or `undefined` (null, a primitive, `{}`, an
 * unknown shape, an array that is not an Event Grid delivery). Property checks only: no JSON work.
 * The first source in registry order whose guard accepts the event; a guard is skipped when the
 * event has none of the members it reads first (`guard-keys.ts`), so an event runs few guards.
 *
 * @example
 * findSource({ Records: [{ eventSource: 'aws:sqs' }] })?.name; // 'aws.sqs'
 * findSource({});                                              // undefined
 */
export function findSource(event: unknown): EventSource | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  try {
    for (let index = 0; index < sources.length; index++) {
      if (!mayMatch(event, guardKeys[index])) continue;
      const source = sources[index] as EventSource;
      if (source.detect(event)) return source;
    }
  } catch {
    // A guard can only throw on an exotic object (a throwing getter, a revoked proxy): not an event.
  }
  return undefined;
}

/**
 * The event-mode path of a raw invocation event (`/aws.s3`, `/com.my.event`, `/my/context`), or
 * `undefined` for an unrecognised or empty event. Paths built from event data are made safe (see
 * `safePath`). Never throws.
 *
 * @example
 * routeFor({ Records: [{ eventSource: 'aws:s3' }] });                              // '/aws.s3'
 * routeFor({ specversion: '1.0', id: '1', source: '/my/context', type: 't' });     // '/my/context'
 * routeFor({ hello: 'world' });                                                    // undefined
 */
export function routeFor(event: unknown): string | undefined {
  const source = findSource(event);
  if (source === undefined) return undefined;
  try {
    return source.route(event);
  } catch {
    return undefined;
  }
}

/**
 * A raw invocation event as the CloudEvents that record mode delivers, one per record, in order. An
 * unrecognised event is one CloudEvent of type `com.amazonaws.lambda.invoke` (id the request id, else
 * a random UUID; source the function ARN, else `urn:aws:lambda`; data the event). Never throws: a
 * recognised but malformed event converts as far as it can, falling back to that generic CloudEvent.
 *
 * @example
 * toCloudEvents({ Records: [{ eventSource: 'aws:sqs', messageId: 'm-1', body: '{"a":1}', eventSourceARN: 'arn:aws:sqs:eu-west-1:1:q' }] });
 * // [{ specversion: '1.0', id: 'm-1', source: 'arn:aws:sqs:eu-west-1:1:q', type: 'com.amazonaws.sqs.message',
 * //    datacontenttype: 'application/json', data: { a: 1 } }]
 */
export function toCloudEvents(event: unknown, context?: LambdaContext): CloudEvent[] {
  return cloudEventsFrom(findSource(event), event, context);
}

/**
 * {@link toCloudEvents} for an event whose source is already known (`findSource`), so that a caller
 * that needs both looks the source up once.
 *
 * @example
 * const source = findSource(event);
 * const events = cloudEventsFrom(source, event, context);
 */
export function cloudEventsFrom(source: EventSource | undefined, event: unknown, context?: LambdaContext): CloudEvent[] {
  if (source !== undefined) {
    try {
      return source.toCloudEvents(event, context);
    } catch {
      // Sources do not throw on detected events; this keeps the promise if one ever does.
    }
  }
  return [invocationCloudEvent(event, context)];
}
