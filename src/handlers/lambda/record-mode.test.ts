import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadFixture } from '../../../test/fixtures/load.js';
import { express5App, honoApp, rawListener } from '../../../test/apps/echo.js';
import type { Received, Respond } from '../../../test/apps/echo.js';
import { EventDeliveryError } from '../../errors.js';
import { createLambdaHandler } from './index.js';

const context = {
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
  getRemainingTimeInMillis: () => 5000,
};

type Sqs = { Records: Array<{ messageId: string; body: string; eventSourceARN: string; attributes: Record<string, string> }> };
type Kinesis = { Records: Array<{ eventID: string; kinesis: { sequenceNumber: string; data: string } }> };
type Dynamo = { Records: Array<{ eventID: string; dynamodb: { SequenceNumber: string } }> };

/** An SQS event of `n` records built from the real sample, ids m0..m(n-1), bodies {"n":i}. */
function sqsBatch(n: number, fifo = false): Sqs {
  const sample = loadFixture('aws-lambda-go/sqs-event.json') as Sqs;
  const template = sample.Records[0]!;
  const arn = fifo ? template.eventSourceARN + '.fifo' : template.eventSourceARN;
  return {
    Records: Array.from({ length: n }, (_, i) => ({ ...template, messageId: `m${i}`, body: JSON.stringify({ n: i }), eventSourceARN: arn })),
  };
}

function kinesisBatch(n: number): Kinesis {
  const template = (loadFixture('aws-lambda-go/kinesis-event.json') as Kinesis).Records[0]!;
  return {
    Records: Array.from({ length: n }, (_, i) => ({
      ...template,
      eventID: `shardId-000000000000:${1000 + i}`,
      kinesis: { ...template.kinesis, sequenceNumber: String(1000 + i), data: Buffer.from(JSON.stringify({ n: i })).toString('base64') },
    })),
  };
}

const failWhen = (predicate: (r: Received) => boolean, status = 500): Respond => (r) => (predicate(r) ? { status, body: 'no' } : { status: 200, body: 'ok' });
const bodyN = (r: Received) => (JSON.parse(r.body.toString()) as { n: number }).n;

afterEach(() => vi.restoreAllMocks());

describe('record mode: one binary-mode CloudEvent request per record', () => {
  for (const makeApp of [express5App, honoApp]) {
    it(`${makeApp().name}: SQS records arrive with ce- headers and the message body, byte for byte`, async () => {
      const echo = makeApp();
      const event = loadFixture('aws-lambda-go/sqs-event.json') as Sqs;
      const result = await createLambdaHandler(echo.app, { mode: 'record' })(event, context);
      expect(result).toEqual({ batchItemFailures: [] });
      expect(echo.received.length).toBe(event.Records.length);
      echo.received.forEach((received, i) => {
        const record = event.Records[i]!;
        expect(received.method).toBe('POST');
        expect(received.url).toBe('/aws.sqs');
        expect(received.headers['ce-specversion']).toBe('1.0');
        expect(received.headers['ce-id']).toBe(record.messageId);
        expect(received.headers['ce-source']).toBeTruthy();
        expect(received.headers['ce-type']).toBeTruthy();
        expect(received.headers['x-amzn-request-id']).toBe('req-1');
        expect(received.body.toString('utf8')).toBe(record.body);
        expect(received.headers['content-length']).toBe(String(Buffer.byteLength(record.body)));
        expect(received.invocation?.cloudEvent?.id).toBe(record.messageId);
      });
    });

    it(`${makeApp().name}: S3 and SNS records, results in order`, async () => {
      for (const fixture of ['aws-lambda-go/s3-event.json', 'aws-lambda-go/sns-event.json']) {
        const echo = makeApp();
        const event = loadFixture(fixture) as { Records: unknown[] };
        const result = await createLambdaHandler(echo.app, { mode: 'record' })(event, context);
        expect(result).toEqual(event.Records.map(() => expect.objectContaining({ statusCode: 200, body: '{"ok":true}' })));
        expect(echo.received.map((r) => r.url)).toEqual(event.Records.map(() => (fixture.includes('s3') ? '/aws.s3' : '/aws.sns')));
        const ce = echo.received[0]!.invocation!.cloudEvent!;
        expect(echo.received[0]!.headers['ce-type']).toBe(ce.type);
        expect(echo.received[0]!.headers['content-type']).toBe(ce.datacontenttype);
        if (fixture.includes('s3')) {
          expect(ce.type).toMatch(/^com\.amazonaws\.s3\./);
          expect(JSON.parse(echo.received[0]!.body.toString())).toEqual(event.Records[0]);
        }
      }
    });
  }

  for (const makeApp of [express5App, honoApp]) {
    it(`${makeApp().name}: FIFO SQS, Kinesis and DynamoDB records, in order, with their headers and bodies`, async () => {
      const fifo = makeApp();
      const fifoEvent = sqsBatch(4, true);
      expect(await createLambdaHandler(fifo.app, { mode: 'record' })(fifoEvent, context)).toEqual({ batchItemFailures: [] });
      expect(fifo.received.map((r) => [r.url, r.headers['ce-id'], r.body.toString()])).toEqual(
        fifoEvent.Records.map((r) => ['/aws.sqs', r.messageId, r.body]),
      );

      const kinesis = makeApp();
      const kinesisEvent = kinesisBatch(3);
      expect(await createLambdaHandler(kinesis.app, { mode: 'record' })(kinesisEvent, context)).toEqual({ batchItemFailures: [] });
      expect(kinesis.received.map((r) => [r.url, r.headers['ce-id'], r.headers['content-type'], r.body.toString()])).toEqual(
        kinesisEvent.Records.map((r) => ['/aws.kinesis', r.eventID, 'application/json', Buffer.from(r.kinesis.data, 'base64').toString()]),
      );

      const dynamo = makeApp();
      const dynamoEvent = loadFixture('aws-lambda-go/dynamodb-event.json') as Dynamo & { Records: Array<{ eventName: string; dynamodb: { Keys: Record<string, { S?: string; N?: string }> } }> };
      expect(await createLambdaHandler(dynamo.app, { mode: 'record' })(dynamoEvent, context)).toEqual({ batchItemFailures: [] });
      expect(dynamo.received.length).toBe(dynamoEvent.Records.length);
      dynamo.received.forEach((received, i) => {
        const record = dynamoEvent.Records[i]!;
        expect(received.url).toBe('/aws.dynamodb');
        expect(received.headers['ce-id']).toBe(record.eventID);
        expect(received.headers['ce-type']).toBe(`com.amazonaws.dynamodb.${record.eventName}`);
        const body = JSON.parse(received.body.toString()) as { dynamodb: { Keys: Record<string, unknown>; SequenceNumber: string } };
        // Images arrive unmarshalled: { Id: { N: '101' } } becomes { Id: 101 }.
        const plainKeys = Object.fromEntries(Object.entries(record.dynamodb.Keys).map(([k, v]) => [k, v.N !== undefined ? Number(v.N) : v.S]));
        expect(body.dynamodb.Keys).toEqual(plainKeys);
        expect(body.dynamodb.SequenceNumber).toBe(record.dynamodb.SequenceNumber);
        expect(JSON.parse(decodeURIComponent(received.headers['ce-subject'] as string))).toEqual(plainKeys);
      });
    });
  }

  it('Kinesis and DynamoDB records go in order, reported by sequence number', async () => {
    const echo = rawListener(failWhen((r) => bodyN(r) === 2));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await createLambdaHandler(echo.app, { mode: 'record' })(kinesisBatch(5), context);
    expect(result).toEqual({ batchItemFailures: ['1002', '1003', '1004'].map((itemIdentifier) => ({ itemIdentifier })) });
    expect(echo.received.map(bodyN)).toEqual([0, 1, 2]);
    const dynamo = loadFixture('aws-lambda-go/dynamodb-event.json') as Dynamo;
    const all = rawListener(() => ({ status: 503 }));
    const dynamoResult = await createLambdaHandler(all.app, { mode: 'record' })(dynamo, context);
    expect(dynamoResult).toEqual({ batchItemFailures: dynamo.Records.map((r) => ({ itemIdentifier: r.dynamodb.SequenceNumber })) });
    expect(all.received.length).toBe(1);
  });

  it('standard SQS: every record is tried; failures are reported by messageId', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const echo = express5App(failWhen((r) => bodyN(r) % 3 === 0));
    const result = await createLambdaHandler(echo.app, { mode: 'record' })(sqsBatch(10), context);
    expect(result).toEqual({ batchItemFailures: ['m0', 'm3', 'm6', 'm9'].map((itemIdentifier) => ({ itemIdentifier })) });
    expect(echo.received.length).toBe(10);
  });

  it('FIFO SQS: in order, and after a failure the rest are not delivered and are reported failed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const echo = rawListener(failWhen((r) => bodyN(r) === 4, 404));
    const result = await createLambdaHandler(echo.app, { mode: 'record' })(sqsBatch(8, true), context);
    expect(result).toEqual({ batchItemFailures: ['m4', 'm5', 'm6', 'm7'].map((itemIdentifier) => ({ itemIdentifier })) });
    expect(echo.received.map(bodyN)).toEqual([0, 1, 2, 3, 4]);
  });

  it('standard SQS runs at most `concurrency` records at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const app = (req: IncomingMessage, res: ServerResponse) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      req.resume();
      setTimeout(() => {
        inFlight--;
        res.end();
      }, 2);
    };
    await createLambdaHandler(app, { mode: 'record', concurrency: 3 })(sqsBatch(12), context);
    expect(peak).toBe(3);
    peak = 0;
    await createLambdaHandler(app, { mode: 'record' })(sqsBatch(40), context);
    expect(peak).toBe(10);
  });

  it('S3: any failed record rejects with EventDeliveryError after all were tried', async () => {
    const s3 = loadFixture('aws-lambda-go/s3-event.json') as { Records: unknown[] };
    const event = { Records: [s3.Records[0], s3.Records[0]] };
    let calls = 0;
    const echo = rawListener(() => (calls++ === 0 ? { status: 500, body: 'first fails' } : { status: 200 }));
    const error = (await createLambdaHandler(echo.app, { mode: 'record' })(event, context).catch((e: unknown) => e)) as EventDeliveryError;
    expect(error).toBeInstanceOf(EventDeliveryError);
    expect([error.code, error.statusCode, error.path, error.body]).toEqual(['RECORDS_FAILED', 500, '/aws.s3', 'first fails']);
    expect(error.failures).toEqual([{ index: 0, statusCode: 500, body: 'first fails' }]);
    expect(echo.received.length).toBe(2);
  });

  it('routes: the first matching type pattern, a function, else the event-mode path', async () => {
    const echo = rawListener();
    await createLambdaHandler(echo.app, { mode: 'record', routes: { 'com.amazonaws.s3.ObjectRemoved:*': '/removed', 'com.amazonaws.s3.*': '/uploads', '*': '/never' } })(
      loadFixture('aws-lambda-go/s3-event.json'),
      context,
    );
    await createLambdaHandler(echo.app, { mode: 'record', routes: { 'com.example.none': '/x' } })(loadFixture('aws-lambda-go/sqs-event.json'), context);
    await createLambdaHandler(echo.app, { mode: 'record', routes: (ce) => (ce.id === 'm1' ? '/one' : undefined) })(sqsBatch(2), context);
    const sqsCount = (loadFixture('aws-lambda-go/sqs-event.json') as Sqs).Records.length;
    expect(echo.received.map((r) => r.url)).toEqual(['/uploads', ...Array<string>(sqsCount).fill('/aws.sqs'), '/aws.sqs', '/one']);
  });

  it('records not answered before the deadline fail; the handler answers in time', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = (req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      if (!String(req.headers['ce-id']).endsWith('1')) res.end();
    };
    const started = Date.now();
    const result = await createLambdaHandler(app, { mode: 'record', timeoutMarginMs: 100 })(sqsBatch(3), { ...context, getRemainingTimeInMillis: () => 300 });
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm1' }] });
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('an unrecognised event becomes one generic CloudEvent at request.path', async () => {
    const echo = rawListener();
    const result = await createLambdaHandler(echo.app, { mode: 'record', request: { path: '/direct' } })({ hello: 'world' }, context);
    expect(result).toEqual([expect.objectContaining({ statusCode: 200 })]);
    expect(echo.received[0]!.url).toBe('/direct');
    expect(echo.received[0]!.headers['ce-type']).toBe('com.amazonaws.lambda.invoke');
    expect(JSON.parse(echo.received[0]!.body.toString())).toEqual({ hello: 'world' });
  });
});

describe('record mode: one failure log line per failed batch', () => {
  it('a 100-record SQS batch with 60 failures logs one line: the first reason, 20 ids and "and 40 more"', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const echo = express5App(failWhen((r) => bodyN(r) % 5 < 3, 503));
    const result = (await createLambdaHandler(echo.app, { mode: 'record' })(sqsBatch(100), context)) as { batchItemFailures: Array<{ itemIdentifier: string }> };
    expect(result.batchItemFailures.length).toBe(60);
    expect(errors).toHaveBeenCalledTimes(1);
    const line = String(errors.mock.calls[0]![0]);
    const ids = result.batchItemFailures.map((f) => f.itemIdentifier);
    expect(line).toContain('60 of 100 records');
    expect(line).toContain('the app answered 503');
    expect(line).toContain(`${ids.slice(0, 20).join(', ')} and 40 more`);
    expect(line).not.toContain(ids[20]!);
  });

  it('a batch without failures logs nothing; a FIFO batch names its undelivered records too', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await createLambdaHandler(rawListener().app, { mode: 'record' })(sqsBatch(30), context);
    expect(errors).not.toHaveBeenCalled();
    await createLambdaHandler(rawListener(failWhen((r) => bodyN(r) === 1)).app, { mode: 'record' })(sqsBatch(4, true), context);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/3 of 4 records .*record 1: the app answered 500\): m1, m2, m3$/);
  });
});
