import type { DispatchResponse } from '../dispatch/types.js';

/**
 * How one delivery ended, the one thing every entry point turns into its platform's answer:
 * - `accepted`: the app answered 2xx;
 * - `rejected`: the app answered outside 2xx (`response` holds its answer), or threw (`response`
 *   undefined, `status` 500, `cause` the error);
 * - `timedOut`: the app did not answer before the deadline;
 * - `notSent`: the request was never made (the deadline had passed, an earlier record failed, the
 *   record cannot be an HTTP request); `heldBack` when it waits behind a failed record of its order.
 */
export type Outcome =
  | { kind: 'accepted'; response: DispatchResponse }
  | { kind: 'rejected'; status: number; response: DispatchResponse | undefined; cause: Error | undefined }
  | { kind: 'timedOut'; cause: Error }
  | { kind: 'notSent'; reason: string; cause?: Error | undefined; heldBack?: boolean };

/**
 * How the records of a batch are run: all at once, `limit` in flight (standard queues, S3, SNS...);
 * one at a time in order, none after the first failure (FIFO, streams, Kafka); or by message group:
 * groups concurrently (`limit` groups in flight), each group in order and held back after its first
 * failure.
 */
export type RecordOrder =
  | { kind: 'concurrent'; limit: number }
  | { kind: 'ordered' }
  | { kind: 'groups'; limit: number; groupOf: (index: number) => string | undefined };

/** Entry-point knobs that shape every request: resolved once per handler. */
export interface RequestShape {
  method: string;
  hasBody: boolean;
  /** The request defaults' headers (lower-case names). */
  headers: Record<string, string>;
}
