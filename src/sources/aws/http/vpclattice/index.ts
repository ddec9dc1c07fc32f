import type { DispatchRequest, DispatchResponse } from '../../../../dispatch/types.js';
import { buildCloudEvent, convertSafely, invocationId } from '../../../convert/build.js';
import { jsonPayload } from '../../../convert/payload.js';
import { fromEpochMillis } from '../../../convert/time.js';
import { field, isObject, textField } from '../../../convert/values.js';
import type { HttpEventSource } from '../../../types.js';
import {
  collectHeaders, encodeRaw, finishHeaders, forwardedFor, forwardedHttps, rawQuery, requestBody, requestPath, requestMethod, responseBody,
  singleValueHeaders, statusDescription, withQuery,
} from '../common/index.js';

/** A VPC Lattice request, event structure version 1 (snake_case fields). */
export interface VpcLatticeEventV1 {
  raw_path: string;
  method: string;
  headers: Record<string, string>;
  query_string_parameters?: Record<string, string>;
  body?: string;
  is_base64_encoded?: boolean;
}

/** A VPC Lattice request, event structure version 2. Headers and query values are arrays (or strings). */
export interface VpcLatticeEventV2 {
  version: '2.0';
  path: string;
  method: string;
  headers: Record<string, string[] | string>;
  queryStringParameters?: Record<string, string[] | string>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: { serviceNetworkArn: string; serviceArn?: string; targetGroupArn?: string; timeEpoch?: string; region?: string };
}

export type VpcLatticeEvent = VpcLatticeEventV1 | VpcLatticeEventV2;

/**
 * VPC Lattice v2: `version: '2.0'` with `requestContext.serviceNetworkArn` (payload 2.0 of API Gateway
 * shares the version but has `requestContext.http` and no service network).
 *
 * @example
 * isVpcLatticeV2Event({ version: '2.0', path: '/', method: 'GET', requestContext: { serviceNetworkArn: 'arn:...' } }); // true
 */
export function isVpcLatticeV2Event(event: unknown): event is VpcLatticeEventV2 {
  return isObject(event) && event.version === '2.0' && typeof field(event.requestContext, 'serviceNetworkArn') === 'string';
}

/**
 * VPC Lattice v1: `raw_path` (with `method`): a snake_case name no other event uses. `is_base64_encoded`
 * is not required: some producers of v1 events (test tools, older SDK models) leave it out.
 *
 * @example
 * isVpcLatticeV1Event({ raw_path: '/', method: 'GET', is_base64_encoded: false }); // true
 */
export function isVpcLatticeV1Event(event: unknown): event is VpcLatticeEventV1 {
  return isObject(event) && typeof event.raw_path === 'string' && typeof event.method === 'string';
}

/**
 * Either VPC Lattice event structure (see `isVpcLatticeV2Event`, `isVpcLatticeV1Event`).
 *
 * @example
 * isVpcLatticeEvent({ raw_path: '/', method: 'GET' }); // true
 */
export function isVpcLatticeEvent(event: unknown): event is VpcLatticeEvent {
  return isVpcLatticeV2Event(event) || isVpcLatticeV1Event(event);
}

/** The first `host` value (v2 headers are arrays). */
function hostOf(host: unknown): string | undefined {
  const value: unknown = Array.isArray(host) ? host[0] : host;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The path (v2 `path`, v1 `raw_path` up to a `?`) and the raw query string of either version. */
function target(event: VpcLatticeEvent): { path: string; query: string } {
  if (isVpcLatticeV2Event(event)) {
    return { path: requestPath(field(event, 'path')), query: rawQuery(undefined, field(event, 'queryStringParameters')) };
  }
  const raw = field(event, 'raw_path');
  const text = typeof raw === 'string' ? raw : '';
  const mark = text.indexOf('?');
  const params = field(event, 'query_string_parameters');
  // v1 `raw_path` is the raw request target; when it holds the query, that is the query as sent.
  const query = isObject(params) && Object.keys(params).length > 0 ? rawQuery(undefined, params) : mark >= 0 ? encodeRaw(text.slice(mark + 1)) : '';
  return { path: requestPath(mark >= 0 ? text.slice(0, mark) : text), query };
}

/**
 * VPC Lattice (v1 and v2 event structures): the HTTP request the event carries. Path v2 `path`, v1
 * `raw_path`; query from `queryStringParameters` / `query_string_parameters`, kept as sent (as ALB);
 * headers from `headers` (v2 values are arrays); body base64-decoded per `isBase64Encoded` /
 * `is_base64_encoded`; remote address the last `x-forwarded-for` entry (Lattice gives no source IP
 * field); secure (https) when `x-forwarded-proto` says so. The response is `{ statusCode, statusDescription, headers, body, isBase64Encoded }` with a
 * single-value `headers` map (repeated fields joined, the last `Set-Cookie` kept). One CloudEvent
 * `com.amazonaws.vpclattice.request`, id the invocation's request id, source the service ARN (v2), else
 * the `host` header, data the event.
 *
 * @example
 * vpcLatticeSource.toRequest(event).url; // '/newpath?order-id=1'
 */
export const vpcLatticeSource: HttpEventSource<VpcLatticeEvent> = {
  name: 'aws.vpclattice',
  detect: isVpcLatticeEvent,
  route: (event) => target(event).path,
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const requestContext = field(event, 'requestContext');
      const host = field(field(event, 'headers'), 'host');
      const timeEpoch = field(requestContext, 'timeEpoch'); // microseconds, as a string
      return [
        buildCloudEvent(
          {
            id: invocationId(context),
            source: encodeRaw(textField(requestContext, 'serviceArn') ?? textField(requestContext, 'targetGroupArn') ?? hostOf(host) ?? 'aws:vpc-lattice'),
            type: 'com.amazonaws.vpclattice.request',
            subject: target(event).path,
            time: typeof timeEpoch === 'string' && timeEpoch.length > 3 ? fromEpochMillis(timeEpoch.slice(0, -3)) : undefined,
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'http',
  toRequest: (event): DispatchRequest => {
    const v2 = isVpcLatticeV2Event(event);
    const body = requestBody(field(event, 'body'), v2 ? field(event, 'isBase64Encoded') : field(event, 'is_base64_encoded') ?? field(event, 'isBase64Encoded'));
    const headers = finishHeaders(collectHeaders(field(event, 'headers'), undefined), body);
    const { path, query } = target(event);
    return { method: requestMethod(field(event, 'method'), 'method'), url: withQuery(path, query), headers, body, remoteAddress: forwardedFor(headers), secure: forwardedHttps(headers) };
  },
  respond: (response: DispatchResponse) => ({
    statusCode: response.statusCode,
    statusDescription: statusDescription(response.statusCode),
    headers: singleValueHeaders(response.headers),
    ...responseBody(response),
  }),
};
