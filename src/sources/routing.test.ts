import { describe, expect, it } from 'vitest';
import { fixturePaths, loadFixture } from '../../test/fixtures/load.js';
import { findSource, routeFor, sources } from './registry.js';

/**
 * Fixture → the path the routing table of docs/api.md gives it, written from the table (not computed).
 * `undefined`: no row recognises the event.
 */
const EXPECTED: Record<string, string | undefined> = {
  // CloudEvent (structured): `/` + source, leading slash not doubled.
  'documented/cloudevents/structured-1.0.json': '/https:/github.com/cloudevents/spec/pull',
  'documented/cloudevents/structured-0.3.json': '/mycontext',
  // EventBridge / CloudWatch Events: `/` + source.
  'aws-sam-cli/cloudwatch/ScheduledEvent.json': '/aws.events', // no `version` field
  'documented/aws/eventbridge-scheduler.json': '/aws.scheduler', // `detail` is a string
  'aws-lambda-go/autoscaling-event-launch-successful.json': '/aws.autoscaling',
  'aws-lambda-go/codebuild-state-change.json': '/aws.codebuild',
  'aws-lambda-go/ecr-image-push-event.json': '/aws.ecr',
  'powertools/eventbridge/base.json': '/aws.ec2',
  'powertools/s3/eventbridge-object-created.json': '/aws.s3',
  // IoT Events: `/` + eventName.
  'documented/aws/iot-events-action.json': '/overTemperature',
  // Records[0].eventSource rows.
  'aws-lambda-go/s3-event.json': '/aws.s3',
  'aws-lambda-go/s3-event-with-decoded.json': '/aws.s3',
  'aws-lambda-go/s3-lifecycle-event.json': '/aws.s3',
  'aws-sam-cli/s3/S3Put.json': '/aws.s3',
  'aws-sam-cli/s3/S3Delete.json': '/aws.s3',
  'powertools/s3/base.json': '/aws.s3',
  'powertools/s3/decoded-key.json': '/aws.s3',
  'aws-lambda-go/code-commit-event.json': '/aws.codecommit',
  'aws-sam-cli/codecommit/CodeCommit.json': '/aws.codecommit',
  'aws-lambda-go/dynamodb-event.json': '/aws.dynamodb',
  'aws-lambda-go/dynamodb-time-window-event.json': '/aws.dynamodb',
  'aws-sam-cli/dynamodb/DynamoDBUpdate.json': '/aws.dynamodb',
  'powertools/dynamodb/base.json': '/aws.dynamodb',
  'aws-lambda-go/kinesis-event.json': '/aws.kinesis',
  'aws-sam-cli/kinesis/Kinesis.json': '/aws.kinesis',
  'powertools/kinesis/stream.json': '/aws.kinesis',
  'aws-lambda-go/sns-event.json': '/aws.sns',
  'aws-lambda-go/cloudwatch-alarm-sns-payload-single-metric.json': '/aws.sns',
  'aws-sam-cli/sns/Sns.json': '/aws.sns',
  'powertools/sns/base.json': '/aws.sns',
  'aws-lambda-go/sqs-event.json': '/aws.sqs',
  'aws-sam-cli/sqs/Sqs.json': '/aws.sqs',
  'powertools/sqs/base.json': '/aws.sqs',
  'powertools/sqs/sns-body.json': '/aws.sqs',
  'documented/aws/sqs-fifo.json': '/aws.sqs',
  'aws-lambda-go/ses-lambda-event.json': '/aws.ses',
  'aws-sam-cli/ses/SesEmailReceiving.json': '/aws.ses',
  'powertools/ses/base.json': '/aws.ses',
  // Lex: bot, outputDialogMode, currentIntent.
  'aws-lambda-go/lex-event.json': '/aws.lex',
  'aws-sam-cli/lex/LexOrderFlowers.json': '/aws.lex',
  // Firehose: records[0].kinesisRecordMetadata or deliveryStreamArn.
  'aws-lambda-go/kinesis-firehose-event.json': '/aws.kinesis.firehose',
  'aws-sam-cli/kinesis/KinesisFirehose.json': '/aws.kinesis.firehose',
  'aws-sam-cli/kinesis/KinesisFirehoseStreamsAsSource.json': '/aws.kinesis.firehose', // metadata, no ARN
  'powertools/kinesis/firehose.json': '/aws.kinesis.firehose',
  'powertools/kinesis/firehose-put.json': '/aws.kinesis.firehose',
  'powertools/kinesis/firehose-sqs.json': '/aws.kinesis.firehose',
  // Cognito: identityId and identityPoolId.
  'aws-lambda-go/cognito-event.json': '/aws.cognito',
  'aws-sam-cli/cognito/CognitoSyncTrigger.json': '/aws.cognito',
  // Config: configRuleId.
  'aws-lambda-go/config-event.json': '/aws.config',
  'aws-sam-cli/config/PeriodicRule.json': '/aws.config',
  'aws-sam-cli/config/ConfigurationItemChangeNotification.json': '/aws.config',
  // CloudFront: Records[0].cf.
  'aws-sam-cli/cloudfront/CloudFrontSimpleRemoteCall.json': '/aws.cloudfront',
  'aws-sam-cli/cloudfront/CloudFrontModifyResponseHeader.json': '/aws.cloudfront',
  'aws-sam-cli/cloudfront/CloudFrontAccessRequestInResponse.json': '/aws.cloudfront', // request and response: a response event
  'aws-sam-cli/cloudfront/CloudFrontHttpRedirect.json': '/aws.cloudfront',
  // CloudFormation: LogicalResourceId with RequestType.
  'aws-sam-cli/cloudformation/CfnCreateRequest.json': '/aws.cloudformation',
  'powertools/cloudformation/custom-resource-create.json': '/aws.cloudformation',
  // AppSync: direct Lambda resolvers (`info.fieldName` with `info.parentTypeName`) and Lambda authorizers.
  'aws-sam-cli/appsync/AppSyncDirectResolver.json': '/aws.appsync/Mutation/createSomething',
  'powertools/appsync/resolver.json': '/aws.appsync/Mutation/createSomething', // `source` is an object, not EventBridge's
  'aws-lambda-go/appsync-lambda-auth-request.json': '/aws.appsync.authorizer',
  'aws-lambda-go/appsync-lambda-auth-response.json': undefined, // an authorizer's answer, not an event
  // Alexa: header and payload.
  'aws-sam-cli/alexa-smart-home/AlexaSmartHomeDiscoveryRequest.json': '/aws.alexa',
  'aws-sam-cli/alexa-smart-home/AlexaSmartHomeControlTurnOnRequest.json': '/aws.alexa',
  // Cognito user pool triggers: triggerSource with userPoolId → `/aws.cognito-idp/` + trigger family.
  'aws-lambda-go/cognito-event-userpools-presignup.json': '/aws.cognito-idp/pre-sign-up',
  'aws-lambda-go/cognito-event-userpools-postconfirmation.json': '/aws.cognito-idp/post-confirmation',
  'aws-lambda-go/cognito-event-userpools-preauthentication.json': '/aws.cognito-idp/pre-authentication',
  'aws-lambda-go/cognito-event-userpools-postauthentication.json': '/aws.cognito-idp/post-authentication',
  'aws-lambda-go/cognito-event-userpools-pretokengen-v2.json': '/aws.cognito-idp/pre-token-generation',
  'aws-lambda-go/cognito-event-userpools-custommessage.json': '/aws.cognito-idp/custom-message',
  'aws-lambda-go/cognito-event-userpools-define-auth-challenge.json': '/aws.cognito-idp/define-auth-challenge',
  'aws-lambda-go/cognito-event-userpools-create-auth-challenge.json': '/aws.cognito-idp/create-auth-challenge',
  'aws-lambda-go/cognito-event-userpools-verify-auth-challenge.json': '/aws.cognito-idp/verify-auth-challenge-response',
  'aws-lambda-go/cognito-event-userpools-migrateuser.json': '/aws.cognito-idp/user-migration',
  'aws-lambda-go/cognito-event-userpools-inbound-federation-oidc.json': '/aws.cognito-idp/inbound-federation',
  // Lex V2: interpretations with sessionState.
  'aws-sam-cli/lex-v2/LexBookCar.json': '/aws.lexv2',
  'aws-sam-cli/lex-v2/BankingBot.json': '/aws.lexv2',
  // API Gateway Lambda authorizers: methodArn or routeArn (before the HTTP rows).
  'powertools/apigw-rest/authorizer-request.json': '/aws.apigateway.authorizer',
  'powertools/apigw-rest/authorizer-token.json': '/aws.apigateway.authorizer',
  'powertools/apigw-http/authorizer-request.json': '/aws.apigateway.authorizer', // looks like an HTTP API request
  'aws-lambda-go/apigw-v2-custom-authorizer-v2-request.json': '/aws.apigateway.authorizer',
  'aws-lambda-go/apigw-custom-auth-request.json': '/aws.apigateway.authorizer',
  'aws-lambda-go/apigw-custom-auth-request-type-request.json': '/aws.apigateway.authorizer',
  'aws-sam-cli/apigateway/ApiGatewayAuthorizer.json': '/aws.apigateway.authorizer',
  // Alexa Smart Home v3: directive.header; Alexa Skills Kit: request.type with version and session or context.
  'documented/aws/alexa-smart-home-v3-discover.json': '/aws.alexa',
  'documented/aws/alexa-smart-home-v3-turn-on.json': '/aws.alexa',
  'aws-sam-cli/alexa-skills-kit/AlexaStartSession.json': '/aws.alexa.skills',
  'aws-sam-cli/alexa-skills-kit/AlexaIntentMyColorIs.json': '/aws.alexa.skills',
  'aws-sam-cli/alexa-skills-kit/AlexaEndSession.json': '/aws.alexa.skills',
  // Secrets Manager rotation: ClientRequestToken with SecretId → `/aws.secretsmanager/` + Step.
  'aws-lambda-go/secretsmanager-secret-rotation-event.json': '/aws.secretsmanager/createSecret',
  // S3 Batch Operations: invocationSchemaVersion with job.
  'aws-lambda-go/s3-batch-job-event-request-1.0.json': '/aws.s3.batch',
  'aws-lambda-go/s3-batch-job-event-request-2.0.json': '/aws.s3.batch',
  'aws-sam-cli/s3/S3BatchInvocation.json': '/aws.s3.batch',
  'aws-lambda-go/s3-batch-job-event-response.json': undefined, // the result document, not an event
  // Step Functions tasks: input wrapped with the Context object → `/aws.states/` + state name.
  'documented/aws/stepfunctions-task.json': '/aws.states/ChargeCard',
  'aws-sam-cli/stepfunctions/StepFunctionsError.json': undefined, // a bare task input has no shape to recognise
  // Bedrock agent action groups: messageVersion, agent, actionGroup with apiPath or function.
  'documented/aws/bedrock-agent-api-schema.json': '/aws.bedrock-agent/ClaimManagementActionGroup/claims/claim-006/send-reminders',
  'documented/aws/bedrock-agent-function-details.json': '/aws.bedrock-agent/TableBookingActionGroup/createBooking',
  // Amazon Connect flows: Name 'ContactFlowEvent' with Details.ContactData.
  'documented/aws/connect-contact-flow.json': '/aws.connect',
  'documented/aws/connect-contact-flow-chat.json': '/aws.connect',
  // Added sources.
  'aws-lambda-go/cloudwatch-logs-event.json': '/aws.logs',
  'aws-sam-cli/cloudwatch/CloudwatchLogs.json': '/aws.logs',
  'powertools/cloudwatch/base.json': '/aws.logs',
  'aws-lambda-go/kafka-event.json': '/aws.kafka', // MSK: top-level eventSource aws:kafka
  'powertools/kafka/base.json': '/aws.kafka',
  'aws-lambda-go/activemq-event.json': '/aws.mq', // top-level eventSource aws:mq
  'aws-lambda-go/rabbitmq-event.json': '/aws.rmq', // top-level eventSource aws:rmq
  'aws-lambda-go/codepipeline-job-event.json': '/aws.codepipeline', // CodePipeline.job
  'aws-sam-cli/codepipeline/CodePipeline.json': '/aws.codepipeline',
  'aws-lambda-go/iot-button-event.json': '/aws.iot.button', // serialNumber with clickType
  'aws-lambda-go/iot-1-click-event.json': '/aws.iot1click', // deviceEvent
  'aws-lambda-go/iot-preprovision-hook-request.json': '/aws.iot.provisioning', // claimCertificateId
  'aws-lambda-go/iot-custom-auth-request.json': '/aws.iot.authorizer', // protocolData with protocols
  'aws-lambda-go/ses-s3-event.json': '/aws.ses', // SES receipt with an S3 action: still an aws:ses record
  'aws-lambda-go/ses-sns-event.json': '/aws.ses', // SES receipt with an SNS action
  'powertools/s3/eventbridge-object-deleted.json': '/aws.s3', // S3 through EventBridge: `/` + source
  'powertools/s3/eventbridge-object-expired.json': '/aws.s3',
  'powertools/s3/eventbridge-object-restored.json': '/aws.s3',
  'powertools/s3/sqs-event.json': '/aws.sqs', // S3 notification in an SQS body: delivered as SQS
  'documented/google/pubsub-push.json': '/google.pubsub',
  'documented/google/gcf-legacy-pubsub.json': '/google.pubsub',
  'documented/google/gcf-legacy-flat.json': '/google.pubsub',
  'documented/google/gcf-legacy-storage.json': '/google.storage',
  'documented/azure/eventgrid-blob-created.json': '/azure.eventgrid',
  'documented/azure/eventgrid-subscription-validation.json': '/azure.eventgrid',
  'documented/azure/eventgrid-custom-topic.json': '/azure.eventgrid',
  // HTTP events: the request's own path.
  'aws-lambda-go/apigw-request.json': '/hello/world', // API Gateway REST: `path`
  'powertools/apigw-rest/console-test-ui.json': '/no-auth',
  'powertools/apigw-rest/iam-auth.json': '/iam',
  'powertools/apigw-rest/jwt-authorizer-auth.json': '/cognito',
  'powertools/apigw-rest/lambda-authorizer-auth.json': '/lambda-token',
  'powertools/apigw-rest/no-auth.json': '/no-auth',
  'aws-lambda-go/apigw-v2-request-iam.json': '/my/path', // API Gateway HTTP API: `rawPath`
  'aws-lambda-go/apigw-v2-request-jwt-authorizer.json': '/my/path',
  'aws-lambda-go/apigw-v2-request-lambda-authorizer.json': '/my/path',
  'aws-lambda-go/apigw-v2-request-no-authorizer.json': '/',
  'powertools/apigw-http/iam-auth.json': '/iam',
  'powertools/apigw-http/jwt-authorizer-auth.json': '/cognito',
  'powertools/apigw-http/lambda-authorizer-auth.json': '/lambda',
  'powertools/apigw-http/no-auth.json': '/lambda',
  'aws-lambda-go/lambda-urls-request.json': '/my/path', // Function URL: `rawPath`
  'aws-lambda-go/alb-lambda-target-request-headers-only.json': '/', // ALB: `path`
  'aws-lambda-go/alb-lambda-target-request-multivalue-headers.json': '/',
  'powertools/alb/base.json': '/lambda',
  'powertools/alb/multi-fields.json': '/lambda',
  'powertools/vpc-lattice/base.json': '/testpath', // VPC Lattice v1: `raw_path`
  'powertools/vpc-lattice-v2/base.json': '/newpath', // VPC Lattice v2: `path`
  // No row: left to `request.path`.
  'powertools/apigw-rest/websocket.json': undefined, // WebSocket API (`requestContext.connectionId`)
  'aws-lambda-go/apigw-websocket-request.json': undefined,
  'powertools/apigw-rest/invalid.json': undefined, // neither stage nor resourcePath
  'powertools/apigw-http/invalid.json': undefined,
  'aws-sam-cli/kinesis/KinesisFirehoseSyslog.json': undefined, // neither metadata nor ARN
};

describe('routeFor: the routing table of docs/api.md, on real fixtures', () => {
  it.each(Object.entries(EXPECTED))('%s → %s', (path, expected) => {
    expect(routeFor(loadFixture(path))).toBe(expected);
  });

  it('lists fixtures that exist', () => {
    const present = new Set(fixturePaths());
    for (const path of Object.keys(EXPECTED)) expect(present.has(path), path).toBe(true);
  });

  it('routes every other fixture without throwing, to a path or undefined', () => {
    for (const path of fixturePaths()) {
      const route = routeFor(loadFixture(path));
      if (route !== undefined) expect(route.startsWith('/'), path).toBe(true);
    }
  });
});

describe('routeFor: edge cases', () => {
  it('is undefined for empty, null, primitives, arrays that are not Event Grid deliveries', () => {
    for (const event of [undefined, null, {}, [], [{}], [1], 'aws:s3', 42, true, { Records: [] }, { Records: [null] }]) {
      expect(routeFor(event)).toBeUndefined();
    }
  });

  it('puts CloudEvents first: specversion wins over every other field', () => {
    expect(routeFor({ specversion: '1.0', id: '1', type: 't', source: 'my.app', 'detail-type': 'x', Records: [{ eventSource: 'aws:s3' }] }))
      .toBe('/my.app');
  });

  it('puts EventBridge before the Records-based rows and before the EC2 row', () => {
    expect(routeFor({ source: 'com.my.event', 'detail-type': 'x', Records: [{ eventSource: 'aws:sqs' }] })).toBe('/com.my.event');
    expect(findSource({ source: 'aws.ec2', 'detail-type': 'EC2 Instance State-change Notification' })?.name).toBe('aws.events');
    expect(findSource({ source: 'aws.ec2', detail: {} })?.name).toBe('aws.ec2');
    expect(routeFor({ source: 'aws.ec2', detail: {} })).toBe('/aws.ec2');
  });

  it('does not route a CloudEvent or EventBridge event whose source is not a string', () => {
    expect(routeFor({ specversion: '1.0', id: '1', type: 't', source: 42 })).toBeUndefined();
    expect(routeFor({ source: { name: 'x' }, 'detail-type': 'x' })).toBeUndefined();
    expect(routeFor({ specversion: '1.0', id: '1', type: 't' })).toBeUndefined();
  });

  it('makes hostile sources safe', () => {
    const route = (source: string) => routeFor({ specversion: '1.0', id: '1', type: 't', source });
    expect(route('../../etc/passwd')).toBe('/etc/passwd');
    expect(route('/a/./b')).toBe('/a/b');
    expect(route('x?y#z')).toBe('/x%3Fy%23z');
    expect(route('%2e%2e/admin')).toBe('/admin');
    expect(route('a\r\nSet-Cookie: x=1')).toBe('/a%0D%0ASet-Cookie:%20x=1');
    expect(route('\u0000')).toBe('/%00');
    expect(route('🚀')).toBe('/%F0%9F%9A%80');
    expect(route('a\uD800')).toBe('/a%EF%BF%BD');
    expect(route('')).toBe('/');
    expect(route('/')).toBe('/');
    expect(routeFor({ source: '../admin?x=1', 'detail-type': 'x', detail: {} })).toBe('/admin%3Fx=1');
    expect(routeFor({ event: { eventName: '../../x#y' } })).toBe('/x%23y');
  });

  it('routes a 10 kB source', () => {
    const source = 'seg/'.repeat(2_500);
    expect(routeFor({ specversion: '1.0', id: '1', type: 't', source })).toBe('/seg'.repeat(2_500));
  });

  it('keeps route() of fixed-route sources a constant', () => {
    const routed = ['cloudevents', 'aws.appsync', 'aws.events', 'aws.iotevents', 'aws.cognito-idp', 'aws.secretsmanager', 'aws.states', 'google.functions', 'aws.lambda.url', 'aws.apigateway.http', 'aws.apigateway', 'aws.elb', 'aws.vpclattice'];
    const fixed = sources.filter((source) => !routed.includes(source.name));
    for (const source of fixed) expect(source.route({} as never)).toBe('/' + source.name);
  });

  it('does not throw on exotic objects', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, has: () => { throw new Error('boom'); } });
    expect(routeFor(hostile)).toBeUndefined();
    const getter = Object.defineProperty({}, 'Records', { get: () => { throw new Error('boom'); } });
    expect(routeFor(getter)).toBeUndefined();
  });
});

describe('sources', () => {
  it('are in the order of the routing table, then the added sources', () => {
    expect(sources.map((source) => source.name)).toEqual([
      'cloudevents', 'aws.events', 'aws.iotevents', 'aws.s3', 'aws.codecommit', 'aws.dynamodb', 'aws.ec2',
      'aws.kinesis', 'aws.sns', 'aws.sqs', 'aws.ses', 'aws.lex', 'aws.lexv2', 'aws.kinesis.firehose', 'aws.cognito', 'aws.cognito-idp',
      'aws.config', 'aws.cloudfront', 'aws.cloudformation', 'aws.alexa', 'aws.alexa.skills',
      'aws.logs', 'aws.kafka', 'aws.mq', 'aws.rmq', 'aws.codepipeline', 'aws.iot.button', 'aws.iot1click', 'aws.iot.provisioning', 'aws.iot.authorizer', 'aws.appsync', 'aws.appsync.authorizer', 'aws.secretsmanager', 'aws.s3.batch', 'aws.states', 'aws.apigateway.authorizer', 'aws.bedrock-agent', 'aws.connect', 'aws.lambda.url', 'aws.apigateway.http', 'aws.apigateway', 'aws.elb', 'aws.vpclattice', 'google.pubsub', 'google.functions', 'azure.eventgrid',
    ]);
  });

  it('say how a failed delivery is treated', () => {
    const delivery = Object.fromEntries(sources.map((source) => [source.name, source.answer]));
    expect(delivery).toEqual({
      cloudevents: 'envelope', 'aws.events': 'reject', 'aws.iotevents': 'reject', 'aws.s3': 'reject',
      'aws.codecommit': 'reject', 'aws.dynamodb': 'reject', 'aws.ec2': 'reject', 'aws.kinesis': 'reject',
      'aws.sns': 'reject', 'aws.sqs': 'reject', 'aws.ses': 'reject', 'aws.lex': 'json', 'aws.lexv2': 'json',
      'aws.kinesis.firehose': 'json', 'aws.cognito': 'envelope', 'aws.cognito-idp': 'json', 'aws.config': 'reject',
      'aws.cloudfront': 'response', 'aws.cloudformation': 'callback', 'aws.alexa': 'json', 'aws.alexa.skills': 'json', 'aws.logs': 'reject', 'aws.kafka': 'reject', 'aws.mq': 'reject', 'aws.rmq': 'reject',
      'aws.codepipeline': 'reject', 'aws.iot.button': 'reject', 'aws.iot1click': 'reject', 'aws.iot.provisioning': 'json', 'aws.iot.authorizer': 'json', 'aws.appsync': 'json', 'aws.appsync.authorizer': 'json', 'aws.secretsmanager': 'json', 'aws.s3.batch': 'json', 'aws.states': 'json', 'aws.apigateway.authorizer': 'json', 'aws.bedrock-agent': 'response', 'aws.connect': 'json',
      'aws.lambda.url': 'http', 'aws.apigateway.http': 'http', 'aws.apigateway': 'http', 'aws.elb': 'http', 'aws.vpclattice': 'http',
      'google.pubsub': 'reject', 'google.functions': 'reject', 'azure.eventgrid': 'reject',
    });
  });

  it('only SQS, Kinesis and DynamoDB Streams report batch item failures', () => {
    expect(sources.filter((source) => source.records?.identifier !== undefined).map((source) => source.name))
      .toEqual(['aws.dynamodb', 'aws.kinesis', 'aws.sqs']);
  });
});
