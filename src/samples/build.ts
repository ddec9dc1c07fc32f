import { randomBytes, randomUUID } from 'node:crypto';
import { SampleError } from './types.js';
import type { SampleOverrides } from './types.js';

// Small helpers the sample builders share. Samples ship in the package: they stay code, not data.

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

/** A fresh UUID (v4). */
export const uuid = (): string => randomUUID();

/** Now, as an ISO 8601 string with milliseconds (`2024-05-01T12:00:00.000Z`). */
export const isoNow = (): string => new Date().toISOString();

/**
 * A random string of `length` decimal digits (sequence numbers, offsets, message ids).
 *
 * @example
 * digits(20); // '49590338271490256608559692538361571095921575989136588898'.slice(0, 20)
 */
export function digits(length: number): string {
  let out = '';
  for (const byte of randomBytes(length)) out += String(byte % 10);
  return out.replace(/^0/, '1');
}

/** A random lower-case hex string of `bytes` bytes. */
export const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/**
 * Text for a body field: strings as they are, anything else as JSON.
 *
 * @example
 * text({ id: 1 }); // '{"id":1}'
 */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `text(value)` in base64 (Kinesis, Kafka, Firehose and Pub/Sub carry data that way). */
export const base64 = (value: unknown): string => Buffer.from(text(value)).toString('base64');

/**
 * An override that must be a string (ARNs, names): checked, so that `--set bucket=1` says what is wrong.
 *
 * @example
 * str({ bucket: 'b' }, 'bucket', 'example-bucket'); // 'b'
 */
export function str(overrides: SampleOverrides, field: string, fallback: string): string {
  const value = overrides[field];
  if (value === undefined) return fallback;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new SampleError(`override "${field}" must be a string, not ${JSON.stringify(value)}`, 'INVALID_OVERRIDE', '', field, ['a string']);
}

/** A name or an ARN: a bare name becomes the ARN `prefix + name`. */
export const arn = (nameOrArn: string, prefix: string): string => (nameOrArn.startsWith('arn:') ? nameOrArn : prefix + nameOrArn);

/**
 * One item per record of a batch: `records` is how many (default 1), or one object of overrides per
 * record, merged over the top-level overrides. `build` gets the record's overrides and its index.
 *
 * @example
 * batch({ body: 'x', records: [{}, { body: 'y' }] }, (o) => o.body); // ['x', 'y']
 */
export function batch<T>(overrides: SampleOverrides, build: (record: SampleOverrides, index: number) => T): T[] {
  const records = overrides.records;
  if (Array.isArray(records)) return records.map((own, index) => build({ ...overrides, ...own }, index));
  const count = records === undefined ? 1 : Number(records);
  if (!Number.isInteger(count) || count < 0 || count > 10_000) {
    throw new SampleError(`override "records" must be a whole number (0 to 10000) or an array of per-record overrides, not ${JSON.stringify(records)}`, 'INVALID_OVERRIDE', '', 'records', ['a number', 'an array']);
  }
  return Array.from({ length: count }, (_, index) => build(overrides, index));
}

/**
 * An object override (headers, attributes, detail) or the fallback.
 *
 * @example
 * obj({}, 'headers', { accept: '*\/*' }); // { accept: '*\/*' }
 */
export function obj(overrides: SampleOverrides, field: string, fallback: Record<string, unknown>): Record<string, unknown> {
  const value = overrides[field];
  if (value === undefined) return fallback;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new SampleError(`override "${field}" must be an object, not ${JSON.stringify(value)}`, 'INVALID_OVERRIDE', '', field, ['an object']);
}
