/** The Adapter layer: recognise an invocation's source, route it, normalise it to CloudEvents. */
export { findSource, routeFor, sources, toCloudEvents } from './registry.js';
export { safePath } from './path.js';
export type { BatchSemantics, DeliveryKind, EventSource } from './types.js';

export { isAlexaEvent, type AlexaSmartHomeEvent } from './aws/alexa/index.js';
export { isCloudFormationEvent } from './aws/cloudformation/index.js';
export { isCloudFrontEvent, type CloudFrontEvent } from './aws/cloudfront/index.js';
export { isCodeCommitEvent, type CodeCommitEvent } from './aws/codecommit/index.js';
export { isCognitoSyncEvent, type CognitoSyncEvent } from './aws/cognito/index.js';
export { isConfigRuleEvent, type ConfigRuleEvent } from './aws/config/index.js';
export { isDynamoDbStreamEvent } from './aws/dynamodb/index.js';
export { unmarshall } from './aws/dynamodb/unmarshal.js';
export { isEc2Event } from './aws/ec2/index.js';
export { isEventBridgeEvent, type AnyEventBridgeEvent } from './aws/eventbridge/index.js';
export { isFirehoseEvent } from './aws/firehose/index.js';
export { isIotEventsEvent, type IotEventsEvent } from './aws/iot-events/index.js';
export { isKinesisStreamEvent } from './aws/kinesis/index.js';
export { isLexEvent } from './aws/lex/index.js';
export { isCloudWatchLogsEvent } from './aws/logs/index.js';
export { decodeS3Key, isS3Event } from './aws/s3/index.js';
export { isSesEvent } from './aws/ses/index.js';
export { isSnsEvent } from './aws/sns/index.js';
export { isSqsEvent } from './aws/sqs/index.js';
export { isEventGridEvent, type EventGridDelivery, type EventGridEvent } from './azure/event-grid/index.js';
export { isStructuredCloudEvent, type StructuredCloudEvent } from './cloudevents/index.js';
export { isGcfLegacyEvent, type GcfLegacyEvent } from './google/legacy/index.js';
export { isPubSubPush, type PubSubPushEnvelope } from './google/pubsub/index.js';
