import { afterEach, describe, expect, it, vi } from 'vitest';
import express from 'express';
import { loadFixture } from '../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../errors.js';
import { createLambdaHandler } from './index.js';

// Lambda's deadline 1500 ms away, 500 ms kept free: the app's deadline is 1000 ms away.
const REMAINING_MS = 1500;
const MARGIN_MS = 500;
const APP_DEADLINE_MS = 1000;
// The app answers only records it can finish well before the app's deadline (so that an answer never
// races the timeout); later ones it never answers. Which records it answered is then exact.
const ANSWER_AFTER_MS = 3;
const STOP_ANSWERING_MS = APP_DEADLINE_MS - 250;

type Sqs = { Records: Array<{ messageId: string; body: string; eventSourceARN: string }> };

function sqsBatch(n: number, fifo = false): Sqs {
  const template = (loadFixture('aws-lambda-go/sqs-event.json') as Sqs).Records[0]!;
  const arn = fifo ? template.eventSourceARN + '.fifo' : template.eventSourceARN;
  return { Records: Array.from({ length: n }, (_, i) => ({ ...template, messageId: `m${i}`, body: String(i), eventSourceARN: arn })) };
}

function firehoseBatch(n: number): { records: Array<{ recordId: string; data: string }> } {
  const sample = loadFixture('aws-lambda-go/kinesis-firehose-event.json') as { records: Array<{ recordId: string; data: string }> };
  const template = sample.records[0]!;
  return { ...sample, records: Array.from({ length: n }, (_, i) => ({ ...template, recordId: `r${i}`, data: Buffer.from(String(i)).toString('base64') })) };
}

/**
 * An Express 5 app that answers each record 200 after a few ms, until shortly before the deadline; it
 * notes the `ce-id` of each record it answered.
 */
function slowApp(startedAt: () => number) {
  const started: number[] = [];
  const answered = new Set<string>();
  const app = express();
  app.all(/.*/, (req, res) => {
    started.push(Date.now() - startedAt());
    setTimeout(() => {
      if (Date.now() - startedAt() >= STOP_ANSWERING_MS) return; // never answers
      answered.add(String(req.headers['ce-id']));
      res.status(200).end();
    }, ANSWER_AFTER_MS);
  });
  return { app, started, answered };
}

function lambdaContext() {
  const deadline = Date.now() + REMAINING_MS;
  return { awsRequestId: 'req-1', getRemainingTimeInMillis: () => deadline - Date.now() };
}

afterEach(() => vi.restoreAllMocks());

describe('record mode stops starting records at the deadline', () => {
  for (const fifo of [false, true]) {
    it(`${fifo ? 'FIFO' : 'standard'} SQS, 10,000 records: returns before the deadline, every unanswered record reported`, async () => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      let t0 = 0;
      const { app, started, answered } = slowApp(() => t0);
      const handler = createLambdaHandler(app, { mode: 'record', timeoutMarginMs: MARGIN_MS });
      const event = sqsBatch(10_000, fifo);
      const context = lambdaContext();
      t0 = Date.now();
      const result = (await handler(event, context)) as { batchItemFailures: Array<{ itemIdentifier: string }> };
      const elapsed = Date.now() - t0;

      expect(elapsed).toBeLessThan(REMAINING_MS - 100);
      expect(answered.size).toBeGreaterThan(0);
      expect(answered.size).toBeLessThan(10_000);
      const failed = result.batchItemFailures.map((f) => f.itemIdentifier);
      const notAnswered = event.Records.filter((r) => !answered.has(r.messageId)).map((r) => r.messageId);
      expect(failed).toEqual(notAnswered);
      // The app's own clock: nothing began after the app's deadline (a few ms for Express to route).
      expect(Math.max(...started)).toBeLessThanOrEqual(APP_DEADLINE_MS + 20);
      expect(started.length).toBeLessThan(10_000);
    }, 20_000);
  }

  it('a record not started builds no request: the routes function is asked only for records that were sent', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let t0 = 0;
    const { app, started } = slowApp(() => t0);
    const routed: string[] = [];
    const routes = (cloudEvent: { id: string }) => {
      routed.push(cloudEvent.id);
      return '/orders';
    };
    const handler = createLambdaHandler(app, { mode: 'record', timeoutMarginMs: MARGIN_MS, routes });
    const context = lambdaContext();
    t0 = Date.now();
    const result = (await handler(sqsBatch(10_000), context)) as { batchItemFailures: unknown[] };
    expect(result.batchItemFailures.length).toBeGreaterThan(0);
    expect(started.length).toBeLessThan(10_000);
    // One routing per request made; at most the records in flight at the deadline were routed unsent.
    expect(routed.length).toBeLessThanOrEqual(started.length + 10);
  }, 20_000);

  it('Firehose: a record never sent is ProcessingFailed, with its own data', async () => {
    let t0 = 0;
    const { app, answered } = slowApp(() => t0);
    const handler = createLambdaHandler(app, { mode: 'record', timeoutMarginMs: MARGIN_MS });
    const event = firehoseBatch(5_000);
    const context = lambdaContext();
    t0 = Date.now();
    const result = (await handler(event, context)) as { records: Array<{ recordId: string; result: string; data: string }> };
    expect(Date.now() - t0).toBeLessThan(REMAINING_MS - 100);
    expect(result.records.length).toBe(5_000);
    expect(answered.size).toBeGreaterThan(0);
    result.records.forEach((record, i) => {
      expect(record.recordId).toBe(`r${i}`);
      expect(record.result).toBe(answered.has(record.recordId) ? 'Ok' : 'ProcessingFailed');
      if (record.result === 'ProcessingFailed') expect(record.data).toBe(event.records[i]!.data);
    });
  }, 20_000);

  it('a non-batch source (SNS records): the EventDeliveryError lists every record not answered', async () => {
    let t0 = 0;
    const { app, answered } = slowApp(() => t0);
    const handler = createLambdaHandler(app, { mode: 'record', timeoutMarginMs: MARGIN_MS });
    const sample = loadFixture('aws-lambda-go/sns-event.json') as { Records: Array<{ Sns: Record<string, unknown> }> };
    const template = sample.Records[0]!;
    const event = { Records: Array.from({ length: 5_000 }, (_, i) => ({ ...template, Sns: { ...template.Sns, MessageId: `s${i}`, Message: String(i) } })) };
    const context = lambdaContext();
    t0 = Date.now();
    const error = (await handler(event, context).catch((e: unknown) => e)) as EventDeliveryError;
    expect(Date.now() - t0).toBeLessThan(REMAINING_MS - 100);
    expect(error).toBeInstanceOf(EventDeliveryError);
    expect(error.code).toBe('RECORDS_FAILED');
    expect(answered.size).toBeGreaterThan(0);
    const notAnswered = event.Records.map((_, i) => i).filter((i) => !answered.has(`s${i}`));
    expect(error.failures?.map((f) => f.index)).toEqual(notAnswered);
  }, 20_000);
});
