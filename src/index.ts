/**
 * cloud-events-handler: deliver cloud events to an existing Node web app as in-process HTTP requests.
 * See README.md and the public contract in docs/.
 */
export { createLambdaHandler, createStreamingLambdaHandler } from './handlers/lambda/index.js';
export type { AwsLambdaRuntime, LambdaResponseStream, StreamedResponseHead, StreamingLambdaHandler, HttpEventResult, SyncResult } from './handlers/lambda/index.js';
export type { LambdaHandler, LambdaResult, LambdaOptions, RecordRoutes, RequestDefaults, BatchResult, HttpResult } from './handlers/lambda/index.js';
export {
  DEFAULT_HOST,
  DEFAULT_METHOD,
  DEFAULT_PATH,
  DEFAULT_RECORD_CONCURRENCY,
  DEFAULT_TIMEOUT_MARGIN_MS,
  DEFAULT_TIMEOUT_MS,
} from './handlers/lambda/index.js';
export { routeFor, toCloudEvents } from './sources/index.js';
export { unwrapSnsInSqs } from './sources/index.js';
export { getInvocation } from './invocation.js';
export type { Invocation } from './invocation.js';
export { EventDeliveryError, ConfigurationError } from './errors.js';
export type { EventDeliveryErrorCode, ConfigurationErrorCode } from './errors.js';
export { createDispatcher } from './dispatch/app.js';
export type { App } from './dispatch/app.js';
export type { DispatchRequest, DispatchResponse, Dispatcher } from './dispatch/types.js';
export type { LambdaContext } from './lambda-context.js';
export type { CloudEvent } from './cloudevents/types.js';
export * from './cloudevents/index.js';
export { createCloudEventFunction } from './handlers/gcf/index.js';
export type { CloudEventFunction, CloudEventFunctionOptions } from './handlers/gcf/index.js';
export type { FunctionsFrameworkCloudEvent } from './sources/google/cloudevent/index.js';
export { createAzureFunctionHandler } from './handlers/azure/index.js';
export type { AzureFunctionHandler, AzureFunctionOptions } from './handlers/azure/index.js';
export type { AzureInvocationContext } from './sources/azure/types.js';
export type { AzureCookie, AzureHttpRequest, AzureHttpResponseInit } from './sources/azure/http/index.js';
export { createEventGateway, serve } from './gateway/index.js';
export type { EventGateway, GatewayAuth, GatewayOptions, OutboundFetch, ServeOptions, ServedGateway } from './gateway/index.js';
export { DEFAULT_GATEWAY_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_IN_FLIGHT, GOOGLE_JWKS_URI } from './gateway/index.js';
