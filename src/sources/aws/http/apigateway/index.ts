import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { DispatchRequest, DispatchResponse } from '../../../../dispatch/types.js';
import { buildCloudEvent, convertSafely, invocationId } from '../../../convert/build.js';
import { jsonPayload } from '../../../convert/payload.js';
import { fromEpochMillis } from '../../../convert/time.js';
import { field, isObject, textField } from '../../../convert/values.js';
import type { HttpEventSource } from '../../../types.js';
import {
  collectHeaders, decodedQuery, encodeRaw, finishHeaders, ipAddress, multiValueHeaders, requestBody, requestPath, requestMethod, responseBody,
  withQuery,
} from '../common/index.js';

/**
 * API Gateway REST API (and HTTP API payload format 1.0): `httpMethod` with `requestContext.stage` or
 * `requestContext.resourcePath`. `httpMethod` alone is not enough (ALB has it too, with
 * `requestContext.elb` and no stage); a stage or resource path exists only on API Gateway. A Lambda
 * authorizer's request (`methodArn`) has the same fields but wants a policy back, not a response, and a
 * WebSocket API's `$connect` event (`requestContext.connectionId`) is not an HTTP exchange with the
 * app: neither is this source.
 *
 * @example
 * isApiGatewayRestEvent({ httpMethod: 'GET', path: '/', requestContext: { stage: 'prod' } }); // true
 */
export function isApiGatewayRestEvent(event: unknown): event is APIGatewayProxyEvent {
  if (!isObject(event) || typeof event.httpMethod !== 'string' || 'methodArn' in event) return false;
  const context = event.requestContext;
  return isObject(context) && (typeof context.stage === 'string' || typeof context.resourcePath === 'string') && !('connectionId' in context);
}

/**
 * API Gateway REST (payload 1.0): the HTTP request it carries, delivered as is. Path `path` (the real
 * request path, custom domain base path included); query from `multiValueQueryStringParameters`, else
 * `queryStringParameters` (API Gateway decodes them: they are encoded again); headers from
 * `multiValueHeaders`, else `headers`; remote address `requestContext.identity.sourceIp`; always secure
 * (API Gateway serves https only). The response
 * is `{ statusCode, headers, multiValueHeaders, body, isBase64Encoded }`: single-valued fields in
 * `headers`, all fields in `multiValueHeaders` (API Gateway merges the two, the multi-value map winning
 * a clash, so nothing doubles). One CloudEvent `com.amazonaws.apigateway.request`, id the request id,
 * source the API's domain (else its id), data the event.
 *
 * @example
 * apiGatewayRestSource.toRequest(event); // { method: 'POST', url: '/hello/world?name=me', headers: {...}, ... }
 */
export const apiGatewayRestSource: HttpEventSource<APIGatewayProxyEvent> = {
  name: 'aws.apigateway',
  detect: isApiGatewayRestEvent,
  route: (event) => requestPath(field(event, 'path')),
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const requestContext = field(event, 'requestContext');
      return [
        buildCloudEvent(
          {
            id: textField(requestContext, 'requestId') ?? invocationId(context),
            source: encodeRaw(textField(requestContext, 'domainName') ?? textField(requestContext, 'apiId') ?? 'aws:apigateway'),
            type: 'com.amazonaws.apigateway.request',
            subject: requestPath(field(event, 'path')),
            time: fromEpochMillis(field(requestContext, 'requestTimeEpoch')),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'http',
  toRequest: (event): DispatchRequest => {
    const body = requestBody(field(event, 'body'), field(event, 'isBase64Encoded'));
    const headers = finishHeaders(collectHeaders(field(event, 'headers'), field(event, 'multiValueHeaders')), body);
    const query = decodedQuery(field(event, 'multiValueQueryStringParameters'), field(event, 'queryStringParameters'));
    return {
      method: requestMethod(field(event, 'httpMethod'), 'httpMethod'),
      url: withQuery(requestPath(field(event, 'path')), query),
      headers,
      body,
      remoteAddress: ipAddress(field(field(field(event, 'requestContext'), 'identity'), 'sourceIp')),
      // API Gateway endpoints are https only.
      secure: true,
    };
  },
  respond: (response: DispatchResponse) => {
    const headers: Record<string, string> = {};
    for (const name in response.headers) {
      const value = response.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    return { statusCode: response.statusCode, headers, multiValueHeaders: multiValueHeaders(response.headers), ...responseBody(response) };
  },
};
