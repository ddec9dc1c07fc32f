import type { DispatchResponse } from '../../../dispatch/types.js';
import { field, recordsOf } from '../../convert/values.js';

/** One record's transformation result, as Firehose reads it. */
export interface FirehoseRecordResult {
  recordId: string;
  result: 'Ok' | 'Dropped' | 'ProcessingFailed';
  /** base64: the transformed record (`Ok`), else the original data. */
  data: string;
}

/** The Lambda result of a Firehose transformation invocation. */
export interface FirehoseTransformationResult {
  records: FirehoseRecordResult[];
}

/**
 * Response header an app can set on a 2xx answer to choose the record's result explicitly: `Ok`,
 * `Dropped` or `ProcessingFailed` (case-insensitive; another value is ignored).
 */
export const FIREHOSE_RESULT_HEADER = 'x-firehose-result';

/** Lower-cased header value → result. */
const RESULTS: Record<string, FirehoseRecordResult['result'] | undefined> = {
  ok: 'Ok',
  dropped: 'Dropped',
  processingfailed: 'ProcessingFailed',
};

/** The result a 2xx answer asks for: the header when valid, else `Dropped` for a 204, else `Ok`. */
function resultOf(response: DispatchResponse): FirehoseRecordResult['result'] {
  const header = response.headers[FIREHOSE_RESULT_HEADER];
  const value = typeof header === 'string' ? header : header?.[0];
  const chosen = value === undefined ? undefined : RESULTS[value.trim().toLowerCase()];
  if (chosen !== undefined) return chosen;
  return response.statusCode === 204 ? 'Dropped' : 'Ok';
}

/**
 * Record mode: the Firehose transformation result from each record's answer, in record order.
 * - a 2xx answer is `Ok` with the response body, base64-encoded, as the transformed record;
 * - a `204 No Content` is `Dropped` (the app consumed the record and has nothing to deliver);
 * - the `x-firehose-result` header on a 2xx answer overrides both (`Ok`, `Dropped`, `ProcessingFailed`);
 * - any other status, or no answer (the app threw or timed out), is `ProcessingFailed`.
 * `Dropped` and `ProcessingFailed` records carry their original data: Firehose keeps a failed record's
 * data in its error output, so it must be the data it sent.
 *
 * @example
 * firehoseRecordsResult([{ statusCode: 200, headers: {}, body: Buffer.from('hi') }, undefined], event);
 * // { records: [{ recordId: 'record1', result: 'Ok', data: 'aGk=' },
 * //             { recordId: 'record2', result: 'ProcessingFailed', data: 'eyJIZWxsbyI6ICJXb3JsZCJ9' }] }
 */
export function firehoseRecordsResult(responses: ReadonlyArray<DispatchResponse | undefined>, event: unknown): FirehoseTransformationResult {
  const records = recordsOf(event, 'records');
  const results = new Array<FirehoseRecordResult>(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const id = field(record, 'recordId');
    const original = field(record, 'data');
    const recordId = typeof id === 'string' ? id : String(id ?? '');
    const data = typeof original === 'string' ? original : '';
    const response = responses[i];
    if (response === undefined || response.statusCode < 200 || response.statusCode > 299) {
      results[i] = { recordId, result: 'ProcessingFailed', data };
      continue;
    }
    const result = resultOf(response);
    results[i] = { recordId, result, data: result === 'Ok' ? response.body.toString('base64') : data };
  }
  return { records: results };
}
