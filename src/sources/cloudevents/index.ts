import { normalizeCloudEvent } from '../../cloudevents/json-format.js';
import type { CloudEvent } from '../../cloudevents/types.js';
import type { LambdaContext } from '../../lambda-context.js';
import { convertSafely, invocationCloudEvent } from '../convert/build.js';
import { safePath } from '../path.js';
import type { DeliveryMetadata, PlainSource } from '../types.js';

/** A CloudEvent in structured JSON form, sent as the invocation event itself (spec 1.0 or 0.3). */
export interface StructuredCloudEvent {
  specversion: string;
  source: string;
  [attribute: string]: unknown;
}

/**
 * A structured CloudEvent: `specversion` is the attribute every CloudEvent has and no AWS event has.
 * A `source` that is not a string means the value cannot be routed, so the event is not one of these.
 *
 * @example
 * isStructuredCloudEvent({ specversion: '1.0', id: '1', source: '/s', type: 't' }); // true
 */
export function isStructuredCloudEvent(event: unknown): event is StructuredCloudEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Partial<StructuredCloudEvent>;
  return typeof candidate.specversion === 'string' && typeof candidate.source === 'string';
}

/**
 * The event as a spec 1.0 CloudEvent, by the spec layer's one normalisation (`normalizeCloudEvent`:
 * `null` members dropped, 0.3 upgraded). An event of another spec version, or without a string `id`
 * and `type`, is not a usable CloudEvent: it gets the generic invocation CloudEvent.
 */
function normalise(event: StructuredCloudEvent, context: LambdaContext | undefined): CloudEvent[] {
  const { specversion } = event;
  if ((specversion !== '1.0' && specversion !== '0.3') || typeof event.id !== 'string' || event.id === '' ||
      typeof event.type !== 'string' || event.type === '' || event.source === '') {
    return [invocationCloudEvent(event, context)];
  }
  return [normalizeCloudEvent(event) as CloudEvent];
}

/** The trace context a structured CloudEvent carries (Distributed Tracing extension). */
function traceContext(event: StructuredCloudEvent): DeliveryMetadata | undefined {
  const { traceparent, tracestate } = event;
  if (typeof traceparent !== 'string') return undefined;
  return { traceparent, tracestate: typeof tracestate === 'string' ? tracestate : undefined };
}

/**
 * A CloudEvent given as the invocation event. Path: `/` + its `source`, made safe. A client sending a
 * CloudEvent reads the answer, so its answer is `envelope`.
 *
 * @example
 * cloudEventSource.route({ specversion: '1.0', id: '1', source: '/my/context', type: 't' }); // '/my/context'
 */
export const cloudEventSource: PlainSource<StructuredCloudEvent> = {
  name: 'cloudevents',
  detect: isStructuredCloudEvent,
  route: (event) => safePath(event.source),
  toCloudEvents: (event, context) => convertSafely(event, context, () => normalise(event, context)),
  answer: 'envelope',
  metadata: traceContext,
};
