/**
 * Reading a CloudEvent from an HTTP message in whichever content mode it uses (binding 1.0.2 §3: the
 * `Content-Type` tells structured and batched mode apart; anything else is binary mode).
 */
import { CloudEventDecodeError } from '../errors.js';
import { CLOUDEVENTS_BATCH_JSON_MEDIA_TYPE, CLOUDEVENTS_JSON_MEDIA_TYPE, mediaTypeEssence } from '../media-type.js';
import type { CloudEvent } from '../types.js';
import { fromBatch } from './batch.js';
import { fromBinary } from './binary.js';
import { bindingHeaders } from './headers.js';
import type { CloudEventHttpHeaders, CloudEventHttpInput } from './headers.js';
import { fromStructured } from './structured.js';

/** The three content modes of the HTTP binding. */
export type CloudEventHttpMode = 'binary' | 'structured' | 'batch';

const CE_PREFIX = 'application/cloudevents';

/**
 * The content mode of a message from its headers alone, or `undefined` when it does not look like a
 * CloudEvent at all: `structured` for `application/cloudevents+json`, `batch` for
 * `application/cloudevents-batch+json` (any case, any parameters), `binary` when a `ce-specversion`
 * header is present (also under a CloudEvents media type of another format, as §3 allows).
 *
 * @example
 * detectCloudEventMode({ 'content-type': 'Application/CloudEvents+JSON; charset=UTF-8' }); // 'structured'
 * detectCloudEventMode({ 'ce-specversion': '1.0', 'content-type': 'text/plain' });         // 'binary'
 * detectCloudEventMode({ 'content-type': 'application/json' });                            // undefined
 */
export function detectCloudEventMode(headers: CloudEventHttpHeaders): CloudEventHttpMode | undefined {
  const h = bindingHeaders(headers);
  const mode = modeOf(h['content-type']);
  if (mode !== undefined) return mode;
  return h['ce-specversion'] !== undefined ? 'binary' : undefined;
}

function modeOf(contentType: string | undefined): 'structured' | 'batch' | undefined {
  if (contentType === undefined) return undefined;
  const essence = mediaTypeEssence(contentType);
  if (essence === CLOUDEVENTS_JSON_MEDIA_TYPE) return 'structured';
  if (essence === CLOUDEVENTS_BATCH_JSON_MEDIA_TYPE) return 'batch';
  return undefined;
}

/**
 * Decode an HTTP message into a CloudEvent (structured or binary mode) or an array of them (batched
 * mode), validated. `headers` may be Node's `IncomingHttpHeaders`, any object of headers in any case, or
 * a WHATWG `Headers`; `body` the raw bytes (`Buffer`, `Uint8Array`, `ArrayBuffer`), text, or what a body
 * parser made of it. A CloudEvents media type of a format other than JSON is `CE_UNSUPPORTED_MEDIA_TYPE`
 * (415) unless `ce-specversion` marks the message as binary mode. Errors are `CloudEventError`s with a
 * `code` and an HTTP `status`.
 *
 * @example
 * const event = fromHttp({ headers: req.headers, body: rawBody });
 * if (Array.isArray(event)) { ... } else { event.type; }
 */
export function fromHttp(message: CloudEventHttpInput): CloudEvent | CloudEvent[] {
  const headers = bindingHeaders(message.headers);
  const contentType = headers['content-type'];
  const mode = modeOf(contentType);
  const decoded = { headers, body: message.body };
  if (mode === 'structured') return fromStructured(decoded);
  if (mode === 'batch') return fromBatch(decoded);
  if (contentType !== undefined && mediaTypeEssence(contentType).startsWith(CE_PREFIX) && headers['ce-specversion'] === undefined) {
    throw new CloudEventDecodeError('CE_UNSUPPORTED_MEDIA_TYPE', `unsupported CloudEvents format '${contentType}'`);
  }
  return fromBinary(decoded);
}
