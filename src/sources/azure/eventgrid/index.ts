import type { CloudEvent } from '../../../cloudevents/types.js';
import type { LambdaContext } from '../../../lambda-context.js';
import { buildCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { toRfc3339 } from '../../convert/time.js';
import { field, textField } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';

/** An event in the Event Grid schema (learn.microsoft.com/azure/event-grid/event-schema). */
export interface EventGridEvent {
  id: string;
  topic?: string;
  subject?: string;
  eventType: string;
  eventTime: string;
  data?: unknown;
  dataVersion?: string;
  metadataVersion?: string;
}

/** What Event Grid posts: an array of events (or, sent by hand, a single one). */
export type EventGridDelivery = EventGridEvent | EventGridEvent[];

/** Type of the handshake event Event Grid sends when a webhook subscription is created. */
export const SUBSCRIPTION_VALIDATION_TYPE = 'Microsoft.EventGrid.SubscriptionValidationEvent';

function isOneEventGridEvent(event: unknown): event is EventGridEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return typeof candidate.eventType === 'string' && typeof candidate.eventTime === 'string';
}

/**
 * Event Grid schema: `eventType` with `eventTime`, on the event or on the first element of an array
 * (Event Grid always posts an array). Both are required by the schema; `eventTime` keeps Cognito Sync
 * (`eventType` only) and GCF legacy events (`timestamp`) apart.
 *
 * @example
 * isEventGridEvent([{ id: '1', eventType: 'recordInserted', eventTime: '2017-06-26T18:41:00Z', data: {} }]); // true
 */
export function isEventGridEvent(event: unknown): event is EventGridDelivery {
  return Array.isArray(event) ? event.length > 0 && isOneEventGridEvent(event[0]) : isOneEventGridEvent(event);
}

function toCloudEvents(event: EventGridDelivery, context?: LambdaContext): CloudEvent[] {
  return mapRecords(
    Array.isArray(event) ? event : [event],
    (one, index) =>
      buildCloudEvent(
        {
          id: textField(one, 'id') ?? invocationId(context, index),
          source: textField(one, 'topic') ?? 'azure:eventgrid',
          type: textField(one, 'eventType') ?? 'Microsoft.EventGrid.Event',
          subject: textField(one, 'subject'),
          time: toRfc3339(field(one, 'eventTime')),
        },
        jsonPayload(field(one, 'data') ?? null),
      ),
    context,
  );
}

/**
 * Azure Event Grid (Event Grid schema): one CloudEvent per event, as Event Grid itself maps its schema
 * to CloudEvents: id `id`, source `topic`, type `eventType`, subject `subject` (left out when empty),
 * time `eventTime`, data `data`. The subscription handshake is an event like any other, of type
 * `Microsoft.EventGrid.SubscriptionValidationEvent` (the app answers it with `validationResponse`).
 * Path `/azure.eventgrid`; Event Grid retries a delivery answered outside 2xx, so its answer is `reject`.
 *
 * @example
 * const delivery = [{ id: '1', topic: '/subscriptions/x', eventType: 't', eventTime: '2017-06-26T18:41:00Z', data: {} }];
 * eventGridSource.toCloudEvents(delivery)[0].source; // '/subscriptions/x'
 */
export const eventGridSource: PlainSource<EventGridDelivery> = {
  name: 'azure.eventgrid',
  detect: isEventGridEvent,
  route: () => '/azure.eventgrid',
  toCloudEvents,
  answer: 'reject',
};
