/**
 * The request target of HTTP events: path and query string, made so that the request line means what
 * the event says. Events are JSON, not wire bytes: a path or a query part may hold characters a request
 * line cannot (space, `#`, CR/LF, non-ASCII) or not start with `/`.
 */

/**
 * Characters a URL path or query keeps as they are (RFC 3986 `pchar` plus `/` and `?`, and `%` so
 * existing escapes stay). `?` is left to the callers: a path escapes it, a query keeps it.
 */
const UNSAFE_RAW = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]|%(?![0-9A-Fa-f]{2})/;
const UNSAFE_RAW_ALL = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]|%(?![0-9A-Fa-f]{2})/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `encodeURIComponent` without its URIError: a lone surrogate becomes U+FFFD first.
 *
 * @example
 * encodeComponent('a b\uD800'); // 'a%20b%EF%BF%BD'
 */
export function encodeComponent(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
  }
}

/**
 * A raw (already percent-encoded) URL part with the characters that cannot appear in a request target
 * percent-encoded, existing `%XX` escapes kept and a `%` that starts none encoded as `%25`. A no-op for
 * anything a client could have sent; makes a decoded value (API Gateway HTTP API decodes `rawPath`)
 * safe without knowing whether it was decoded.
 *
 * @example
 * encodeRaw('a%20b c'); // 'a%20b%20c'
 * encodeRaw('100%');    // '100%25'
 */
export function encodeRaw(value: string): string {
  if (!UNSAFE_RAW.test(value)) return value;
  return value.replace(UNSAFE_RAW_ALL, encodeComponent);
}

/**
 * The request path of an event as it may be delivered: a string starting with `/` (one is added when
 * missing; a missing path is `/`), without query or fragment (`?` and `#` in it are data and are
 * encoded), unsafe characters percent-encoded (see `encodeRaw`).
 *
 * @example
 * requestPath('/hello/world'); // '/hello/world'
 * requestPath('a b?c');        // '/a%20b%3Fc'
 */
export function requestPath(path: unknown): string {
  if (typeof path !== 'string' || path === '') return '/';
  let safe = encodeRaw(path);
  if (safe.includes('?')) safe = safe.replaceAll('?', '%3F');
  return safe.charCodeAt(0) === 0x2f ? safe : '/' + safe;
}

/**
 * A query string from decoded parameters (API Gateway REST: `multiValueQueryStringParameters`, else
 * `queryStringParameters`), each name and value percent-encoded with `encodeURIComponent`, in the
 * event's order. Empty when there are none.
 *
 * @example
 * decodedQuery({ a: ['1', 'x y'] }, undefined); // 'a=1&a=x%20y'
 */
export function decodedQuery(multi: unknown, single: unknown): string {
  return buildQuery(multi, single, encodeComponent);
}

/**
 * A query string from parameters that arrive as the client sent them, still percent-encoded (ALB does
 * not decode them: re-encoding would turn `%3D` into `%253D`). Only characters a request target cannot
 * hold are encoded.
 *
 * @example
 * rawQuery(undefined, { q: 'a%3Db' }); // 'q=a%3Db'
 */
export function rawQuery(multi: unknown, single: unknown): string {
  return buildQuery(multi, single, encodeQueryPart);
}

/**
 * A raw query string (`rawQueryString` of payload 2.0) as it may be delivered: as is, except characters
 * a request target cannot hold (a `#` would start a fragment) are percent-encoded.
 *
 * @example
 * safeRawQuery('a=1&b=%20'); // 'a=1&b=%20'
 */
export function safeRawQuery(query: unknown): string {
  return typeof query === 'string' ? encodeRaw(query) : '';
}

/**
 * `path` with `?query` when the query is not empty.
 *
 * @example
 * withQuery('/p', 'a=1'); // '/p?a=1'
 * withQuery('/p', '');    // '/p'
 */
export function withQuery(path: string, query: string): string {
  return query === '' ? path : `${path}?${query}`;
}

function encodeQueryPart(value: string): string {
  const safe = encodeRaw(value);
  // `&` and `=` inside a name or value separate parameters: keep them data.
  return safe.includes('&') || safe.includes('=') ? safe.replaceAll('&', '%26').replaceAll('=', '%3D') : safe;
}

function buildQuery(multi: unknown, single: unknown, encode: (value: string) => string): string {
  const parts: string[] = [];
  if (isMap(multi) && Object.keys(multi).length > 0) {
    for (const name in multi) {
      const values = multi[name];
      if (Array.isArray(values)) {
        for (const value of values) if (typeof value === 'string') parts.push(`${encode(name)}=${encode(value)}`);
      } else if (typeof values === 'string') {
        parts.push(`${encode(name)}=${encode(values)}`);
      }
    }
  } else if (isMap(single)) {
    for (const name in single) {
      const value = single[name];
      if (typeof value === 'string') parts.push(`${encode(name)}=${encode(value)}`);
      else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') parts.push(`${encode(name)}=${encode(item)}`);
    }
  }
  return parts.join('&');
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
