/**
 * Event data to and from an HTTP body in binary content mode (binding 1.0.2 §3.1.2: the body is the data
 * byte sequence, its media type the `Content-Type`).
 */
import { CloudEventDecodeError } from '../errors.js';
import { charsetOf, isJsonContentType, isTextContentType, isUtf8Charset } from '../media-type.js';
import { RAW_DATA } from '../types.js';
import type { CloudEventWithRaw } from '../types.js';

const OCTET_STREAM = 'application/octet-stream';
const JSON_TYPE = 'application/json';

/** The body of a binary-mode message and the `Content-Type` that labels it. */
export interface EncodedData {
  body: Buffer | undefined;
  contentType: string | undefined;
}

/**
 * The body bytes of an event in binary mode and its content type, per the JSON format's rules for
 * `data` (§3.1): `[RAW_DATA]` as is; `data_base64` decoded; bytes as they are; JSON data (type JSON or
 * absent) as JSON text, so a string is a quoted JSON string; other data as text in the type's charset.
 * Without a `datacontenttype`, JSON data is labelled `application/json` (JSON format §3.1.2 SHOULD) and
 * bytes `application/octet-stream`, so that a receiver does not take them for JSON.
 *
 * @example
 * encodeBinaryData({ specversion: '1.0', id: '1', source: '/s', type: 't', data: 'hi' });
 * // { body: <Buffer 22 68 69 22> ('"hi"'), contentType: 'application/json' }
 */
export function encodeBinaryData(event: CloudEventWithRaw): EncodedData {
  const declared = event.datacontenttype;
  const type = typeof declared === 'string' ? declared : undefined;
  const { data, data_base64: base64 } = event;
  const raw = event[RAW_DATA];
  const binary = typeof base64 === 'string' || data instanceof Uint8Array;
  if (raw !== undefined) {
    const body = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : asBuffer(raw);
    return { body, contentType: type ?? (binary ? OCTET_STREAM : JSON_TYPE) };
  }
  if (typeof base64 === 'string') return { body: Buffer.from(base64, 'base64'), contentType: type ?? OCTET_STREAM };
  if (data === undefined) return { body: undefined, contentType: type };
  if (data instanceof Uint8Array) return { body: asBuffer(data), contentType: type ?? OCTET_STREAM };
  if (isJsonContentType(type)) {
    const text = JSON.stringify(data) as string | undefined; // undefined for a function or symbol
    return { body: text === undefined ? undefined : Buffer.from(text, 'utf8'), contentType: type ?? JSON_TYPE };
  }
  const text = typeof data === 'string' ? data : typeof data === 'object' ? JSON.stringify(data) : String(data);
  return { body: encodeText(text, charsetOf(type)), contentType: type };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function encodeText(text: string, charset: string | undefined): Buffer {
  if (isUtf8Charset(charset)) return Buffer.from(text, 'utf8');
  if (charset === 'iso-8859-1' || charset === 'latin1') return Buffer.from(text, 'latin1');
  if (charset === 'utf-16le') return Buffer.from(text, 'utf16le');
  return Buffer.from(text, 'utf8');
}

/** The data members of a decoded event: `data`, `data_base64`, or neither for an empty body. */
export interface DecodedData {
  data?: unknown;
  data_base64?: string;
}

/**
 * Event data from a binary-mode body. `body` is bytes, text, or a value a body parser already made of
 * it (taken as the data). An empty body is no data. JSON types parse as JSON (invalid JSON is
 * `CE_INVALID_JSON`); text types decode to a string in their charset (UTF-8 by default; bytes that do
 * not decode are `CE_INVALID_UTF8`, an unknown charset `CE_UNSUPPORTED_MEDIA_TYPE`); other types become
 * `data_base64`. Without a `Content-Type`, a body that parses as JSON is JSON data (JSON format §3.1.2),
 * any other body is kept as bytes (`data_base64`) rather than rejected.
 *
 * @example
 * decodeBinaryData(Buffer.from('{"a":1}'), 'application/json; charset=utf-8'); // { data: { a: 1 } }
 * decodeBinaryData(Buffer.from([0, 1, 2]), 'image/png');                      // { data_base64: 'AAEC' }
 */
export function decodeBinaryData(body: unknown, contentType: string | undefined): DecodedData {
  if (body === undefined || body === null) return {};
  const content = typeof body === 'string' ? body : toBytes(body);
  if (content === undefined) return { data: body }; // a body parser's value
  if (content.length === 0) return {};
  const text = (): string => (typeof content === 'string' ? content : decodeText(content, charsetOf(contentType)));
  if (contentType === undefined) {
    try {
      return { data: JSON.parse(text()) as unknown };
    } catch {
      return { data_base64: toBase64(content) }; // untyped and not JSON: keep the bytes
    }
  }
  if (isJsonContentType(contentType)) {
    const json = text();
    try {
      return { data: JSON.parse(json) as unknown };
    } catch (cause) {
      throw new CloudEventDecodeError('CE_INVALID_JSON', `body is not valid JSON for '${contentType}'`, { cause });
    }
  }
  return isTextContentType(contentType) ? { data: text() } : { data_base64: toBase64(content) };
}

/**
 * Bytes of a body given as `Uint8Array` (`Buffer`) or `ArrayBuffer`; `undefined` for anything else.
 *
 * @example
 * toBytes(new ArrayBuffer(2)); // Uint8Array [0, 0]
 */
export function toBytes(body: unknown): Uint8Array | undefined {
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return undefined;
}

function toBase64(body: Uint8Array | string): string {
  return typeof body === 'string' ? Buffer.from(body, 'utf8').toString('base64') : asBuffer(body).toString('base64');
}

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();

/**
 * Decode body bytes as text in a charset (UTF-8 when absent), strictly: a leading BOM is dropped,
 * malformed bytes are a `CloudEventDecodeError` (`CE_INVALID_UTF8` for UTF-8, `CE_INVALID_BODY` for
 * other charsets), an unknown charset is `CE_UNSUPPORTED_MEDIA_TYPE`.
 *
 * @example
 * decodeText(Buffer.from('caf\xe9', 'latin1'), 'iso-8859-1'); // 'café'
 */
export function decodeText(bytes: Uint8Array, charset: string | undefined): string {
  const label = isUtf8Charset(charset) ? 'utf-8' : (charset as string);
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label, { fatal: true });
    } catch (cause) {
      throw new CloudEventDecodeError('CE_UNSUPPORTED_MEDIA_TYPE', `unsupported charset '${label}'`, { cause });
    }
    if (decoders.size < 64) decoders.set(label, decoder);
  }
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    const code = label === 'utf-8' ? 'CE_INVALID_UTF8' : 'CE_INVALID_BODY';
    throw new CloudEventDecodeError(code, `body is not valid ${label} text`, { cause });
  }
}
