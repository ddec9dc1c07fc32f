// cloud-events-handler/testing inside Jest's CommonJS runtime (default configuration, no transform): the
// README's "Testing your event routes" example, an SQS route with partial failures, through require().
// Runs with the rest of this folder (run.mjs: the packed package under Jest 29 and 30).
const express = require('express');
const { invoke, sampleEvent } = require('cloud-events-handler/testing');

const app = express();
app.post('/aws.sqs', express.json(), (req, res) => {
  if (!req.body.isbn) return res.status(422).json({ error: 'isbn missing' });
  res.sendStatus(204);
});

test('invoke: a message without an isbn fails alone', async () => {
  const event = sampleEvent('aws.sqs', { records: [{ body: { isbn: '9780441013593' } }, { body: {} }] });
  const { result, error, deliveries } = await invoke(app, event, { mode: 'record' });
  expect(error).toBeUndefined();
  expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[1].messageId }] });
  expect(deliveries.map((d) => [d.request.path, d.request.json(), d.response.statusCode])).toEqual([
    ['/aws.sqs', { isbn: '9780441013593' }, 204],
    ['/aws.sqs', {}, 422],
  ]);
});

test('invoke under Jest fake timers: a hung app still times out', async () => {
  jest.useFakeTimers();
  try {
    const { error } = await invoke(() => new Promise(() => {}), sampleEvent('aws.sqs'), { timeoutMs: 300, timeoutMarginMs: 50 });
    expect(error).toMatchObject({ code: 'APP_TIMEOUT' });
  } finally {
    jest.useRealTimers();
  }
});
