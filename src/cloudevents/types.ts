/**
 * A CloudEvent (spec 1.0) as a plain, JSON-serialisable object: the attribute names of the spec's JSON
 * event format, `data` or `data_base64`, and extension attributes as further string, number or boolean
 * members.
 *
 * @example
 * const event: CloudEvent = {
 *   specversion: '1.0',
 *   id: 'A234-1234-1234',
 *   source: '/mycontext',
 *   type: 'com.example.someevent',
 *   datacontenttype: 'application/json',
 *   data: { hello: 'world' },
 * };
 */
export interface CloudEvent {
  specversion: '1.0' | (string & {});
  id: string;
  source: string;
  type: string;
  datacontenttype?: string;
  dataschema?: string;
  subject?: string;
  time?: string;
  /** JSON value when `datacontenttype` is JSON (or absent); a string for other text types. */
  data?: unknown;
  /** Binary data, base64-encoded (the JSON event format's `data_base64`). */
  data_base64?: string;
  /** Extension attributes: lower-case a-z0-9 names, values of the CloudEvents type system. */
  [extension: string]: unknown;
}

/** The value types of the CloudEvents type system, as they appear in a JSON event. */
export type CloudEventAttributeValue = string | number | boolean;

/**
 * Symbol-keyed member a source may set on a CloudEvent it builds: the exact text or bytes its `data`
 * was parsed from (an SQS body, a Kinesis record). Encoders send these bytes instead of re-serialising
 * `data`, so the app receives the payload byte for byte, and the per-record path skips a
 * `JSON.stringify`. Symbol keys are not serialised by `JSON.stringify`, so the event stays plain JSON.
 */
export const RAW_DATA: unique symbol = Symbol.for('cloud-events-handler.rawData') as never;

/** A CloudEvent that may carry the raw form of its data (see {@link RAW_DATA}). */
export type CloudEventWithRaw = CloudEvent & { [RAW_DATA]?: string | Uint8Array };
