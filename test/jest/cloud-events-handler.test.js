// The package inside Jest's CommonJS runtime (default configuration, no transform): require() of each
// entry point, an Express app fed an SQS batch in record mode with a partial failure, getInvocation()
// inside the app, and the same under Jest's default fake timers.
const express = require('express');
const { createLambdaHandler, getInvocation, EventDeliveryError } = require('cloud-events-handler');
const { handler: envHandler } = require('cloud-events-handler/handler');
const pkg = require('cloud-events-handler/package.json');

const sqsRecord = (messageId, body) => ({
  messageId,
  receiptHandle: `rh-${messageId}`,
  body: JSON.stringify(body),
  attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1523232000000', SenderId: '1', ApproximateFirstReceiveTimestamp: '1523232000001' },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:books',
  awsRegion: 'us-east-1',
});
const event = { Records: [sqsRecord('m1', { isbn: '1' }), sqsRecord('m2', { isbn: 'bad' }), sqsRecord('m3', { isbn: '3' })] };
const context = { awsRequestId: 'req-jest', functionName: 'books', getRemainingTimeInMillis: () => 30_000 };

function booksApp(received) {
  const app = express();
  app.use(express.json());
  app.post('/aws.sqs', (req, res) => {
    const invocation = getInvocation();
    received.push({ path: req.path, id: req.get('ce-id'), type: req.get('ce-type'), body: req.body, requestId: invocation && invocation.context.awsRequestId, cloudEventId: invocation && invocation.cloudEvent && invocation.cloudEvent.id });
    if (req.body.isbn === 'bad') return res.status(422).json({ error: 'bad isbn' });
    res.status(204).end();
  });
  return app;
}

describe('cloud-events-handler under Jest', () => {
  afterEach(() => jest.useRealTimers());

  test('every entry point loads through require()', () => {
    expect(typeof createLambdaHandler).toBe('function');
    expect(createLambdaHandler(booksApp([])).length).toBe(2);
    expect(envHandler.length).toBe(2);
    expect(pkg.name).toBe('cloud-events-handler');
    const error = new EventDeliveryError('rejected', { code: 'EVENT_REJECTED', statusCode: 500, body: '', path: '/aws.sqs' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('EventDeliveryError');
    expect(EventDeliveryError.name).toBe('EventDeliveryError');
  });

  test('an Express app gets one CloudEvent per SQS record; the failed one is reported', async () => {
    const received = [];
    const result = await createLambdaHandler(booksApp(received), { mode: 'record' })(event, context);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }] });
    expect(received).toEqual([
      { path: '/aws.sqs', id: 'm1', type: 'com.amazonaws.sqs.message', body: { isbn: '1' }, requestId: 'req-jest', cloudEventId: 'm1' },
      { path: '/aws.sqs', id: 'm2', type: 'com.amazonaws.sqs.message', body: { isbn: 'bad' }, requestId: 'req-jest', cloudEventId: 'm2' },
      { path: '/aws.sqs', id: 'm3', type: 'com.amazonaws.sqs.message', body: { isbn: '3' }, requestId: 'req-jest', cloudEventId: 'm3' },
    ]);
    expect(getInvocation()).toBeUndefined();
  });

  test('jest.useFakeTimers() does not hang a delivery (record and event mode)', async () => {
    jest.useFakeTimers();
    const received = [];
    const app = booksApp(received);
    await expect(createLambdaHandler(app, { mode: 'record' })(event, context)).resolves.toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }] });
    await expect(createLambdaHandler(app)(event, context)).resolves.toMatchObject({ statusCode: 204 });
    expect(received.map((r) => r.requestId)).toEqual(['req-jest', 'req-jest', 'req-jest', 'req-jest']);
  });

  test('nor when the fake timers were installed before the package loaded', async () => {
    jest.useFakeTimers();
    let fresh;
    jest.isolateModules(() => {
      fresh = require('cloud-events-handler');
    });
    const received = [];
    await expect(fresh.createLambdaHandler(booksApp(received), { mode: 'record' })(event, context)).resolves.toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }] });
    expect(received.map((r) => r.id)).toEqual(['m1', 'm2', 'm3']);
  });
});
