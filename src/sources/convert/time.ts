/**
 * CloudEvent `time` values. The spec requires RFC 3339; AWS hands out ISO strings, ISO strings with a
 * `+0000` offset (CodeCommit), epoch milliseconds (SQS, Firehose, IoT Events, CloudWatch Logs) and
 * epoch seconds with a fraction (Kinesis, DynamoDB). Each converter says which it has.
 */

/** RFC 3339 `date-time` (upper-case `T`/`Z`, as validators expect). Compiled once. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Largest |epoch ms| a `Date` holds; beyond it `toISOString` throws. */
const MAX_EPOCH_MS = 8.64e15;

/**
 * Epoch milliseconds as an RFC 3339 UTC timestamp, or `undefined` when not representable (not a
 * finite number, or a year outside 0000–9999, which RFC 3339 cannot express).
 *
 * @example
 * fromEpochMillis(1520621625029); // '2018-03-09T18:53:45.029Z'
 */
export function fromEpochMillis(ms: unknown): string | undefined {
  const value = typeof ms === 'string' && ms !== '' ? Number(ms) : ms;
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_EPOCH_MS) return undefined;
  const date = new Date(value);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return undefined;
  return date.toISOString();
}

/**
 * Epoch seconds (fractions allowed) as an RFC 3339 UTC timestamp, or `undefined`.
 *
 * @example
 * fromEpochSeconds(1480641523.477); // '2016-12-02T01:18:43.477Z'
 */
export function fromEpochSeconds(seconds: unknown): string | undefined {
  const value = typeof seconds === 'string' && seconds !== '' ? Number(seconds) : seconds;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return fromEpochMillis(Math.round(value * 1000));
}

/**
 * A timestamp string as RFC 3339: returned unchanged when it already is one (so sub-millisecond
 * digits survive), else parsed by `Date` and re-emitted in UTC, else `undefined`.
 *
 * @example
 * toRfc3339('2017-06-26T18:41:00.9584103Z');   // unchanged
 * toRfc3339('2018-01-26T15:58:33.475+0000');   // '2018-01-26T15:58:33.475Z'
 * toRfc3339('yesterday');                      // undefined
 */
export function toRfc3339(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  // The shape test alone would let `2019-13-45T00:00:00Z` through; `Date.parse` rejects it.
  if (RFC3339.test(value) && Number.isFinite(ms)) return value;
  return fromEpochMillis(ms);
}
