import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadFixture } from '../../../test/fixtures/load.js';
import { express5App, honoApp } from '../../../test/apps/echo.js';
import type { Received } from '../../../test/apps/echo.js';
import { ConfigurationError } from '../../errors.js';
import { traceparentOf } from '../../pipeline/request.js';
import { createLambdaHandler } from './index.js';

/**
 * Issue 9: record mode answers by the same strategies as event mode; FIFO groups; delivery metadata
 * (attempt count and trace context) reaches the app in both modes.
 */

const context = { awsRequestId: 'req-1', invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', getRemainingTimeInMillis: () => 5000 };

type SqsRecord = { messageId: string; body: string; eventSourceARN: string; attributes: Record<string, string> };
const template = (loadFixture('aws-lambda-go/sqs-event.json') as { Records: SqsRecord[] }).Records[0]!;

/** A FIFO batch: one record per group letter, in order, ids m0.. */
function fifoBatch(groups: string[]): { Records: SqsRecord[] } {
  return {
    Records: groups.map((group, i) => ({
      ...template,
      messageId: `m${i}`,
      body: JSON.stringify({ n: i }),
      eventSourceARN: template.eventSourceARN + '.fifo',
      attributes: { ...template.attributes, MessageGroupId: group, ApproximateReceiveCount: String(i + 1) },
    })),
  };
}

const bodyN = (r: Received) => (JSON.parse(r.body.toString()) as { n: number }).n;
const cloudEvent = { specversion: '1.0', id: 'ce-1', source: '/books', type: 'com.example.book.added', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'congo=t61rcWkgMzE', data: { title: 'Dune' } };

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env._X_AMZN_TRACE_ID;
});

describe('record mode respects delivery semantics', () => {
  for (const makeApp of [express5App, honoApp]) {
    it(`${makeApp().name}: a direct CloudEvent answered 500 gets its envelope, as in event mode`, async () => {
      const echo = makeApp(() => ({ status: 500, body: 'broken', headers: { 'content-type': 'text/plain' } }));
      const inEventMode = await createLambdaHandler(echo.app)(cloudEvent, context);
      const inRecordMode = await createLambdaHandler(echo.app, { mode: 'record' })(cloudEvent, context);
      expect(inEventMode).toMatchObject({ statusCode: 500, body: 'broken' });
      expect(inRecordMode).toMatchObject([{ statusCode: 500, body: 'broken', isBase64Encoded: false }]);
      expect(echo.received.map((r) => r.url)).toEqual(['/books', '/books']);
    });
  }

  it('an unknown fifo option is a ConfigurationError at creation', () => {
    expect(() => createLambdaHandler(express5App().app, { fifo: 'queue' as never })).toThrow(ConfigurationError);
  });
});

describe('FIFO policy', () => {
  const groups = ['a', 'b', 'a', 'b', 'a'];
  const failSecondA = (r: Received) => (bodyN(r) === 2 ? { status: 500, body: 'no' } : { status: 200, body: 'ok' });

  it("fifo: 'batch' (default): after a failure nothing later in the batch is delivered", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const echo = express5App(failSecondA);
    const result = await createLambdaHandler(echo.app, { mode: 'record' })(fifoBatch(groups), context);
    expect(echo.received.map(bodyN)).toEqual([0, 1, 2]);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }, { itemIdentifier: 'm3' }, { itemIdentifier: 'm4' }] });
  });

  it("fifo: 'group': only the failed group is held back; the other group is delivered, in order", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const echo = express5App(failSecondA);
    const result = await createLambdaHandler(echo.app, { mode: 'record', fifo: 'group' })(fifoBatch(groups), context);
    const delivered = echo.received.map(bodyN);
    expect(delivered.filter((n) => groups[n] === 'a')).toEqual([0, 2]);
    expect(delivered.filter((n) => groups[n] === 'b')).toEqual([1, 3]);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }, { itemIdentifier: 'm4' }] });
  });

  it("fifo: 'group': groups run concurrently", async () => {
    let inFlight = 0;
    let most = 0;
    const echo = express5App(async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return { status: 200, body: 'ok' };
    });
    await createLambdaHandler(echo.app, { mode: 'record', fifo: 'group' })(fifoBatch(['a', 'b', 'c', 'a', 'b', 'c']), context);
    expect(most).toBe(3);
  });
});

describe('delivery metadata reaches the app', () => {
  it('event mode: the attempt count (the highest ApproximateReceiveCount) and Lambda trace as traceparent', async () => {
    process.env._X_AMZN_TRACE_ID = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
    const echo = express5App();
    await createLambdaHandler(echo.app)(fifoBatch(['a', 'b', 'c']), context);
    expect(echo.received[0]!.headers['x-delivery-attempt']).toBe('3');
    expect(echo.received[0]!.headers.traceparent).toBe('00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01');
    expect(echo.received[0]!.headers['x-amzn-trace-id']).toBe(process.env._X_AMZN_TRACE_ID);
  });

  it("record mode: each record's attempt count and its AWSTraceHeader as traceparent", async () => {
    process.env._X_AMZN_TRACE_ID = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
    const event = fifoBatch(['a', 'a']);
    event.Records[1]!.attributes.AWSTraceHeader = 'Root=1-63441c4a-abcdef012345678912345678;Parent=0123456789abcdef;Sampled=0';
    const echo = honoApp();
    await createLambdaHandler(echo.app, { mode: 'record' })(event, context);
    expect(echo.received.map((r) => r.headers['x-delivery-attempt'])).toEqual(['1', '2']);
    expect(echo.received.map((r) => r.headers.traceparent)).toEqual([
      '00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01',
      '00-63441c4aabcdef012345678912345678-0123456789abcdef-00',
    ]);
  });

  it("a CloudEvent's traceparent and tracestate, in event and record mode, over Lambda's trace", async () => {
    process.env._X_AMZN_TRACE_ID = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
    const echo = express5App();
    await createLambdaHandler(echo.app)(cloudEvent, context);
    await createLambdaHandler(echo.app, { mode: 'record' })(cloudEvent, context);
    for (const received of echo.received) {
      expect(received.headers.traceparent).toBe(cloudEvent.traceparent);
      expect(received.headers.tracestate).toBe(cloudEvent.tracestate);
    }
    expect(echo.received[1]!.headers['ce-traceparent']).toBe(cloudEvent.traceparent);
  });

  it('Pub/Sub deliveryAttempt is the attempt count', async () => {
    const echo = express5App();
    const push = { message: { data: 'aGk=', messageId: '1', publishTime: '2024-01-01T00:00:00Z' }, subscription: 'projects/p/subscriptions/s', deliveryAttempt: 4 };
    await createLambdaHandler(echo.app)(push, context);
    expect(echo.received[0]!.headers['x-delivery-attempt']).toBe('4');
  });

  it('X-Ray headers convert as OpenTelemetry reads them; invalid ones give no traceparent', () => {
    expect(traceparentOf('Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0;Lineage=a:1')).toBe('00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-00');
    expect(traceparentOf('Root=1-5759e988-bd862e3fe1be46a994272793')).toBeUndefined();
    expect(traceparentOf('Root=2-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8')).toBeUndefined();
  });
});
