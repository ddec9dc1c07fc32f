import type { CloudEvent } from '../../cloudevents/types.js';
import type { LambdaContext } from '../../types.js';
import { convertSafely, invocationCloudEvent } from '../convert/build.js';
import { safePath } from '../path.js';
import type { EventSource } from '../types.js';

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

/** 0.3 attributes that 1.0 renamed or replaced. */
const V03_ONLY = new Set(['schemaurl', 'datacontentencoding']);

/**
 * The event as a spec 1.0 CloudEvent: 1.0 attributes unchanged (members whose value is `null` are
 * dropped, as the JSON format treats them as absent); 0.3 normalised (`schemaurl` → `dataschema`,
 * `datacontentencoding: base64` → `data_base64`). An event of another spec version, or without a
 * string `id` and `type`, is not a usable CloudEvent: it gets the generic invocation CloudEvent.
 */
function normalise(event: StructuredCloudEvent, context: LambdaContext | undefined): CloudEvent[] {
  const { specversion } = event;
  const isV1 = specversion === '1.0';
  if ((!isV1 && specversion !== '0.3') || typeof event.id !== 'string' || event.id === '' ||
      typeof event.type !== 'string' || event.type === '' || event.source === '') {
    return [invocationCloudEvent(event, context)];
  }
  const out: CloudEvent = { specversion: '1.0', id: event.id, source: event.source, type: event.type };
  for (const key of Object.keys(event)) {
    const value = event[key];
    if (value === null && key !== 'data') continue;
    if (key === 'specversion' || (!isV1 && V03_ONLY.has(key))) continue;
    out[key] = value;
  }
  if (!isV1) {
    if (typeof event.schemaurl === 'string' && event.schemaurl !== '') out.dataschema = event.schemaurl;
    if (typeof event.datacontentencoding === 'string' && event.datacontentencoding.toLowerCase() === 'base64' &&
        typeof event.data === 'string') {
      delete out.data;
      out.data_base64 = event.data;
    }
  }
  return [out];
}

/**
 * A CloudEvent given as the invocation event. Path: `/` + its `source`, made safe. A client sending a
 * CloudEvent reads the answer, so delivery is `direct`.
 *
 * @example
 * cloudEventSource.route({ specversion: '1.0', id: '1', source: '/my/context', type: 't' }); // '/my/context'
 */
export const cloudEventSource: EventSource<StructuredCloudEvent> = {
  name: 'cloudevents',
  detect: isStructuredCloudEvent,
  route: (event) => safePath(event.source),
  toCloudEvents: (event, context) => convertSafely(event, context, () => normalise(event, context)),
  delivery: 'direct',
};
