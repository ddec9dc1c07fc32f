import { toBinary } from '../../cloudevents/http/binary.js';
import type { CloudEvent } from '../../cloudevents/types.js';
import type { Dispatcher, DispatchRequest } from '../../dispatch/types.js';
import { EventDeliveryError } from '../../errors.js';
import { cloudEventsFrom, findSource } from '../../sources/index.js';
import type { EventSource } from '../../sources/types.js';
import type { LambdaContext } from '../../types.js';
import { asDelivery, deliver } from './deliver.js';
import { handleEvent } from './event-mode.js';
import type { HttpEventResult, SyncResult } from './event-mode.js';
import type { Delivery } from './deliver.js';
import { appDeadline, invocationHeaders } from './invocation-headers.js';
import type { ResolvedOptions } from './options.js';
import { bodyExcerpt, toHttpResult } from './result.js';
import type { BatchResult, HttpResult } from './result.js';

/**
 * Record mode: one CloudEvent request (HTTP binary content mode) per record.
 * - SQS, Kinesis, DynamoDB Streams: `{ batchItemFailures }` naming every record not answered 2xx.
 *   FIFO queues and streams go one at a time in order, and stop at the first failure (the rest are
 *   reported failed, undelivered); standard queues run `concurrency` records at a time.
 * - Other sources: every record is delivered; the results, in order, or an {@link EventDeliveryError}
 *   if any failed.
 * Records not answered by the deadline fail; the handler still answers before Lambda's deadline.
 *
 * @example
 * const { batchItemFailures } = await handleRecords(dispatch, options, sqsEvent, context);
 */
export async function handleRecords(
  dispatch: Dispatcher,
  options: ResolvedOptions,
  event: unknown,
  context: LambdaContext | undefined,
): Promise<BatchResult | HttpResult[] | HttpEventResult | SyncResult> {
  const source = findSource(event);
  // An HTTP event, or a request-response event that wants one answer, is one request, not records: one
  // Lambda then serves HTTP, callers that wait for an answer, and events alike.
  if (source?.delivery === 'http' || source?.callback !== undefined || (source?.delivery === 'sync' && source.recordsResult === undefined)) {
    return handleEvent(dispatch, options, event, context) as Promise<HttpEventResult | SyncResult>;
  }
  const cloudEvents = cloudEventsFrom(source, event, context);
  const deadline = appDeadline(context, options);
  const shared = Object.assign({}, options.headers, invocationHeaders(context, deadline));
  const fallbackPath = source !== undefined ? source.route(event) : options.path;

  const deliverAt = (index: number): Promise<Delivery> => {
    const cloudEvent = cloudEvents[index] as CloudEvent;
    let request: DispatchRequest;
    try {
      request = recordRequest(cloudEvent, options, shared, fallbackPath);
    } catch (error) {
      // A record that cannot be sent (an attribute no header can carry) fails alone, not the batch.
      return Promise.resolve(unsendable(error));
    }
    return deliver(dispatch, request, { event, context, cloudEvent }, deadline, asDelivery);
  };

  if (source?.recordsResult !== undefined) {
    // A result per record (Firehose transformation): every response is kept, in record order.
    const deliveries = await deliverAll(cloudEvents.length, options.concurrency, deliverAt);
    return source.recordsResult(
      deliveries.map((delivery) => delivery?.response),
      event,
    ) as SyncResult;
  }
  const batch = source?.batch;
  if (batch !== undefined && source !== undefined) {
    return deliverBatch(source as EventSource, event, cloudEvents.length, options, deliverAt);
  }
  const deliveries = source?.ordered === true ? await deliverInOrder(cloudEvents.length, deliverAt) : await deliverAll(cloudEvents.length, options.concurrency, deliverAt);
  const failures = deliveries.flatMap((delivery, index) => (delivery?.ok ? [] : [{ index, delivery }]));
  if (failures.length > 0) {
    const first = failures[0] as { index: number; delivery: Delivery | undefined };
    const firstPath = pathOf(cloudEvents[first.index] as CloudEvent, options, fallbackPath);
    throw new EventDeliveryError(`${failures.length} of ${cloudEvents.length} records failed; the first, record ${first.index}: ${describe(first.delivery)}`, {
      code: 'RECORDS_FAILED',
      statusCode: statusOf(first.delivery),
      body: first.delivery?.response?.body.toString('utf8') ?? '',
      path: firstPath,
      failures: failures.map(({ index, delivery }) => ({
        index,
        statusCode: statusOf(delivery),
        body: delivery?.response !== undefined ? bodyExcerpt(delivery.response.body) : describe(delivery),
      })),
    });
  }
  return deliveries.map((delivery) => toHttpResult((delivery as Delivery & { ok: true }).response));
}

async function deliverBatch(
  source: EventSource,
  event: unknown,
  count: number,
  options: ResolvedOptions,
  deliverAt: (index: number) => Promise<Delivery>,
): Promise<BatchResult> {
  const batch = source.batch as NonNullable<EventSource['batch']>;
  // Ordered (FIFO, streams): records after the first failure stay undelivered, and are reported too.
  const deliveries = batch.ordered(event) ? await deliverInOrder(count, deliverAt, true) : await deliverAll(count, options.concurrency, deliverAt, true);
  const failed: number[] = [];
  for (let index = 0; index < count; index++) {
    const delivery = deliveries[index];
    if (delivery?.ok) continue;
    if (delivery !== undefined) logFailure(source, event, index, delivery);
    failed.push(index);
  }
  return { batchItemFailures: failed.map((index) => ({ itemIdentifier: batch.itemIdentifier(event, index) })) };
}

/**
 * Deliver records `0..count-1`, `concurrency` at a time. With `dropResponses`, only the outcome is kept
 * (a 10,000-record batch does not hold 10,000 response bodies).
 */
async function deliverAll(
  count: number,
  concurrency: number,
  deliverAt: (index: number) => Promise<Delivery>,
  dropResponses = false,
): Promise<Array<Delivery | undefined>> {
  const deliveries = new Array<Delivery | undefined>(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      const delivery = await deliverAt(index);
      deliveries[index] = dropResponses && delivery.ok ? OK : delivery;
    }
  };
  const workers: Promise<void>[] = [];
  for (let i = 0; i < Math.min(concurrency, count); i++) workers.push(worker());
  await Promise.all(workers);
  return deliveries;
}

const OK = { ok: true } as Delivery;

/** One at a time, in order; after a failure the rest stay undelivered (`undefined`). */
async function deliverInOrder(count: number, deliverAt: (index: number) => Promise<Delivery>, dropResponses = false): Promise<Array<Delivery | undefined>> {
  const deliveries = new Array<Delivery | undefined>(count);
  for (let index = 0; index < count; index++) {
    const delivery = await deliverAt(index);
    deliveries[index] = dropResponses && delivery.ok ? OK : delivery;
    if (!delivery.ok) break;
  }
  return deliveries;
}

function unsendable(error: unknown): Delivery {
  const cause = error instanceof Error ? error : new Error(String(error));
  const failure = new Error(`the record cannot be sent as an HTTP request: ${cause.message}`, { cause }) as Error & { code: string };
  failure.code = 'INVALID_RECORD';
  return { ok: false, error: failure };
}

/**
 * The record-mode request of one CloudEvent: binary content mode at its `routes` path, else `fallbackPath`.
 *
 * @example
 * recordRequest(cloudEvent, options, options.headers, '/aws.sqs').headers['ce-id'];
 */
export function recordRequest(cloudEvent: CloudEvent, options: ResolvedOptions, shared: Record<string, string>, fallbackPath: string): DispatchRequest {
  // Object.assign, not spread: properties added later to a spread copy are slow on Node 20.
  const headers: Record<string, string> = Object.assign({}, shared);
  let body: Buffer | undefined;
  const message = toBinary(cloudEvent);
  Object.assign(headers, message.headers);
  if (options.hasBody && message.body !== undefined) {
    body = message.body;
    headers['content-length'] = String(body.length);
  } else {
    delete headers['content-type'];
  }
  return { method: options.method, url: pathOf(cloudEvent, options, fallbackPath), headers, body };
}

function pathOf(cloudEvent: CloudEvent, options: ResolvedOptions, fallbackPath: string): string {
  return options.routeRecord(cloudEvent) ?? fallbackPath;
}

function statusOf(delivery: Delivery | undefined): number {
  if (delivery?.response !== undefined) return delivery.response.statusCode;
  return delivery?.error?.code === 'APP_TIMEOUT' ? 504 : 500;
}

function describe(delivery: Delivery | undefined): string {
  if (delivery === undefined) return 'not delivered';
  if (delivery.error !== undefined) return delivery.error.message;
  return `the app answered ${delivery.response.statusCode}`;
}

function logFailure(source: EventSource, event: unknown, index: number, delivery: Delivery | undefined): void {
  const id = (source.batch as NonNullable<EventSource['batch']>).itemIdentifier(event, index);
  console.error(`cloud-events-handler: record ${index} (${id}) of ${source.name} failed: ${describe(delivery)}`);
}
