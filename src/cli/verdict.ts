import type { InvokeResult } from '../testing/index.js';

/** Whether the event's caller would count it handled, and why not. */
export interface Verdict {
  handled: boolean;
  reason: string;
}

/**
 * What the caller makes of an invocation: not handled when the handler rejected (Lambda retries), when
 * a batch reports failed items (`batchItemFailures`), when Firehose gets records back failed, or when
 * a caller that reads the result (a direct invocation, an HTTP event) gets a status of 400 or more.
 *
 * @example
 * verdict({ result: { batchItemFailures: [] }, deliveries: [], callbacks: [] }).handled; // true
 */
export function verdict(run: InvokeResult): Verdict {
  if (run.error !== undefined) return { handled: false, reason: `the handler failed: ${run.error.message}` };
  if (run.callbacks.some((callback) => /"Status"\s*:\s*"FAILED"/.test(callback.body))) {
    return { handled: false, reason: 'the CloudFormation response says FAILED' };
  }
  const result = run.result as unknown;
  if (typeof result !== 'object' || result === null) return { handled: true, reason: 'the handler answered' };
  const failures = (result as { batchItemFailures?: unknown }).batchItemFailures;
  if (Array.isArray(failures)) {
    const total = run.deliveries.length;
    return failures.length === 0
      ? { handled: true, reason: 'no batch item failed' }
      : { handled: false, reason: `${failures.length} of ${total > 0 ? total : 'the'} records failed (batchItemFailures)` };
  }
  const records = (result as { records?: unknown }).records;
  if (Array.isArray(records)) {
    const failed = records.filter((record) => (record as { result?: unknown }).result === 'ProcessingFailed').length;
    if (failed > 0) return { handled: false, reason: `${failed} of ${records.length} records are ProcessingFailed` };
  }
  const statusCode = (result as { statusCode?: unknown }).statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400) return { handled: false, reason: `the caller gets status ${statusCode}` };
  return { handled: true, reason: 'the handler answered' };
}
