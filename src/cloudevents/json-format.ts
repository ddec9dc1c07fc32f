/**
 * The JSON event format 1.0.2 (structured and batch) and the upgrade of 0.3 events to 1.0.
 */
import { CloudEventDecodeError, CloudEventValidationError } from './errors.js';
import type { CloudEventProblem } from './errors.js';
import type { CloudEvent } from './types.js';
import { validateCloudEvent } from './validate.js';

/**
 * Bring a decoded JSON event to the 1.0 in-memory form: members whose value is `null` are unset (JSON
 * format §2.2; `data: null` stays, an explicit null payload, §3.1.1), and a 0.3 event becomes 1.0:
 * `schemaurl` is `dataschema`, and `datacontentencoding: base64` turns its string `data` into
 * `data_base64`. Returns a new object; the input is not modified.
 *
 * @example
 * normalizeCloudEvent({ specversion: '0.3', id: '1', source: '/s', type: 't', schemaurl: 'urn:s',
 *   datacontentencoding: 'base64', data: 'AAEC' });
 * // { specversion: '1.0', id: '1', source: '/s', type: 't', dataschema: 'urn:s', data_base64: 'AAEC' }
 */
export function normalizeCloudEvent(event: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(event)) {
    const value = event[key];
    if (value === null && key !== 'data') continue;
    if (value !== undefined) out[key] = value;
  }
  if (out.specversion !== '0.3') return out;
  out.specversion = '1.0';
  if (out.schemaurl !== undefined) {
    if (out.dataschema === undefined) out.dataschema = out.schemaurl;
    delete out.schemaurl;
  }
  const encoding = out.datacontentencoding;
  if (typeof encoding === 'string' && encoding.toLowerCase() === 'base64') {
    delete out.datacontentencoding;
    if (typeof out.data === 'string') {
      out.data_base64 = out.data;
      delete out.data;
    }
  }
  return out;
}

/**
 * The JSON object of an event in the JSON event format (§3): unset and `null` attributes omitted,
 * Binary data (`Uint8Array`) as `data_base64`, other data as a JSON value when `datacontenttype` is JSON
 * or absent (a string stays a JSON string, §3.1.1), else as given (a string). Binary extension values
 * become base64 strings. Does not validate: see {@link assertCloudEvent}.
 *
 * @example
 * cloudEventToJsonObject({ specversion: '1.0', id: '1', source: '/s', type: 't', data: new Uint8Array([0, 1, 2]) });
 * // { specversion: '1.0', id: '1', source: '/s', type: 't', data_base64: 'AAEC' }
 */
export function cloudEventToJsonObject(event: CloudEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(event)) {
    if (key === 'data' || key === 'data_base64') continue;
    const value = event[key];
    if (value === undefined || value === null) continue;
    out[key] = value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') : value;
  }
  const { data, data_base64: base64 } = event;
  if (typeof base64 === 'string') out.data_base64 = base64;
  else if (data instanceof Uint8Array) out.data_base64 = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
  else if (data !== undefined) out.data = data;
  return out;
}

/**
 * Serialise one event in the JSON event format (`application/cloudevents+json`).
 *
 * @example
 * formatCloudEventJson({ specversion: '1.0', id: '1', source: '/s', type: 't', data: 'hi' });
 * // '{"specversion":"1.0","id":"1","source":"/s","type":"t","data":"hi"}'
 */
export function formatCloudEventJson(event: CloudEvent): string {
  return JSON.stringify(cloudEventToJsonObject(event));
}

/**
 * Serialise events in the JSON batch format (`application/cloudevents-batch+json`, JSON format §4).
 * Throws a `CloudEventValidationError` when the events do not share one `specversion` (binding §3.3.2).
 *
 * @example
 * formatCloudEventBatchJson([]); // '[]'
 */
export function formatCloudEventBatchJson(events: readonly CloudEvent[]): string {
  checkSameSpecversion(events);
  return JSON.stringify(events.map(cloudEventToJsonObject));
}

/**
 * Read one event in the JSON event format: text, or an already parsed value. Normalises (see
 * {@link normalizeCloudEvent}) and validates; `data` keeps its JSON value (§3.1.2: a string is a JSON
 * string, never parsed again), `data_base64` stays a base64 string.
 * Throws `CloudEventDecodeError` (`CE_INVALID_JSON`, `CE_INVALID_BODY`) or `CloudEventValidationError`.
 *
 * @example
 * parseCloudEventJson('{"specversion":"1.0","id":"1","source":"/s","type":"t","data":"{}"}').data; // '{}'
 */
export function parseCloudEventJson(input: unknown): CloudEvent {
  const value = typeof input === 'string' ? parseJson(input) : input;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CloudEventDecodeError('CE_INVALID_BODY', 'a structured-mode CloudEvent must be a JSON object');
  }
  const event = normalizeCloudEvent(value as Record<string, unknown>);
  const problems = validateCloudEvent(event);
  if (problems.length > 0) throw new CloudEventValidationError(problems);
  return event as CloudEvent;
}

/**
 * Read a JSON batch: an array of events in the JSON event format, all of one `specversion`; each is
 * normalised and validated. Problems name the event's index (`[1].id`).
 *
 * @example
 * parseCloudEventBatchJson('[]'); // []
 */
export function parseCloudEventBatchJson(input: unknown): CloudEvent[] {
  const value = typeof input === 'string' ? parseJson(input) : input;
  if (!Array.isArray(value)) throw new CloudEventDecodeError('CE_INVALID_BODY', 'a CloudEvents batch must be a JSON array');
  const problems: CloudEventProblem[] = [];
  const events: CloudEvent[] = [];
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ attribute: `[${i}]`, code: 'CE_INVALID_ATTRIBUTE', message: 'a batch entry must be an object' });
      return;
    }
    const event = normalizeCloudEvent(item as Record<string, unknown>);
    for (const p of validateCloudEvent(event)) problems.push({ ...p, attribute: `[${i}].${p.attribute}` });
    events.push(event as CloudEvent);
  });
  if (problems.length > 0) throw new CloudEventValidationError(problems);
  checkSameSpecversion(value as CloudEvent[]);
  return events;
}

function checkSameSpecversion(events: readonly CloudEvent[]): void {
  const first = events[0]?.specversion;
  const i = events.findIndex((e) => e.specversion !== first);
  if (i === -1) return;
  throw new CloudEventValidationError([
    {
      attribute: `[${i}].specversion`,
      code: 'CE_INVALID_ATTRIBUTE',
      message: `all events of a batch must have the same specversion ('${first}')`,
    },
  ]);
}

/**
 * Parse JSON text, turning a syntax error into a typed `CE_INVALID_JSON` (status 400).
 *
 * @example
 * parseJson('{"a":1}'); // { a: 1 }
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new CloudEventDecodeError('CE_INVALID_JSON', `body is not valid JSON: ${(cause as Error).message}`, { cause });
  }
}

