import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLambdaHandler } from './index.js';
import type { BatchResult } from './result.js';

/**
 * Property: over random batches with random per-record outcomes, every record is either delivered and
 * answered 2xx, or reported failed. No record is lost, and none is acknowledged without a 2xx. Ordered
 * sources (FIFO queues, streams) deliver a prefix, in order, and report everything from the first failure.
 */

type Outcome = '2xx' | '4xx' | '5xx' | 'throw' | 'timeout';
type Kind = 'sqs' | 'sqs-fifo' | 'kinesis' | 'dynamodb';

const outcome = fc.oneof(
  { weight: 60, arbitrary: fc.constant<Outcome>('2xx') },
  { weight: 12, arbitrary: fc.constant<Outcome>('4xx') },
  { weight: 12, arbitrary: fc.constant<Outcome>('5xx') },
  { weight: 12, arbitrary: fc.constant<Outcome>('throw') },
  { weight: 1, arbitrary: fc.constant<Outcome>('timeout') },
);
const batch = fc.record({
  kind: fc.constantFrom<Kind>('sqs', 'sqs-fifo', 'kinesis', 'dynamodb'),
  outcomes: fc.array(outcome, { minLength: 1, maxLength: 12 }),
  concurrency: fc.integer({ min: 1, max: 6 }),
});

function buildEvent(kind: Kind, size: number): { event: unknown; ids: string[] } {
  const ids = Array.from({ length: size }, (_, i) => (kind.startsWith('sqs') ? `msg-${i}` : String(49590338271490256608559692538361571095921575989136588898n + BigInt(i))));
  if (kind === 'sqs' || kind === 'sqs-fifo') {
    const arn = 'arn:aws:sqs:us-east-2:123456789012:queue' + (kind === 'sqs-fifo' ? '.fifo' : '');
    const Records = ids.map((messageId, i) => ({
      messageId,
      receiptHandle: 'rh',
      body: `{"i":${i}}`,
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1523232000000', SenderId: 'x', ApproximateFirstReceiveTimestamp: '1523232000001' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: arn,
      awsRegion: 'us-east-2',
    }));
    return { event: { Records }, ids };
  }
  if (kind === 'kinesis') {
    const Records = ids.map((sequenceNumber, i) => ({
      kinesis: { kinesisSchemaVersion: '1.0', partitionKey: 'k', sequenceNumber, data: Buffer.from(`{"i":${i}}`).toString('base64'), approximateArrivalTimestamp: 1545084650.987 },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `shardId-000000000006:${sequenceNumber}`,
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/r',
      awsRegion: 'us-east-2',
      eventSourceARN: 'arn:aws:kinesis:us-east-2:123456789012:stream/s',
    }));
    return { event: { Records }, ids };
  }
  const Records = ids.map((SequenceNumber, i) => ({
    eventID: `e${i}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: { Keys: { Id: { N: String(i) } }, NewImage: { Id: { N: String(i) } }, SequenceNumber, SizeBytes: 26, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/T/stream/2015-06-27T00:48:05.899',
  }));
  return { event: { Records }, ids };
}

describe('record mode loses nothing (property, 10,000 random batches)', () => {
  beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it('every record is answered 2xx or reported failed; ordered sources stop at the first failure', async () => {
    let plan = new Map<number, Outcome>();
    let delivered: number[] = [];
    let acceptedByApp = new Set<number>();
    let position = new Map<string, number>();
    const app = (req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      // Each record's position: found from its CloudEvent id (messageId, or the stream's event id).
      const id = String(req.headers['ce-id']);
      const index = position.get(id) as number;
      delivered.push(index);
      const planned = plan.get(index);
      if (planned === 'throw') throw new Error(`record ${index} throws`);
      if (planned === 'timeout') return;
      if (planned === '2xx') acceptedByApp.add(index);
      res.statusCode = planned === '2xx' ? 200 + (index % 7) : planned === '4xx' ? 400 + (index % 30) : 500 + (index % 12);
      res.end();
    };

    await fc.assert(
      fc.asyncProperty(batch, async ({ kind, outcomes, concurrency }) => {
        const { event, ids } = buildEvent(kind, outcomes.length);
        plan = new Map(outcomes.map((o, i) => [i, o]));
        delivered = [];
        acceptedByApp = new Set();
        const records = (event as { Records: Array<{ messageId?: string; eventID?: string }> }).Records;
        position = new Map(records.map((r, i) => [r.messageId ?? r.eventID ?? '', i]));

        const handler = createLambdaHandler(app, { mode: 'record', concurrency, timeoutMarginMs: 0 });
        const result = (await handler(event, { awsRequestId: 'r', getRemainingTimeInMillis: () => 15 })) as BatchResult;

        const failedIds = result.batchItemFailures.map((f) => f.itemIdentifier);
        expect(new Set(failedIds).size).toBe(failedIds.length);
        const failed = new Set(failedIds.map((id) => ids.indexOf(id)));
        expect(failed.has(-1)).toBe(false);
        for (let i = 0; i < ids.length; i++) {
          // Acknowledged (not reported failed) only if the app answered it 2xx.
          if (!failed.has(i)) expect(acceptedByApp.has(i)).toBe(true);
          // Anything the app did not accept is reported failed.
          if (!acceptedByApp.has(i)) expect(failed.has(i)).toBe(true);
        }
        const ordered = kind !== 'sqs';
        if (ordered) {
          // A prefix, in order, and from the first failure on, everything is reported.
          expect(delivered).toEqual(delivered.map((_, i) => i));
          const firstFailure = ids.findIndex((_, i) => failed.has(i));
          if (firstFailure >= 0) {
            // The first failure was delivered (and failed), or, when the 15 ms ran out between records on
            // a busy machine, never started: no record is started past the deadline.
            expect([firstFailure + 1, firstFailure]).toContain(delivered.length);
            expect([...failed].sort((a, b) => a - b)).toEqual(ids.slice(firstFailure).map((_, k) => firstFailure + k));
          } else {
            expect(delivered.length).toBe(ids.length);
          }
        } else {
          expect(new Set(delivered).size).toBe(delivered.length);
        }
      }),
      { numRuns: 10_000 },
    );
  }, 180_000);
});
