import type { ALBEvent } from 'aws-lambda';
import type { DispatchRequest, DispatchResponse } from '../../../../dispatch/types.js';
import { buildCloudEvent, convertSafely, invocationId } from '../../../convert/build.js';
import { jsonPayload } from '../../../convert/payload.js';
import { field, isObject, textField } from '../../../convert/values.js';
import type { HttpEventSource } from '../../../types.js';
import {
  collectHeaders, encodeRaw, finishHeaders, forwardedFor, forwardedHttps, multiValueHeaders, rawQuery, requestBody, requestPath, requestMethod, responseBody,
  singleValueHeaders, statusDescription, withQuery,
} from '../common/index.js';

/**
 * Application Load Balancer: `requestContext.elb`, the only field no other HTTP event has (its
 * `httpMethod` and `path` are shared with API Gateway REST).
 *
 * @example
 * isAlbEvent({ httpMethod: 'GET', path: '/', requestContext: { elb: { targetGroupArn: 'arn:...' } } }); // true
 */
export function isAlbEvent(event: unknown): event is ALBEvent {
  return isObject(event) && isObject(field(event.requestContext, 'elb'));
}

/** Whether the target group has multi-value headers on: the request then carries `multiValueHeaders`. */
function isMultiValue(event: ALBEvent): boolean {
  return isObject(field(event, 'multiValueHeaders'));
}

/**
 * ALB: the HTTP request the event carries. Path `path`; query from `multiValueQueryStringParameters`,
 * else `queryStringParameters`, kept as sent (ALB does not decode them, so they are not encoded again);
 * headers from `multiValueHeaders`, else `headers`; remote address the last `x-forwarded-for` entry
 * (see `forwardedFor`); secure (https) when `x-forwarded-proto` says so. The response uses the request's variant: `multiValueHeaders` when the request
 * had them, else `headers` (repeated fields joined, the last `Set-Cookie` kept), with `statusDescription`.
 * One CloudEvent `com.amazonaws.elasticloadbalancing.request`, id the `x-amzn-trace-id` header (else the
 * invocation's request id), source the target group ARN, data the event.
 *
 * @example
 * albSource.respond(response, event); // { statusCode: 200, statusDescription: '200 OK', multiValueHeaders: {...}, body: '...', isBase64Encoded: false }
 */
export const albSource: HttpEventSource<ALBEvent> = {
  name: 'aws.elb',
  detect: isAlbEvent,
  route: (event) => requestPath(field(event, 'path')),
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const headers = collectHeaders(field(event, 'headers'), field(event, 'multiValueHeaders'));
      const trace = headers['x-amzn-trace-id'];
      return [
        buildCloudEvent(
          {
            id: typeof trace === 'string' && trace !== '' ? trace : invocationId(context),
            source: encodeRaw(textField(field(field(event, 'requestContext'), 'elb'), 'targetGroupArn') ?? 'aws:elasticloadbalancing'),
            type: 'com.amazonaws.elasticloadbalancing.request',
            subject: requestPath(field(event, 'path')),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'http',
  toRequest: (event): DispatchRequest => {
    const body = requestBody(field(event, 'body'), field(event, 'isBase64Encoded'));
    const headers = finishHeaders(collectHeaders(field(event, 'headers'), field(event, 'multiValueHeaders')), body);
    const query = rawQuery(field(event, 'multiValueQueryStringParameters'), field(event, 'queryStringParameters'));
    return {
      method: requestMethod(field(event, 'httpMethod'), 'httpMethod'),
      url: withQuery(requestPath(field(event, 'path')), query),
      headers,
      body,
      remoteAddress: forwardedFor(headers),
      secure: forwardedHttps(headers),
    };
  },
  respond: (response: DispatchResponse, event) => {
    const result = { statusCode: response.statusCode, statusDescription: statusDescription(response.statusCode) };
    return isMultiValue(event)
      ? { ...result, multiValueHeaders: multiValueHeaders(response.headers), ...responseBody(response) }
      : { ...result, headers: singleValueHeaders(response.headers), ...responseBody(response) };
  },
};
