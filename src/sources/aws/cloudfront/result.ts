import type * as Http from 'node:http';
import { builtin } from '../../../builtins.js';
import type { DispatchResponse } from '../../../dispatch/types.js';
import { field, firstRecord, isObject, type JsonObject } from '../../convert/values.js';
import { responseBody } from '../http/common/index.js';

/** A CloudFront header map: lower-case names, each an array of `{ key, value }` (one per value). */
export type CloudFrontHeaderMap = Record<string, Array<{ key: string; value: string }>>;

/** A response Lambda@Edge generates or replaces: `status` is required, the rest optional. */
export interface CloudFrontGeneratedResponse {
  status: string;
  statusDescription?: string;
  headers: CloudFrontHeaderMap;
  body?: string;
  bodyEncoding?: 'base64';
}

/**
 * Headers a Lambda@Edge result must not set: hop-by-hop fields, the ones CloudFront computes itself
 * (`content-length`, `transfer-encoding`, `via`: read-only in every event) and CloudFront's disallowed
 * list. Any of them fails validation and the viewer gets a 502, so they are dropped.
 */
const DROPPED = new Set([
  'connection',
  'content-length',
  'expect',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
  'x-cache',
  'x-forwarded-proto',
  'x-real-ip',
]);

/** Disallowed header families: `X-Accel-*`, `X-Amz-Cf-*`, `X-Edge-*`. */
const DROPPED_PREFIX = /^x-(?:accel-|amz-cf-|edge-)/;

/** Whether the response's content type is JSON (`application/json`, `...+json`), parameters ignored. */
const JSON_CONTENT = /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;

/** The three-digit status of a CloudFront response object (CloudFront wants a string; a number is accepted here). */
const STATUS = /^[1-5]\d\d$/;

/** The members of a Lambda@Edge request object (`origin` in origin-request events, `body` with IncludeBody). */
const REQUEST_KEYS = new Set(['uri', 'method', 'querystring', 'headers', 'clientIp', 'origin', 'body']);

/** The members of a Lambda@Edge response object. */
const RESPONSE_KEYS = new Set(['status', 'statusDescription', 'headers', 'body', 'bodyEncoding']);

/** Whether every member of `object` is one of `keys`: an API's `{ status: 200, data }` is not a CloudFront response. */
function onlyKeys(object: JsonObject, keys: ReadonlySet<string>): boolean {
  for (const key in object) if (!keys.has(key)) return false;
  return true;
}

/** `http.STATUS_CODES`, loaded on first use. */
let statusCodes: typeof Http.STATUS_CODES | undefined;

/**
 * The `cf` object of the invocation's first record (Lambda@Edge sends exactly one).
 *
 * @example
 * cloudFrontRecord({ Records: [{ cf: { request: { uri: '/' } } }] }); // { request: { uri: '/' } }
 */
export function cloudFrontRecord(event: unknown): JsonObject | undefined {
  const cf = firstRecord(event)?.cf;
  return isObject(cf) ? cf : undefined;
}

/**
 * The trigger of a Lambda@Edge event: `cf.config.eventType` (`viewer-request`, `origin-request`,
 * `origin-response`, `viewer-response`) when CloudFront sends it, else `request` or `response` from
 * whether the record carries a `response` (sample events often leave `eventType` out).
 *
 * @example
 * cloudFrontEventType({ config: { eventType: 'origin-response' } }); // 'origin-response'
 * cloudFrontEventType({ request: {}, response: {} });              // 'response'
 */
export function cloudFrontEventType(cf: unknown): string {
  const eventType = field(field(cf, 'config'), 'eventType');
  if (typeof eventType === 'string' && eventType !== '') return eventType;
  return field(cf, 'response') !== undefined ? 'response' : 'request';
}

/**
 * The app's answer when it is a CloudFront object already: a JSON body (by content type) holding an
 * object with a string `uri` (a request, to forward) or a three-digit `status` (a response), and no
 * member CloudFront's request (`uri`, `method`, `querystring`, `headers`, `clientIp`, `origin`, `body`)
 * or response (`status`, `statusDescription`, `headers`, `body`, `bodyEncoding`) objects do not have.
 * Else `undefined`: the answer is a plain HTTP response to convert.
 *
 * @example
 * cloudFrontObject({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"uri":"/x"}') });
 * // { uri: '/x' }
 */
export function cloudFrontObject(response: DispatchResponse): JsonObject | undefined {
  const type = response.headers['content-type'];
  if (typeof type !== 'string' || !JSON_CONTENT.test(type) || response.body.length === 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  if (typeof parsed.uri === 'string') return onlyKeys(parsed, REQUEST_KEYS) ? parsed : undefined;
  const status = parsed.status;
  if ((typeof status === 'string' || typeof status === 'number') && STATUS.test(String(status)) && onlyKeys(parsed, RESPONSE_KEYS)) return parsed;
  return undefined;
}

/**
 * `content-type` → `Content-Type`: the header key CloudFront would insert itself (initial capitals,
 * hyphen-separated parts).
 *
 * @example
 * headerKey('x-amz-meta-last-modified'); // 'X-Amz-Meta-Last-Modified'
 */
export function headerKey(name: string): string {
  let key = '';
  let upper = true;
  for (let i = 0; i < name.length; i++) {
    const c = name[i] as string;
    key += upper ? c.toUpperCase() : c;
    upper = c === '-';
  }
  return key;
}

/**
 * The app's response headers in CloudFront's format: lower-case names, `[{ key, value }]` with one entry
 * per value (each `set-cookie` its own entry), without the headers CloudFront rejects.
 *
 * @example
 * cloudFrontHeaders({ 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'], 'content-length': '2' });
 * // { 'content-type': [{ key: 'Content-Type', value: 'text/plain' }],
 * //   'set-cookie': [{ key: 'Set-Cookie', value: 'a=1' }, { key: 'Set-Cookie', value: 'b=2' }] }
 */
export function cloudFrontHeaders(headers: DispatchResponse['headers']): CloudFrontHeaderMap {
  const map: CloudFrontHeaderMap = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || DROPPED.has(name) || (name.startsWith('x-') && DROPPED_PREFIX.test(name))) continue;
    const key = headerKey(name);
    if (typeof value === 'string') map[name] = [{ key, value }];
    else if (value.length > 0) map[name] = value.map((item) => ({ key, value: item }));
  }
  return map;
}

/**
 * A plain HTTP response as a CloudFront response object: `status` as a string, its reason phrase as
 * `statusDescription`, headers in CloudFront's format, the body as text, or base64 with
 * `bodyEncoding: 'base64'` when it is not UTF-8 text; no `body` member when the body is empty
 * (CloudFront answers 502 to a generated 204 with a body field).
 *
 * @example
 * generatedResponse({ statusCode: 302, headers: { location: 'https://example.com/' }, body: Buffer.alloc(0) });
 * // { status: '302', statusDescription: 'Found', headers: { location: [{ key: 'Location', value: 'https://example.com/' }] } }
 */
export function generatedResponse(response: DispatchResponse, statusCode = response.statusCode): CloudFrontGeneratedResponse {
  statusCodes ??= builtin<typeof Http>('node:http').STATUS_CODES;
  const result: CloudFrontGeneratedResponse = { status: String(statusCode), headers: cloudFrontHeaders(response.headers) };
  const reason = statusCodes[statusCode];
  if (reason !== undefined) result.statusDescription = reason;
  if (response.body.length > 0) {
    const encoded = responseBody(response);
    result.body = encoded.body;
    if (encoded.isBase64Encoded) result.bodyEncoding = 'base64';
  }
  return result;
}

/**
 * The Lambda@Edge result for the app's answer to a CloudFront event:
 * 1. a CloudFront object (JSON with `uri` or `status`, see {@link cloudFrontObject}) is returned as is;
 * 2. a `204` to a response event (`origin-response`, `viewer-response`) means "no change": the event's
 *    own `cf.response` goes on unchanged;
 * 3. any other answer becomes a generated response ({@link generatedResponse}): for a request event
 *    CloudFront answers the viewer with it (a redirect, a 403, a CORS preflight 204, a small page); for
 *    a response event it replaces the origin's response. `viewer-response` triggers cannot change the
 *    status, so there the origin's status is kept.
 *
 * @example
 * cloudFrontResult({ statusCode: 204, headers: {}, body: Buffer.alloc(0) }, originResponseEvent);
 * // originResponseEvent.Records[0].cf.response
 */
export function cloudFrontResult(response: DispatchResponse, event: unknown): unknown {
  const object = cloudFrontObject(response);
  if (object !== undefined) return object;
  const cf = cloudFrontRecord(event);
  const eventType = cloudFrontEventType(cf);
  if (!eventType.endsWith('response')) return generatedResponse(response);
  const original = field(cf, 'response');
  if (response.statusCode === 204 && original !== undefined) return original;
  if (eventType === 'viewer-response') {
    const status = Number(field(original, 'status'));
    if (Number.isInteger(status) && status >= 100 && status <= 599) return generatedResponse(response, status);
  }
  return generatedResponse(response);
}
