import { isUtf8 } from 'node:buffer';
import type { DispatchResponse } from '../dispatch/types.js';

/**
 * The app's HTTP response as JSON-serialisable data (event mode's result, a record's result).
 */
export interface HttpResult {
  statusCode: number;
  /** Lower-case names; a repeated header's values joined with `, ` (see `multiValueHeaders`). */
  headers: Record<string, string>;
  /** Present when a header was repeated (set-cookie): every value, in order. */
  multiValueHeaders?: Record<string, string[]>;
  /** UTF-8 text, or base64 when the body is not valid UTF-8. */
  body: string;
  isBase64Encoded: boolean;
}

/** A result body: text, or base64 with `isBase64Encoded: true`. */
export interface EncodedBody {
  body: string;
  isBase64Encoded: boolean;
}

/** Media types whose bodies are text, beyond `text/*`: by subtype, suffix, or name. */
const TEXTUAL = /^(?:text\/|[^/]+\/(?:[^;]*[+.-])?(?:json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql|yaml|x-yaml|csv|html)\s*(?:;|$))/i;

/**
 * Whether a `content-type` names text: `text/*`, JSON, XML, JavaScript, form-urlencoded, GraphQL,
 * YAML and their `+json`/`+xml` kin (`application/problem+json`, `image/svg+xml`).
 *
 * @example
 * isTextualType('application/json; charset=utf-8'); // true
 * isTextualType('image/png');                       // false
 */
export function isTextualType(contentType: string | undefined): boolean {
  return contentType !== undefined && TEXTUAL.test(contentType);
}

/**
 * A response's `content-type`, as one string (the first, if the app repeated it).
 *
 * @example
 * contentTypeOf({ statusCode: 500, headers: { 'content-type': 'text/html' }, body: Buffer.alloc(0) }); // 'text/html'
 */
export function contentTypeOf(response: DispatchResponse): string | undefined {
  const value = response.headers['content-type'];
  return typeof value === 'string' ? value : value?.[0];
}

/**
 * The one rule for a response body in a result: text when its bytes are valid UTF-8, else base64. With
 * `byContentType` (HTTP events, CloudFront, whose callers decode by media type), text also needs a
 * textual `content-type` and no `content-encoding` (gzip of text is bytes), and an empty body is text.
 *
 * @example
 * isTextBody({ statusCode: 200, headers: { 'content-type': 'image/png' }, body: Buffer.from('hi') }, true); // false
 */
export function isTextBody(response: DispatchResponse, byContentType: boolean): boolean {
  const bytes = response.body;
  if (byContentType) {
    if (bytes.length === 0) return true;
    const encoding = response.headers['content-encoding'];
    if (!((encoding === undefined || encoding === 'identity') && isTextualType(contentTypeOf(response)))) return false;
  }
  return isUtf8(bytes);
}

/**
 * A response body for a result, by {@link isTextBody}: UTF-8 text, or base64 with `isBase64Encoded`.
 *
 * @example
 * encodeBody({ statusCode: 200, headers: { 'content-type': 'image/png' }, body: Buffer.from('hi') }, true);
 * // { body: 'aGk=', isBase64Encoded: true }
 */
export function encodeBody(response: DispatchResponse, byContentType: boolean): EncodedBody {
  const text = isTextBody(response, byContentType);
  return { body: response.body.toString(text ? 'utf8' : 'base64'), isBase64Encoded: !text };
}

/**
 * How {@link flattenHeaders} treats `set-cookie`, which cannot be joined (an `Expires` date holds a comma):
 * `join` like any other field (the envelope, with `multiValueHeaders` beside it); `last` keeps its last
 * value (ALB, API Gateway REST without multi-value headers); `omit` leaves it out (callers that carry
 * cookies apart: payload 2.0 `cookies`, a streamed head).
 */
export type CookieRule = 'join' | 'last' | 'omit';

/**
 * The app's headers as a single-value map: a repeated field joined with `, ` (RFC 9110 §5.3),
 * `set-cookie` by `cookies`. With `join`, an empty list is `''`; otherwise it is left out.
 *
 * @example
 * flattenHeaders({ vary: ['a', 'b'], 'set-cookie': ['a=1', 'b=2'] }, 'last'); // { vary: 'a, b', 'set-cookie': 'b=2' }
 */
export function flattenHeaders(headers: DispatchResponse['headers'], cookies: CookieRule): Record<string, string> {
  const single: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name] as string | string[];
    if (typeof value === 'string') {
      if (cookies !== 'omit' || name !== 'set-cookie') single[name] = value;
    } else if (cookies === 'join') {
      single[name] = value.join(', ');
    } else if (value.length > 0 && name === 'set-cookie') {
      if (cookies === 'last') single[name] = value[value.length - 1] as string;
    } else if (value.length > 0) {
      single[name] = value.join(', ');
    }
  }
  return single;
}

/**
 * The app's headers as a multi-value map: every field as an array of its values; with `repeatedOnly`,
 * only fields that were repeated, or `undefined` when none was.
 *
 * @example
 * multiValueHeaders({ 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] });
 * // { 'content-type': ['text/plain'], 'set-cookie': ['a=1', 'b=2'] }
 */
export function multiValueHeaders(headers: DispatchResponse['headers']): Record<string, string[]>;
export function multiValueHeaders(headers: DispatchResponse['headers'], repeatedOnly: true): Record<string, string[]> | undefined;
export function multiValueHeaders(headers: DispatchResponse['headers'], repeatedOnly = false): Record<string, string[]> | undefined {
  let multi: Record<string, string[]> | undefined = repeatedOnly ? undefined : {};
  for (const name in headers) {
    const value = headers[name];
    if (typeof value === 'string') {
      if (!repeatedOnly) (multi as Record<string, string[]>)[name] = [value];
    } else if (value !== undefined && value.length > (repeatedOnly ? 1 : 0)) {
      (multi ??= {})[name] = value.slice();
    }
  }
  return multi;
}

/**
 * The `Set-Cookie` values of a response, in order.
 *
 * @example
 * setCookies({ 'set-cookie': ['a=1', 'b=2'] }); // ['a=1', 'b=2']
 */
export function setCookies(headers: DispatchResponse['headers']): string[] {
  const value = headers['set-cookie'];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value.slice();
}

/**
 * The result envelope of an app's response.
 *
 * @example
 * toHttpResult({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('ok') });
 * // { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'ok', isBase64Encoded: false }
 */
export function toHttpResult(response: DispatchResponse): HttpResult {
  // isTextBody, not encodeBody: no intermediate object on the per-event path.
  const text = isTextBody(response, false);
  const result: HttpResult = {
    statusCode: response.statusCode,
    headers: flattenHeaders(response.headers, 'join'),
    body: response.body.toString(text ? 'utf8' : 'base64'),
    isBase64Encoded: !text,
  };
  const repeated = multiValueHeaders(response.headers, true);
  if (repeated !== undefined) result.multiValueHeaders = repeated;
  return result;
}
