/**
 * Structured content mode of the CloudEvents HTTP binding 1.0.2 (§3.2) with the JSON event format:
 * the whole event in the body, `Content-Type: application/cloudevents+json; charset=utf-8`.
 */
import { CloudEventDecodeError } from '../errors.js';
import { formatCloudEventJson, parseCloudEventJson } from '../json-format.js';
import { CLOUDEVENTS_JSON_MEDIA_TYPE, charsetOf, mediaTypeEssence } from '../media-type.js';
import type { CloudEvent } from '../types.js';
import type { CloudEventHttpMessage } from './binary.js';
import { decodeText, toBytes } from './body.js';
import { bindingHeaders } from './headers.js';
import type { CloudEventHttpInput } from './headers.js';

/** The `Content-Type` that {@link toStructured} sends. */
export const STRUCTURED_CONTENT_TYPE = `${CLOUDEVENTS_JSON_MEDIA_TYPE}; charset=utf-8`;

/**
 * Encode a CloudEvent in HTTP structured content mode with the JSON event format (binding §3.2): the
 * event as UTF-8 JSON in the body (see `formatCloudEventJson` for `data`), one header, `content-type`.
 *
 * @example
 * const { headers, body } = toStructured({ specversion: '1.0', id: '1', source: '/s', type: 't' });
 * // headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' }
 * // body: '{"specversion":"1.0","id":"1","source":"/s","type":"t"}'
 */
export function toStructured(event: CloudEvent): CloudEventHttpMessage {
  return {
    headers: { 'content-type': STRUCTURED_CONTENT_TYPE },
    body: Buffer.from(formatCloudEventJson(event), 'utf8'),
  };
}

/**
 * Decode an HTTP message in structured content mode: `Content-Type` must be
 * `application/cloudevents+json` in any case, with any parameters (else `CE_UNSUPPORTED_MEDIA_TYPE`,
 * status 415); the body is decoded in its `charset` (UTF-8 by default), parsed, upgraded from 0.3 if
 * need be, and validated.
 *
 * @example
 * fromStructured({ headers: { 'Content-Type': 'Application/CloudEvents+JSON; charset=UTF-8' },
 *   body: '{"specversion":"1.0","id":"1","source":"/s","type":"t"}' }).id; // '1'
 */
export function fromStructured(message: CloudEventHttpInput): CloudEvent {
  const contentType = bindingHeaders(message.headers)['content-type'];
  expectMediaType(contentType, CLOUDEVENTS_JSON_MEDIA_TYPE);
  return parseCloudEventJson(bodyJson(message.body, contentType));
}

/**
 * Throw `CE_UNSUPPORTED_MEDIA_TYPE` (415) unless `contentType`'s essence is `expected`.
 *
 * @example
 * expectMediaType('Application/CloudEvents+JSON; charset=UTF-8', 'application/cloudevents+json'); // returns
 */
export function expectMediaType(contentType: string | undefined, expected: string): void {
  if (contentType === undefined || mediaTypeEssence(contentType) !== expected) {
    throw new CloudEventDecodeError(
      'CE_UNSUPPORTED_MEDIA_TYPE',
      `expected Content-Type ${expected}, got ${contentType === undefined ? 'none' : `'${contentType}'`}`,
    );
  }
}

/**
 * A structured or batch body as JSON text (bytes decoded in the content type's charset) or the value a
 * body parser already made of it. An absent or empty body is `CE_INVALID_BODY`.
 *
 * @example
 * bodyJson(Buffer.from('{}'), 'application/cloudevents+json'); // '{}'
 */
export function bodyJson(body: unknown, contentType: string | undefined): unknown {
  if (body === undefined || body === null || body === '') {
    throw new CloudEventDecodeError('CE_INVALID_BODY', 'a structured-mode message needs a body');
  }
  const bytes = toBytes(body);
  if (bytes === undefined) return body;
  if (bytes.length === 0) throw new CloudEventDecodeError('CE_INVALID_BODY', 'a structured-mode message needs a body');
  return decodeText(bytes, charsetOf(contentType));
}
