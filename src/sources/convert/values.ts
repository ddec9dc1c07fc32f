/**
 * Tolerant readers for raw invocation events. Events arrive as parsed JSON from a caller we do not
 * control, so a converter never trusts a field's presence or type: it reads through these helpers and
 * falls back when a value is missing, instead of throwing half-way through a batch.
 */

/** A plain JSON object (not null, not an array). */
export type JsonObject = Record<string, unknown>;

/**
 * True for a non-null, non-array object.
 *
 * @example
 * isObject({ a: 1 }); // true
 * isObject([1]);      // false
 */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `value[key]` when `value` is an object, else `undefined`.
 *
 * @example
 * field({ a: { b: 1 } }, 'a'); // { b: 1 }
 * field(null, 'a');            // undefined
 */
export function field(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

/**
 * The value when it is a non-empty string, else `undefined` (CloudEvent string attributes must not be
 * empty).
 *
 * @example
 * text('a'); // 'a'
 * text('');  // undefined
 * text(1);   // undefined
 */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * `field(value, key)` as a non-empty string.
 *
 * @example
 * textField({ id: 'x' }, 'id'); // 'x'
 */
export function textField(value: unknown, key: string): string | undefined {
  return text(field(value, key));
}

/**
 * The first element of `event[key]` (default `Records`) when it is an object: the one place the
 * Records-based guards look, so that detection is a handful of property reads.
 *
 * @example
 * firstRecord({ Records: [{ eventSource: 'aws:sqs' }] }); // { eventSource: 'aws:sqs' }
 * firstRecord({ Records: [] });                            // undefined
 */
export function firstRecord(event: unknown, key = 'Records'): JsonObject | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const records = (event as JsonObject)[key];
  if (!Array.isArray(records)) return undefined;
  const first: unknown = records[0];
  return isObject(first) ? first : undefined;
}

/**
 * `event[key]` as an array (default `Records`), or an empty array.
 *
 * @example
 * recordsOf({ Records: [1, 2] }); // [1, 2]
 * recordsOf({});                  // []
 */
export function recordsOf(event: unknown, key = 'Records'): readonly unknown[] {
  const records = field(event, key);
  return Array.isArray(records) ? records : [];
}
