/**
 * Batched content mode of the CloudEvents HTTP binding 1.0.2 (§3.3) with the JSON batch format:
 * `Content-Type: application/cloudevents-batch+json; charset=utf-8`, a JSON array of events.
 */
import { formatCloudEventBatchJson, parseCloudEventBatchJson } from '../json-format.js';
import { CLOUDEVENTS_BATCH_JSON_MEDIA_TYPE } from '../media-type.js';
import type { CloudEvent } from '../types.js';
import type { CloudEventHttpMessage } from './binary.js';
import { bindingHeaders } from './headers.js';
import type { CloudEventHttpInput } from './headers.js';
import { bodyJson, expectMediaType } from './structured.js';

/** The `Content-Type` that {@link toBatch} sends. */
export const BATCH_CONTENT_TYPE = `${CLOUDEVENTS_BATCH_JSON_MEDIA_TYPE}; charset=utf-8`;

/**
 * Encode events in HTTP batched content mode (binding §3.3): a JSON array of events in the JSON event
 * format. The batch may be empty; its events must share one `specversion` (§3.3.2), else a
 * `CloudEventValidationError` is thrown.
 *
 * @example
 * toBatch([]); // { headers: { 'content-type': 'application/cloudevents-batch+json; charset=utf-8' }, body: '[]' }
 */
export function toBatch(events: readonly CloudEvent[]): CloudEventHttpMessage {
  return {
    headers: { 'content-type': BATCH_CONTENT_TYPE },
    body: Buffer.from(formatCloudEventBatchJson(events), 'utf8'),
  };
}

/**
 * Decode an HTTP message in batched content mode: `Content-Type` must be
 * `application/cloudevents-batch+json` (any case, any parameters; else 415), the body a JSON array of
 * valid events sharing one `specversion`.
 *
 * @example
 * fromBatch({ headers: { 'content-type': 'application/cloudevents-batch+json' }, body: '[]' }); // []
 */
export function fromBatch(message: CloudEventHttpInput): CloudEvent[] {
  const contentType = bindingHeaders(message.headers)['content-type'];
  expectMediaType(contentType, CLOUDEVENTS_BATCH_JSON_MEDIA_TYPE);
  return parseCloudEventBatchJson(bodyJson(message.body, contentType));
}
