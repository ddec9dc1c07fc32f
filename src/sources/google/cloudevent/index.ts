import type { CloudEvent } from '../../../cloudevents/types.js';
import { BINARY_TYPE, JSON_TYPE } from '../../convert/payload.js';
import { isObject, text } from '../../convert/values.js';
import { gcfLegacySource } from '../functions/index.js';
import type { GcfLegacyContext } from '../functions/index.js';

import { googleRoute } from './routes.js';

export { googleRoute, GOOGLE_FALLBACK_ROUTE } from './routes.js';

/**
 * The CloudEvent the Functions Framework hands a `functions.cloudEvent` function: its attributes as
 * they arrived (from the `ce-` headers in binary mode, from the JSON in structured mode; legacy events
 * and Pub/Sub pushes converted by the framework), and `data` as its body parsers left it: a parsed JSON
 * value, a string (`text/plain`), a `Buffer` (any other media type), or absent. In binary mode the
 * framework does not copy `Content-Type` into `datacontenttype`.
 */
export interface FunctionsFrameworkCloudEvent {
  specversion?: string;
  id?: string;
  source?: string;
  type?: string;
  datacontenttype?: string;
  data?: unknown;
  data_base64?: string;
  traceparent?: string;
  [attribute: string]: unknown;
}

/** Media type of Firestore and Datastore event data (`DocumentEventData`, `EntityEventData` protobufs). */
export const PROTOBUF_TYPE = 'application/protobuf';

/** Types whose data Google sends as protobuf bytes, without a JSON form. */
const PROTOBUF_TYPES = ['google.cloud.firestore.document.v1.', 'google.cloud.datastore.entity.v1.'];

/** What a `data` the framework's body parsers produced was sent as, when the event does not say. */
function defaultContentType(data: unknown, type: string): string | undefined {
  if (data === undefined) return undefined;
  if (data instanceof Uint8Array) return PROTOBUF_TYPES.some((prefix) => type.startsWith(prefix)) ? PROTOBUF_TYPE : BINARY_TYPE;
  if (typeof data === 'string') return 'text/plain';
  return JSON_TYPE;
}

/**
 * The framework's CloudEvent as this package's `CloudEvent`: every attribute kept as given (values
 * taken from binary-mode headers stay as the framework read them), `specversion` `1.0` when absent,
 * data left as it is (bytes stay bytes, so Firestore's protobuf reaches the app byte for byte), and a
 * `datacontenttype` restored when the framework dropped it: `application/protobuf` for bytes of a
 * Firestore or Datastore event, `application/octet-stream` for other bytes, `text/plain` for a string,
 * `application/json` for a parsed JSON value.
 *
 * @example
 * fromFunctionsFramework({ specversion: '1.0', id: '1', source: '//firestore.googleapis.com/projects/p/databases/(default)',
 *   type: 'google.cloud.firestore.document.v1.written', data: Buffer.from([0x0a, 0x00]) }).datacontenttype; // 'application/protobuf'
 */
export function fromFunctionsFramework(event: FunctionsFrameworkCloudEvent): CloudEvent {
  const cloudEvent: CloudEvent = { specversion: '1.0', id: '', source: '', type: '' };
  for (const key of Object.keys(event)) {
    const value = event[key];
    if (value !== undefined && value !== null) cloudEvent[key] = value;
  }
  if (cloudEvent.datacontenttype === undefined && cloudEvent.data_base64 === undefined) {
    const contentType = defaultContentType(cloudEvent.data, String(cloudEvent.type));
    if (contentType !== undefined) cloudEvent.datacontenttype = contentType;
  }
  return cloudEvent;
}

/**
 * Whether a function was called as a legacy background function, `(data, context)` (the framework's
 * `event` signature type): the second argument is a context with an `eventType`.
 *
 * @example
 * isLegacyContext({ eventId: '1', eventType: 'google.storage.object.finalize', resource: 'projects/_/buckets/b/objects/o' }); // true
 */
export function isLegacyContext(context: unknown): context is GcfLegacyContext {
  return isObject(context) && text(context.eventType) !== undefined;
}

/** A CloudEvent to deliver and the path Google's routing gives it (before the user's `routes`). */
export interface GoogleDelivery {
  cloudEvent: CloudEvent;
  path: string;
}

/**
 * A `functions.cloudEvent` call's CloudEvent ({@link fromFunctionsFramework}) and its path ({@link googleRoute}).
 *
 * @example
 * cloudEventDelivery({ specversion: '1.0', id: '1', source: '//pubsub.googleapis.com/projects/p/topics/t',
 *   type: 'google.cloud.pubsub.topic.v1.messagePublished', data: { message: {} } }).path; // '/google.pubsub'
 */
export function cloudEventDelivery(event: FunctionsFrameworkCloudEvent): GoogleDelivery {
  const cloudEvent = fromFunctionsFramework(event);
  return { cloudEvent, path: googleRoute({ type: String(cloudEvent.type), source: String(cloudEvent.source) }) };
}

/**
 * A legacy background call's `(data, context)` as the CloudEvent the framework would have given a
 * CloudEvent function, by the same table (`sources/google/functions`), at the legacy event's path
 * (`/google.storage`, ...; `/google.functions` for a type of no known service).
 *
 * @example
 * legacyDelivery({ bucket: 'b', name: 'o' }, { eventId: '1', eventType: 'google.storage.object.finalize',
 *   resource: { service: 'storage.googleapis.com', name: 'projects/_/buckets/b/objects/o' } }).cloudEvent.type;
 * // 'google.cloud.storage.object.v1.finalized'
 */
export function legacyDelivery(data: unknown, context: GcfLegacyContext): GoogleDelivery {
  const event = { context, data };
  return { cloudEvent: gcfLegacySource.toCloudEvents(event)[0] as CloudEvent, path: gcfLegacySource.route(event) };
}
