/**
 * Binary content mode of the CloudEvents HTTP binding 1.0.2 (§3.1): attributes as `ce-` headers,
 * `datacontenttype` as `Content-Type`, data as the body.
 */
import { isCloudEventAttributeName } from '../attribute-types.js';
import { CloudEventDecodeError, CloudEventValidationError } from '../errors.js';
import { isValidMediaType } from '../media-type.js';
import type { CloudEvent } from '../types.js';
import { assertCloudEvent } from '../validate.js';
import { decodeBinaryData, encodeBinaryData } from './body.js';
import { bindingHeaders } from './headers.js';
import type { CloudEventHttpInput } from './headers.js';
import { decodeHeaderValue, percentEncodeHeaderValue } from './percent.js';

/** An HTTP message as the binding produces or reads it: lower-case header names, body bytes. */
export interface CloudEventHttpMessage {
  headers: Record<string, string>;
  body: Buffer | undefined;
}

// Attribute name -> its header name, for names already checked: events of one source repeat the same
// few names, so the per-record cost of the naming rule and of building `ce-<name>` is one Map lookup
// (and the header names are the same interned strings every time). Bounded: names may be untrusted.
const headerNames = new Map<string, string>();

// `datacontenttype` values already checked: a source labels its records with the same one or two types,
// so the media-type grammar runs once per type, not per record. Bounded: values may be untrusted.
const validContentTypes = new Set<string>(['application/json']);

/**
 * Encode a CloudEvent in HTTP binary content mode (CloudEvents HTTP binding 1.0.2, section 3.1).
 * Every attribute but `datacontenttype` becomes a `ce-` header whose value is its canonical string,
 * percent-encoded as §3.1.3.2 requires (plain printable ASCII passes through untouched); Integer and
 * Boolean values render as `42` and `true`, Binary (`Uint8Array`) as base64. Unset (`undefined` or
 * `null`) attributes are left out. `Content-Type` and the body follow {@link encodeBinaryData}: raw
 * bytes from `[RAW_DATA]` as is, `data_base64` decoded, JSON data as JSON text. Does not validate the
 * event (see `assertCloudEvent`), but throws a `CloudEventValidationError` for an attribute name that
 * is not `a-z0-9` or a value outside the type system, which could not be sent as a header, and for a
 * `datacontenttype` that is not an RFC 9110 media type (`type/subtype *(; name=value)`: CR, LF, NUL or
 * non-ASCII in it would otherwise reach the app's `Content-Type`); code `CE_INVALID_ATTRIBUTE`,
 * attribute `datacontenttype`.
 *
 * @example
 * const { headers, body } = toBinary({ specversion: '1.0', id: '1', source: '/s', type: 't', data: { a: 1 } });
 * // headers['ce-id'] === '1', headers['content-type'] === 'application/json', body = '{"a":1}'
 */
export function toBinary(event: CloudEvent): CloudEventHttpMessage {
  const headers: Record<string, string> = {};
  for (const key of Object.keys(event)) {
    if (key === 'data' || key === 'data_base64' || key === 'datacontenttype') continue;
    const value = event[key];
    if (value === undefined || value === null) continue;
    headers[headerNames.get(key) ?? headerName(key)] = headerValue(key, value);
  }
  const declared = event.datacontenttype;
  if (declared !== undefined && declared !== null && !validContentTypes.has(declared as string)) checkContentType(declared);
  const { body, contentType } = encodeBinaryData(event);
  if (contentType !== undefined) headers['content-type'] = contentType;
  return { headers, body };
}

function checkContentType(value: unknown): void {
  if (typeof value === 'string' && isValidMediaType(value)) {
    if (validContentTypes.size < 256) validContentTypes.add(value);
    return;
  }
  const shown = typeof value === 'string' ? JSON.stringify(value.length > 80 ? value.slice(0, 80) + '…' : value) : `a ${typeof value}`;
  throw new CloudEventValidationError([
    { attribute: 'datacontenttype', code: 'CE_INVALID_ATTRIBUTE', message: `${shown} is not a media type (type/subtype *(; name=value)), so it cannot be a Content-Type` },
  ]);
}

function headerName(key: string): string {
  if (!isCloudEventAttributeName(key)) {
    throw new CloudEventValidationError([
      { attribute: key, code: 'CE_INVALID_ATTRIBUTE_NAME', message: 'attribute names must be lower-case a-z and 0-9' },
    ]);
  }
  const name = 'ce-' + key;
  if (headerNames.size < 1024) headerNames.set(key, name);
  return name;
}

function headerValue(key: string, value: unknown): string {
  if (typeof value === 'string') return percentEncodeHeaderValue(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof Date) return value.toISOString();
  throw new CloudEventValidationError([
    { attribute: key, code: 'CE_INVALID_ATTRIBUTE', message: `a ${typeof value} cannot be a header value` },
  ]);
}

/**
 * Decode an HTTP message in binary content mode into a validated CloudEvent. Header names in any case;
 * values unquoted and percent-decoded (§3.1.3.2); `Content-Type` becomes `datacontenttype` verbatim;
 * the body becomes `data` or `data_base64` (see `decodeBinaryData`). A 0.3 message is read as 1.0
 * (`ce-schemaurl` is `dataschema`; `ce-datacontentencoding` is dropped, the body being the data bytes).
 * Throws `CloudEventDecodeError` (`CE_INVALID_HEADER`, `CE_INVALID_UTF8`, `CE_INVALID_JSON`, ...) or
 * `CloudEventValidationError` (`CE_MISSING_ATTRIBUTE`, ...).
 *
 * @example
 * fromBinary({ headers: { 'ce-specversion': '1.0', 'ce-id': '1', 'ce-source': '/s', 'ce-type': 't',
 *   'ce-subject': 'caf%C3%A9', 'content-type': 'text/plain' }, body: Buffer.from('hi') });
 * // { specversion: '1.0', id: '1', source: '/s', type: 't', subject: 'café', datacontenttype: 'text/plain', data: 'hi' }
 */
export function fromBinary(message: CloudEventHttpInput): CloudEvent {
  const headers = bindingHeaders(message.headers);
  const event: Record<string, unknown> = {};
  for (const name of Object.keys(headers)) {
    if (!name.startsWith('ce-')) continue;
    const attribute = name.slice(3);
    if (attribute === 'datacontenttype') {
      throw new CloudEventDecodeError('CE_INVALID_HEADER', 'ce-datacontenttype must not be present: Content-Type carries it', {
        header: name,
      });
    }
    event[attribute] = decodeHeaderValue(headers[name] as string, name);
  }
  const contentType = headers['content-type'];
  if (contentType !== undefined) event.datacontenttype = contentType;
  if (event.specversion === '0.3') upgradeV03(event);
  const data = decodeBinaryData(message.body, contentType);
  if (data.data !== undefined) event.data = data.data;
  if (data.data_base64 !== undefined) event.data_base64 = data.data_base64;
  assertCloudEvent(event);
  return event;
}

function upgradeV03(event: Record<string, unknown>): void {
  event.specversion = '1.0';
  if (event.schemaurl !== undefined) {
    if (event.dataschema === undefined) event.dataschema = event.schemaurl;
    delete event.schemaurl;
  }
  delete event.datacontentencoding;
}
