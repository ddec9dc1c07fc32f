import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { DispatchRequest, DispatchResponse } from '../../../../dispatch/types.js';
import type { LambdaContext } from '../../../../lambda-context.js';
import type { CloudEvent } from '../../../../cloudevents/types.js';
import { buildCloudEvent, convertSafely, invocationId } from '../../../convert/build.js';
import { jsonPayload } from '../../../convert/payload.js';
import { fromEpochMillis } from '../../../convert/time.js';
import { field, isObject, textField } from '../../../convert/values.js';
import type { HttpEventSource } from '../../../types.js';
import {
  addHeader, collectHeaders, encodeRaw, finishHeaders, ipAddress, requestBody, requestPath, requestMethod, responseBody, safeRawQuery, setCookies,
  singleValueHeaders, withQuery,
} from '../common/index.js';

/**
 * Payload format 2.0 (API Gateway HTTP API, Lambda Function URLs): `version: '2.0'` with
 * `requestContext.http`. The version alone is shared with VPC Lattice v2 (which has no
 * `requestContext.http`); an HTTP API Lambda authorizer's request (`routeArn`) has both but wants an
 * authorization answer, not a response.
 *
 * @example
 * isPayloadV2Event({ version: '2.0', rawPath: '/', requestContext: { http: { method: 'GET' } } }); // true
 */
export function isPayloadV2Event(event: unknown): event is APIGatewayProxyEventV2 {
  return isObject(event) && event.version === '2.0' && isObject(field(event.requestContext, 'http')) && !('routeArn' in event);
}

/**
 * API Gateway HTTP API: a payload 2.0 event (see `isPayloadV2Event`) that is not from a Function URL
 * (checked first, in the registry).
 *
 * @example
 * isApiGatewayHttpEvent(loadFixture('aws-lambda-go/apigw-v2-request-iam.json')); // true
 */
export function isApiGatewayHttpEvent(event: unknown): event is APIGatewayProxyEventV2 {
  return isPayloadV2Event(event);
}

/**
 * The request of a payload 2.0 event: method `requestContext.http.method`; url `rawPath` and
 * `rawQueryString` as sent; headers from `headers` (API Gateway has already joined repeated fields with
 * commas), `cookie` from the `cookies` array joined with `; ` (2.0 moves the Cookie header there);
 * remote address `requestContext.http.sourceIp`; always secure (HTTP APIs and Function URLs serve https
 * only).
 *
 * @example
 * payloadV2Request(loadFixture('aws-lambda-go/lambda-urls-request.json')).url; // '/my/path?parameter1=value1&...'
 */
export function payloadV2Request(event: APIGatewayProxyEventV2): DispatchRequest {
  const http = field(field(event, 'requestContext'), 'http');
  const body = requestBody(field(event, 'body'), field(event, 'isBase64Encoded'));
  const headers = collectHeaders(field(event, 'headers'), undefined);
  const cookies = field(event, 'cookies');
  if (Array.isArray(cookies)) for (const cookie of cookies) addHeader(headers, 'cookie', cookie);
  return {
    method: requestMethod(field(http, 'method'), 'requestContext.http.method'),
    url: withQuery(payloadV2Path(event), safeRawQuery(field(event, 'rawQueryString'))),
    headers: finishHeaders(headers, body),
    body,
    remoteAddress: ipAddress(field(http, 'sourceIp')),
    // HTTP APIs and Function URLs serve https only.
    secure: true,
  };
}

/**
 * The request path of a payload 2.0 event: `rawPath`, else `requestContext.http.path`, made safe (see
 * `requestPath`).
 *
 * @example
 * payloadV2Path({ rawPath: '/my/path', requestContext: { http: {} } } as never); // '/my/path'
 */
export function payloadV2Path(event: APIGatewayProxyEventV2): string {
  const raw = field(event, 'rawPath');
  return requestPath(typeof raw === 'string' ? raw : field(field(field(event, 'requestContext'), 'http'), 'path'));
}

/**
 * The payload 2.0 result: `{ statusCode, headers, cookies, body, isBase64Encoded }`, `Set-Cookie`
 * values in `cookies` (2.0 has no multi-value headers), other repeated fields joined with `, `.
 *
 * @example
 * payloadV2Response({ statusCode: 200, headers: { 'set-cookie': ['a=1', 'b=2'] }, body: Buffer.alloc(0) });
 * // { statusCode: 200, headers: {}, cookies: ['a=1', 'b=2'], body: '', isBase64Encoded: false }
 */
export function payloadV2Response(response: DispatchResponse): unknown {
  const headers = singleValueHeaders(response.headers);
  delete headers['set-cookie'];
  return { statusCode: response.statusCode, headers, cookies: setCookies(response.headers), ...responseBody(response) };
}

/**
 * One CloudEvent of `type` for a payload 2.0 event: id the request id, source the domain name (else
 * the API id, else `fallbackSource`), subject the path, time `requestContext.timeEpoch`, data the event.
 *
 * @example
 * payloadV2CloudEvents(event, 'com.amazonaws.lambda.url.request', 'aws:lambda')[0].id; // event.requestContext.requestId
 */
export function payloadV2CloudEvents(event: APIGatewayProxyEventV2, type: string, fallbackSource: string, context?: LambdaContext): CloudEvent[] {
  return convertSafely(event, context, () => {
    const requestContext = field(event, 'requestContext');
    return [
      buildCloudEvent(
        {
          id: textField(requestContext, 'requestId') ?? invocationId(context),
          source: encodeRaw(textField(requestContext, 'domainName') ?? textField(requestContext, 'apiId') ?? fallbackSource),
          type,
          subject: payloadV2Path(event),
          time: fromEpochMillis(field(requestContext, 'timeEpoch')),
        },
        jsonPayload(event),
      ),
    ];
  });
}

/**
 * API Gateway HTTP API (payload 2.0): the HTTP request it carries (see `payloadV2Request`), answered
 * with a 2.0 result (see `payloadV2Response`). One CloudEvent `com.amazonaws.apigateway.http.request`,
 * id the request id, source the API's domain name, data the event.
 *
 * @example
 * apiGatewayHttpSource.route(event); // '/my/path'
 */
export const apiGatewayHttpSource: HttpEventSource<APIGatewayProxyEventV2> = {
  name: 'aws.apigateway.http',
  detect: isApiGatewayHttpEvent,
  route: payloadV2Path,
  toCloudEvents: (event, context) => payloadV2CloudEvents(event, 'com.amazonaws.apigateway.http.request', 'aws:apigateway', context),
  answer: 'http',
  toRequest: payloadV2Request,
  respond: payloadV2Response,
};
