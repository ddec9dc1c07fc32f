import type { CloudEvent } from '../../../cloudevents/types.js';
import type { LambdaContext } from '../../../lambda-context.js';
import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { toRfc3339 } from '../../convert/time.js';
import { field, isObject, text, textField, type JsonObject } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';
import {
  LEGACY_PREFIX_TO_SERVICE,
  LEGACY_TO_CLOUDEVENT_TYPE,
  RESOURCE_SPLIT,
  SERVICE,
  SERVICE_ROUTE,
  UNKNOWN_SERVICE_ROUTE,
} from './mapping.js';

/** The context of a Google Cloud Functions legacy (background) event. */
export interface GcfLegacyContext {
  eventId?: string;
  timestamp?: string;
  eventType: string;
  resource?: string | { service?: string; name?: string; type?: string };
}

/** A legacy event: `{ context, data }`, or the older flat form with the context's fields at the top. */
export type GcfLegacyEvent = ({ context: GcfLegacyContext } | (GcfLegacyContext & { eventId: string })) & {
  data: unknown;
  domain?: string;
};

/**
 * GCF legacy events: `context.eventType` next to `data`, or (older flat form) `eventType` with
 * `eventId` and `resource` next to `data`. Event Grid events have `eventType` too, but neither
 * `eventId` nor `resource`.
 *
 * @example
 * isGcfLegacyEvent({ context: { eventId: '1', eventType: 'google.storage.object.finalize' }, data: {} }); // true
 */
export function isGcfLegacyEvent(event: unknown): event is GcfLegacyEvent {
  if (typeof event !== 'object' || event === null || !('data' in event)) return false;
  const candidate = event as JsonObject;
  const context = candidate.context;
  if (typeof context === 'object' && context !== null) return typeof (context as JsonObject).eventType === 'string';
  return typeof candidate.eventType === 'string' && candidate.eventId !== undefined && candidate.resource !== undefined;
}

/** The context part of either form. */
function contextOf(event: GcfLegacyEvent): JsonObject {
  return 'context' in event && isObject(event.context) ? event.context : (event as unknown as JsonObject);
}

/** The CloudEvent service of a context: its resource's `service`, else by the event type's prefix. */
function serviceOf(context: JsonObject): string | undefined {
  const declared = textField(context.resource, 'service');
  if (declared !== undefined) return declared;
  const eventType = context.eventType;
  if (typeof eventType !== 'string') return undefined;
  let service: string | undefined;
  for (const [prefix, name] of LEGACY_PREFIX_TO_SERVICE) if (eventType.startsWith(prefix)) service = name;
  return service;
}

/** Firebase Auth metadata names differ between legacy events and CloudEvents. */
const AUTH_METADATA_NAMES: ReadonlyMap<string, string> = new Map([
  ['createdAt', 'createTime'],
  ['lastSignedInAt', 'lastSignInTime'],
]);

const LOCATION = /^[\w-]+$/;

/** Realtime Database location from the event's `domain`; `undefined` when it cannot be told. */
function databaseLocation(domain: unknown): string | undefined {
  if (domain === 'firebaseio.com') return 'us-central1';
  if (typeof domain !== 'string' || !domain.endsWith('.firebasedatabase.app')) return undefined;
  const location = domain.slice(0, -'.firebasedatabase.app'.length);
  return LOCATION.test(location) ? location : undefined;
}

function convert(event: GcfLegacyEvent, context: LambdaContext | undefined): CloudEvent[] {
  const legacy = contextOf(event);
  const eventType = legacy.eventType as string;
  const service = serviceOf(legacy);
  let resource = typeof legacy.resource === 'string' ? legacy.resource : (textField(legacy.resource, 'name') ?? '');
  let subject: string | undefined;
  const split = service === undefined ? undefined : RESOURCE_SPLIT.get(service)?.exec(resource);
  if (split) {
    resource = split[1] ?? resource;
    subject = split[2];
  }
  let data: unknown = event.data;
  const eventId = text(legacy.eventId);
  const timestamp = text(legacy.timestamp);
  if (service === SERVICE.pubsub && isObject(data)) {
    // Pub/Sub data is nested under `message`, with the id and publish time the context holds.
    data = { message: { ...data, publishTime: data.publishTime || timestamp, messageId: data.messageId || eventId } };
  } else if (service === SERVICE.firebaseAuth && isObject(data) && isObject(data.metadata)) {
    const metadata = Object.fromEntries(
      Object.entries(data.metadata).map(([key, value]) => [AUTH_METADATA_NAMES.get(key) ?? key, value]),
    );
    if (data.uid !== undefined) subject = `users/${String(data.uid)}`;
    data = { ...data, metadata };
  } else if (service === SERVICE.firebaseDatabase) {
    const location = databaseLocation(field(event, 'domain'));
    if (location !== undefined) resource = `projects/_/locations/${location}/${resource}`;
  }
  return [
    buildCloudEvent(
      {
        id: eventId ?? invocationId(context),
        source: service === undefined ? (text(resource) ?? 'urn:google:cloudfunctions') : `//${service}/${resource}`,
        type: LEGACY_TO_CLOUDEVENT_TYPE.get(eventType) ?? eventType,
        subject,
        time: toRfc3339(timestamp),
      },
      jsonPayload(data === undefined ? null : data),
    ),
  ];
}

/**
 * Google Cloud Functions legacy (background) events, converted as the Functions Framework converts
 * them: type by its legacy → CloudEvent table (an unknown legacy type is kept as is), source
 * `//<service>/<resource>`, subject split off the resource (`objects/...`, `documents/...`), id
 * `eventId`, time `timestamp`, data the event's data (Pub/Sub data nested under `message`). Path by
 * service: `/google.pubsub`, `/google.storage`, `/google.firestore`, `/google.firebase`,
 * `/google.firebaseauth`, `/google.firebasedatabase`, else `/google.functions`. Delivery `async`.
 *
 * @example
 * gcfLegacySource.route({ context: { eventType: 'google.storage.object.finalize' }, data: {} }); // '/google.storage'
 */
export const gcfLegacySource: PlainSource<GcfLegacyEvent> = {
  name: 'google.functions',
  detect: isGcfLegacyEvent,
  route: (event) => {
    const service = serviceOf(contextOf(event));
    return (service === undefined ? undefined : SERVICE_ROUTE.get(service)) ?? UNKNOWN_SERVICE_ROUTE;
  },
  toCloudEvents: (event, context) => convertSafely(event, context, () => convert(event, context)),
  answer: 'reject',
};
