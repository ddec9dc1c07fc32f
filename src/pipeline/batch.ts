import type { DispatchResponse } from '../dispatch/types.js';
import { EventDeliveryError } from '../errors.js';
import type { BatchResult } from './answer.js';
import { bodyExcerpt } from './error-text.js';
import type { Outcome } from './types.js';

/** Record ids named in a failed batch's log line; the rest are counted. */
const LOGGED_IDS = 20;

/**
 * Record mode, partial batch failure reporting: `{ batchItemFailures }` naming every record that was
 * not accepted (held-back and never-started records too), by `identifier`. A batch with failures writes
 * one log line, not one per record (a 10,000-record batch that times out must not write 10,000 lines):
 * how many failed, the first failure's reason, the first {@link LOGGED_IDS} ids and how many more.
 *
 * @example
 * batchItemFailures(outcomes, (i) => messageIds[i], 'aws.sqs'); // { batchItemFailures: [{ itemIdentifier: 'm-2' }] }
 */
export function batchItemFailures(outcomes: readonly Outcome[], identifier: (index: number) => string, sourceName: string): BatchResult {
  const failures: Array<{ itemIdentifier: string }> = [];
  let first = -1;
  for (let index = 0; index < outcomes.length; index++) {
    if ((outcomes[index] as Outcome).kind === 'accepted') continue;
    if (first < 0) first = index;
    failures.push({ itemIdentifier: identifier(index) });
  }
  if (first >= 0) {
    const ids = failures.slice(0, LOGGED_IDS).map((failure) => failure.itemIdentifier).join(', ');
    const more = failures.length > LOGGED_IDS ? ` and ${failures.length - LOGGED_IDS} more` : '';
    console.error(
      `cloud-events-handler: ${failures.length} of ${outcomes.length} records of ${sourceName} failed (the first, record ${first}: ${describe(outcomes[first] as Outcome)}): ${ids}${more}`,
    );
  }
  return { batchItemFailures: failures };
}

/**
 * Record mode, a caller that wants one result per record (Firehose): each record's response, or
 * `undefined` for a record without an answer, in record order, for the source's `records.result`.
 *
 * @example
 * responsesOf([{ kind: 'accepted', response }, { kind: 'timedOut', cause }]); // [response, undefined]
 */
export function responsesOf(outcomes: readonly Outcome[]): Array<DispatchResponse | undefined> {
  return outcomes.map((outcome) => (outcome.kind === 'accepted' || outcome.kind === 'rejected' ? outcome.response : undefined));
}

/**
 * Record mode, `reject` sources: undefined when every record was accepted, else the
 * {@link EventDeliveryError} (`RECORDS_FAILED`) naming the first failure, with every failure's status.
 *
 * @example
 * const error = recordsRejection(outcomes, (i) => paths[i]);
 * if (error) throw error;
 */
export function recordsRejection(outcomes: readonly Outcome[], pathOf: (index: number) => string): EventDeliveryError | undefined {
  const failures: Array<{ index: number; outcome: Outcome }> = [];
  for (let index = 0; index < outcomes.length; index++) {
    const outcome = outcomes[index] as Outcome;
    if (outcome.kind !== 'accepted') failures.push({ index, outcome });
  }
  const first = failures[0];
  if (first === undefined) return undefined;
  return new EventDeliveryError(`${failures.length} of ${outcomes.length} records failed; the first, record ${first.index}: ${describe(first.outcome)}`, {
    code: 'RECORDS_FAILED',
    statusCode: statusOf(first.outcome),
    body: first.outcome.kind === 'rejected' ? (first.outcome.response?.body.toString('utf8') ?? '') : '',
    path: pathOf(first.index),
    failures: failures.map(({ index, outcome }) => ({
      index,
      statusCode: statusOf(outcome),
      body: outcome.kind === 'rejected' && outcome.response !== undefined ? bodyExcerpt(outcome.response) : describe(outcome),
    })),
  });
}

/** The status a failed outcome stands for: the app's, 500 for a throw, 504 for a timeout or no delivery. */
function statusOf(outcome: Outcome): number {
  if (outcome.kind === 'accepted' || outcome.kind === 'rejected') return outcome.response?.statusCode ?? 500;
  return outcome.kind === 'timedOut' ? 504 : 500;
}

/** One line on what happened to a record. */
export function describe(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'accepted':
      return `the app answered ${outcome.response.statusCode}`;
    case 'rejected':
      return outcome.response !== undefined ? `the app answered ${outcome.response.statusCode}` : (outcome.cause?.message ?? 'the app threw');
    case 'timedOut':
      return outcome.cause.message;
    case 'notSent':
      return outcome.reason;
  }
}
