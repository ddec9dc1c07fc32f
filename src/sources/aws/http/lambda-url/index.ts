import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { field } from '../../../convert/values.js';
import type { HttpEventSource } from '../../../types.js';
import { isPayloadV2Event, payloadV2CloudEvents, payloadV2Path, payloadV2Request, payloadV2Response } from '../apigateway-http/index.js';

/**
 * Lambda Function URL: a payload 2.0 event whose `requestContext.domainName` is a Function URL
 * (`<url-id>.lambda-url.<region>.on.aws`). The format is otherwise that of an HTTP API event; the
 * domain is the one field that tells them apart.
 *
 * @example
 * isFunctionUrlEvent({ version: '2.0', requestContext: { domainName: 'x.lambda-url.us-east-1.on.aws', http: {} } }); // true
 */
export function isFunctionUrlEvent(event: unknown): event is LambdaFunctionURLEvent {
  if (!isPayloadV2Event(event)) return false;
  const domain = field(event.requestContext, 'domainName');
  return typeof domain === 'string' && domain.includes('.lambda-url.');
}

/**
 * Lambda Function URLs: the HTTP request the event carries, answered with a payload 2.0 result (as API
 * Gateway HTTP API, see `apigw-http`). One CloudEvent `com.amazonaws.lambda.url.request`, id the
 * request id, source the URL's domain name, data the event.
 *
 * @example
 * functionUrlSource.toRequest(event).method; // 'POST'
 */
export const functionUrlSource: HttpEventSource<LambdaFunctionURLEvent> = {
  name: 'aws.lambda.url',
  detect: isFunctionUrlEvent,
  route: payloadV2Path,
  toCloudEvents: (event, context) => payloadV2CloudEvents(event, 'com.amazonaws.lambda.url.request', 'aws:lambda', context),
  answer: 'http',
  toRequest: payloadV2Request,
  respond: payloadV2Response,
};
