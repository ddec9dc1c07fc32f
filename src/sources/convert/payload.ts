import { isUtf8 } from 'node:buffer';

/**
 * A CloudEvent's data part: `data` or `data_base64`, its `datacontenttype`, and the exact text or bytes
 * it came from (set as the event's `RAW_DATA` so encoders can send them instead of re-serialising).
 */
export interface Payload {
  datacontenttype: string;
  data?: unknown;
  data_base64?: string;
  raw?: string | Uint8Array;
}

export const JSON_TYPE = 'application/json';
export const TEXT_TYPE = 'text/plain; charset=utf-8';
export const BINARY_TYPE = 'application/octet-stream';

/** A character a JSON text can start with: `{ [ " - 0-9 t f n`. */
function isJsonStart(c: number): boolean {
  return c === 0x7b || c === 0x5b || c === 0x22 || c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e;
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Whether the text can be JSON, by its first character after whitespace. Checking first spares a
 * `JSON.parse` that throws, which is costly, on every plain-text record.
 */
function mayBeJson(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (!isJsonSpace(c)) return isJsonStart(c);
  }
  return false;
}

/** `mayBeJson` on bytes, so binary records skip UTF-8 validation and decoding altogether. */
function mayBeJsonBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] as number;
    if (!isJsonSpace(c)) return isJsonStart(c);
  }
  return false;
}

/** Sentinel for "did not parse" (JSON can legitimately parse to `undefined`-free falsy values). */
const NOT_JSON: unique symbol = Symbol('not json');

/**
 * `JSON.parse(source)`, or `NOT_JSON` when it is not a JSON text.
 *
 * @example
 * parseJson('{"a":1}'); // { a: 1 }
 */
export function parseJson(source: string): unknown {
  if (!mayBeJson(source)) return NOT_JSON;
  try {
    return JSON.parse(source);
  } catch {
    return NOT_JSON;
  }
}

/** True when `parseJson` could not parse its input. */
export function isNotJson(value: unknown): value is typeof NOT_JSON {
  return value === NOT_JSON;
}

/**
 * A JSON value as data.
 *
 * @example
 * jsonPayload({ a: 1 }); // { datacontenttype: 'application/json', data: { a: 1 } }
 */
export function jsonPayload(value: unknown): Payload {
  return { datacontenttype: JSON_TYPE, data: value };
}

/**
 * A text body (an SQS message body, a log line): JSON when it parses as JSON (`application/json`),
 * else the text itself (`text/plain; charset=utf-8`). The text is kept as `raw` either way.
 *
 * @example
 * textPayload('{"a":1}'); // { datacontenttype: 'application/json', data: { a: 1 }, raw: '{"a":1}' }
 * textPayload('hello');   // { datacontenttype: 'text/plain; charset=utf-8', data: 'hello', raw: 'hello' }
 */
export function textPayload(source: string): Payload {
  const parsed = parseJson(source);
  if (parsed === NOT_JSON) return { datacontenttype: TEXT_TYPE, data: source, raw: source };
  return { datacontenttype: JSON_TYPE, data: parsed, raw: source };
}

/**
 * Base64 record data (Kinesis, Firehose): decoded; JSON when the bytes are UTF-8 text that parses as
 * JSON, else the bytes as `data_base64` (`application/octet-stream`, re-encoded canonically so a
 * sloppy producer's base64 cannot make the event invalid). `raw` holds the decoded text or bytes.
 *
 * @example
 * base64Payload('eyJhIjoxfQ=='); // { datacontenttype: 'application/json', data: { a: 1 }, raw: '{"a":1}' }
 * base64Payload('AAE=');         // { datacontenttype: 'application/octet-stream', data_base64: 'AAE=', raw: <00 01> }
 */
export function base64Payload(encoded: string): Payload {
  const bytes = Buffer.from(encoded, 'base64');
  if (mayBeJsonBytes(bytes) && isUtf8(bytes)) {
    const decoded = bytes.toString('utf8');
    const parsed = parseJson(decoded);
    if (parsed !== NOT_JSON) return { datacontenttype: JSON_TYPE, data: parsed, raw: decoded };
  }
  return { datacontenttype: BINARY_TYPE, data_base64: bytes.toString('base64'), raw: bytes };
}
