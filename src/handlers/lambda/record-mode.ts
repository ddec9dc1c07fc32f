import type { CloudEvent } from '../../cloudevents/types.js';
import type { Dispatcher, DispatchRequest } from '../../dispatch/types.js';
import { cloudEventsFrom, findSource } from '../../sources/index.js';
import type { EventSource } from '../../sources/types.js';
import type { LambdaContext } from '../../lambda-context.js';
import { envelopes } from '../../pipeline/answer.js';
import type { BatchResult, HttpEventResult, SyncResult } from '../../pipeline/answer.js';
import { batchItemFailures, recordsRejection, responsesOf } from '../../pipeline/batch.js';
import { deliver, asOutcome } from '../../pipeline/deliver.js';
import { runRecords } from '../../pipeline/records.js';
import { recordRequest } from '../../pipeline/request.js';
import type { HttpResult } from '../../pipeline/result.js';
import type { Outcome, RecordOrder } from '../../pipeline/types.js';
import { sendEvent } from './event-mode.js';
import { appDeadline, invocationHeaders } from './invocation-headers.js';
import type { ResolvedOptions } from './options.js';

/** What a record-mode invocation resolves with. */
export type RecordModeResult = BatchResult | HttpResult[] | HttpEventResult | SyncResult;

/**
 * Lambda record mode: one CloudEvent request (HTTP binary content mode) per record, run under the
 * source's record policy, answered by its strategy:
 * - a per-record result (Firehose): the source's `records.result` of every response;
 * - partial batch failures (SQS, Kinesis, DynamoDB Streams): `{ batchItemFailures }`;
 * - `reject` sources: the results in order, or an `EventDeliveryError` if any record failed;
 * - `envelope` sources (a direct CloudEvent, an unrecognised event): every record's envelope, any status.
 * Sources whose caller wants one answer (HTTP events, request-response, callbacks) get one request, as
 * in event mode: one Lambda then serves HTTP, callers that wait for an answer, and events alike.
 *
 * @example
 * const { batchItemFailures } = await handleRecords(dispatch, options, sqsEvent, context);
 */
export async function handleRecords(dispatch: Dispatcher, options: ResolvedOptions, event: unknown, context: LambdaContext | undefined): Promise<RecordModeResult> {
  const source = findSource(event);
  const records = source?.records;
  if (source !== undefined && source.answer !== 'reject' && source.answer !== 'envelope' && records?.result === undefined) {
    return sendEvent(dispatch, options, source, event, context) as Promise<HttpEventResult | SyncResult>;
  }
  const cloudEvents = cloudEventsFrom(source, event, context);
  const deadline = appDeadline(context, options);
  const shared = Object.assign({}, options.headers, invocationHeaders(context, deadline));
  const fallbackPath = source !== undefined ? source.route(event) : options.path;
  const pathOf = (index: number): string => options.routeRecord(cloudEvents[index] as CloudEvent) ?? fallbackPath;

  const deliverAt = (index: number): Promise<Outcome> => {
    const cloudEvent = cloudEvents[index] as CloudEvent;
    let request: DispatchRequest;
    try {
      request = recordRequest(cloudEvent, options, shared, pathOf(index), source?.metadata?.(event, index));
    } catch (error) {
      // A record that cannot be sent (an attribute no header can carry) fails alone, not the batch.
      const cause = error instanceof Error ? error : new Error(String(error));
      return Promise.resolve({ kind: 'notSent', reason: `the record cannot be sent as an HTTP request: ${cause.message}`, cause });
    }
    return deliver(dispatch, request, { event, context, cloudEvent }, deadline, asOutcome);
  };

  const identifier = records?.identifier;
  const outcomes = await runRecords(cloudEvents.length, recordOrder(source, event, options), deliverAt, identifier === undefined, deadline);
  if (records?.result !== undefined) return records.result(responsesOf(outcomes), event) as SyncResult;
  if (identifier !== undefined) return batchItemFailures(outcomes, (index) => identifier(event, index), source?.name ?? 'records');
  // Envelope callers read each answer, whatever its status; a record the app never answered (timed
  // out, or it could not be sent) has no answer to give, so the invocation rejects and nothing is lost.
  if ((source === undefined || source.answer === 'envelope') && !outcomes.some(unanswered)) return envelopes(outcomes, pathOf, options.method);
  const error = recordsRejection(outcomes, pathOf);
  if (error !== undefined) throw error;
  return envelopes(outcomes, pathOf, options.method);
}

/** The source's record policy with the handler's options: ordered, by FIFO group, or `concurrency` at once. */
function recordOrder(source: EventSource | undefined, event: unknown, options: ResolvedOptions): RecordOrder {
  const records = source?.records;
  if (records?.ordered?.(event) !== true) return { kind: 'concurrent', limit: options.concurrency };
  const group = records.group;
  if (options.fifo === 'group' && group !== undefined) return { kind: 'groups', limit: options.concurrency, groupOf: (index) => group(event, index) };
  return { kind: 'ordered' };
}

function unanswered(outcome: Outcome): boolean {
  return outcome.kind === 'timedOut' || outcome.kind === 'notSent';
}
