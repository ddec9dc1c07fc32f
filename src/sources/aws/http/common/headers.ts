/**
 * Request headers of HTTP events, as a Node server would have parsed them off the wire: names
 * lower-cased, repeated fields merged by the rules of `http.IncomingMessage` (RFC 9110 §5.3), and
 * nothing that could not have come off a wire. The events are JSON from a caller we do not control (a
 * direct invocation can put anything in them), and an in-memory request skips Node's parser, so the
 * checks it would have made are made here.
 */
import { InvalidRequestError } from './invalid.js';

/** A header name: an RFC 9110 token. Anything else makes the request invalid (400), as Node's parser would. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/;

/** Fields that Node keeps the first of when repeated (one value makes sense). */
const SINGLETONS = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host',
  'if-modified-since', 'if-unmodified-since', 'last-modified', 'location', 'max-forwards',
  'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent',
]);

/** Headers that describe a framing the in-memory body does not have; `finishHeaders` sets its own. */
const FRAMING = ['transfer-encoding', 'content-length'] as const;

/**
 * A header value as it may be delivered, or `undefined` to drop the field. Decision: a value holding a
 * control character (CR, LF, NUL, DEL, ...; HTAB is allowed) is dropped, not repaired: percent-encoding
 * would hand the app a value the client never sent, and a CR/LF in a value is an injection attempt,
 * never data. Characters above U+00FF (API Gateway decodes UTF-8 header bytes into the JSON string)
 * come back as their UTF-8 bytes read as Latin-1, which is what Node's parser gives for those bytes.
 * Leading and trailing whitespace is trimmed, as the parser does.
 *
 * @example
 * headerValue('text/plain'); // 'text/plain'
 * headerValue('a\r\nb');     // undefined
 * headerValue('é€');         // 'é\u00e2\u0082\u00ac'
 */
export function headerValue(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let wide = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue; // the common ASCII case
    if (c === 0x09 || (c >= 0x80 && c <= 0xff)) continue;
    if (c > 0xff) wide = true;
    else return undefined;
  }
  const last = value.length - 1;
  const padded = last >= 0 && (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(last)));
  const trimmed = padded ? value.trim() : value;
  return wide ? Buffer.from(trimmed, 'utf8').toString('latin1') : trimmed;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/**
 * Names seen before, as delivered (lower-case) or `''` when not a token: an API sees the same few dozen
 * names on every request, so each is lower-cased and checked once. Bounded, so that a caller sending
 * ever new names cannot grow it without end. A Map, not an object: `constructor` is a name like any other.
 */
const NAMES = new Map<string, string>();
const MAX_NAMES = 512;

/** The delivered (lower-case) form of a header name, or `''` when it is not a token. */
function headerName(name: string): string {
  let lower = NAMES.get(name);
  if (lower !== undefined) return lower;
  lower = name.toLowerCase();
  if (!TOKEN.test(lower)) lower = '';
  if (NAMES.size < MAX_NAMES) NAMES.set(name, lower);
  return lower;
}

/**
 * Add one received field to `headers` (lower-case name), merging a repeated field as Node does: `cookie`
 * joined with `; `, `set-cookie` kept as an array, a singleton (`host`, `content-type`, ...) keeps its
 * first value, any other joined with `, `. Unsafe values (see `headerValue`) are dropped; a name that is
 * not an RFC 9110 token (`bad name`, `x\r\ny`) throws an {@link InvalidRequestError} naming `field`
 * (the event member the headers came from), as Node's parser answers such a request 400. Names that are
 * also `Object.prototype` members (`constructor`, `__proto__`, `toString`) are headers like any other.
 *
 * @example
 * const headers = {};
 * addHeader(headers, 'Accept', 'text/html');
 * addHeader(headers, 'accept', 'application/json'); // headers.accept === 'text/html, application/json'
 */
export function addHeader(headers: Record<string, string | string[]>, name: string, value: unknown, field = 'headers'): void {
  const lower = headerName(name);
  if (lower === '') throw new InvalidRequestError(field, `header name ${JSON.stringify(name.slice(0, 40))} is not an HTTP token`);
  const safe = headerValue(value);
  if (safe === undefined) return;
  let existing: string | string[] | undefined = headers[lower];
  // Only a repeated field, or a name found on Object.prototype, gets here: not the per-header cost.
  if (existing !== undefined && !Object.hasOwn(headers, lower)) existing = undefined;
  if (existing === undefined) {
    const first = lower === 'set-cookie' ? [safe] : safe;
    // `headers.__proto__ = 'x'` would set the prototype (ignored for a string): define it instead.
    if (lower === '__proto__') Object.defineProperty(headers, lower, { value: first, enumerable: true, writable: true, configurable: true });
    else headers[lower] = first;
  } else if (Array.isArray(existing)) {
    existing.push(safe);
  } else if (lower === 'cookie') {
    headers[lower] = `${existing}; ${safe}`;
  } else if (!SINGLETONS.has(lower)) {
    // An own `__proto__` data property is written as any other (no setter on the object itself).
    headers[lower] = `${existing}, ${safe}`;
  }
}

/**
 * Headers from a single-value map (`{ name: value }`) and/or a multi-value map (`{ name: [values] }`).
 * When both are given (API Gateway REST sends both, ALB one or the other) the multi-value map is the
 * complete one and the single-value map is ignored, unless the multi-value map is empty. Values of a single-value map may also be arrays
 * (VPC Lattice v2 sends arrays under `headers`).
 *
 * @example
 * collectHeaders({ Host: 'a' }, undefined); // { host: 'a' }
 */
export function collectHeaders(single: unknown, multi: unknown): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  const useMulti = isMap(multi) && hasKeys(multi);
  const source = useMulti ? multi : isMap(single) ? single : undefined;
  if (source === undefined) return headers;
  const field = useMulti ? 'multiValueHeaders' : 'headers';
  for (const name in source) {
    const value = source[name];
    if (!Array.isArray(value)) addHeader(headers, name, value, field);
    else for (let i = 0; i < value.length; i++) addHeader(headers, name, value[i], field);
  }
  return headers;
}

/**
 * Make the framing headers describe the body actually delivered: the whole body is in memory, so
 * `transfer-encoding` goes and `content-length` is its byte length (kept as `0` when the client sent
 * one with an empty body, left out otherwise). Without it body parsers (Express's among them) would
 * see no body at all: API Gateway does not pass `content-length` on.
 *
 * @example
 * finishHeaders({ 'transfer-encoding': 'chunked' }, Buffer.from('hi')); // { 'content-length': '2' }
 */
export function finishHeaders(headers: Record<string, string | string[]>, body: Buffer | undefined): Record<string, string | string[]> {
  const hadLength = headers['content-length'] !== undefined;
  for (const name of FRAMING) delete headers[name];
  if (body !== undefined) headers['content-length'] = String(body.length);
  else if (hadLength) headers['content-length'] = '0';
  return headers;
}

function hasKeys(value: Record<string, unknown>): boolean {
  for (const _ in value) return true;
  return false;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
