import express from 'express';
import { Hono } from 'hono';
import type { FirehoseTransformationEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import type { DispatchResponse } from '../../../dispatch/types.js';
import { createLambdaHandler } from '../../../handlers/lambda/index.js';
import { firehoseRecordsResult, firehoseSource } from './index.js';

const context = { awsRequestId: 'req-fh', getRemainingTimeInMillis: () => 5000 };
const b64 = (text: string) => Buffer.from(text).toString('base64');
const answer = (statusCode: number, body = '', headers: DispatchResponse['headers'] = {}): DispatchResponse => ({ statusCode, headers, body: Buffer.from(body) });

/** The powertools sample (record1 `Hello World`, record2 `{"Hello": "World"}`) with records whose text says what the app does. */
function batch(...texts: string[]): FirehoseTransformationEvent {
  const event = loadFixture('powertools/kinesis/firehose.json') as FirehoseTransformationEvent;
  const template = event.records[0] as FirehoseTransformationEvent['records'][number];
  texts.forEach((text, i) => event.records.push({ ...template, recordId: `extra${i}`, data: b64(text) }));
  return event;
}

describe('firehoseRecordsResult', () => {
  const event = loadFixture('powertools/kinesis/firehose.json') as FirehoseTransformationEvent;

  it('2xx → Ok with the body base64; 204 → Dropped; non-2xx or no answer → ProcessingFailed, original data', () => {
    expect(firehoseRecordsResult([answer(200, 'HELLO'), answer(204)], event)).toEqual({
      records: [
        { recordId: 'record1', result: 'Ok', data: b64('HELLO') },
        { recordId: 'record2', result: 'Dropped', data: 'eyJIZWxsbyI6ICJXb3JsZCJ9' },
      ],
    });
    expect(firehoseRecordsResult([answer(500, 'boom'), undefined], event)).toEqual({
      records: [
        { recordId: 'record1', result: 'ProcessingFailed', data: 'SGVsbG8gV29ybGQ=' },
        { recordId: 'record2', result: 'ProcessingFailed', data: 'eyJIZWxsbyI6ICJXb3JsZCJ9' },
      ],
    });
    expect(firehoseRecordsResult([answer(302), answer(199)], event).records.map((r) => r.result)).toEqual(['ProcessingFailed', 'ProcessingFailed']);
  });

  it('the x-firehose-result header on a 2xx chooses (case-insensitive); an unknown value is ignored; an empty 200 is Ok with empty data', () => {
    const results = firehoseRecordsResult(
      [answer(200, 'x', { 'x-firehose-result': 'dropped' }), answer(204, '', { 'x-firehose-result': 'Ok' })],
      event,
    ).records;
    expect(results).toEqual([
      { recordId: 'record1', result: 'Dropped', data: 'SGVsbG8gV29ybGQ=' },
      { recordId: 'record2', result: 'Ok', data: '' },
    ]);
    const failed = firehoseRecordsResult([answer(200, 'x', { 'x-firehose-result': ' ProcessingFailed ' }), answer(200, '', { 'x-firehose-result': 'maybe' })], event);
    expect(failed.records).toEqual([
      { recordId: 'record1', result: 'ProcessingFailed', data: 'SGVsbG8gV29ybGQ=' },
      { recordId: 'record2', result: 'Ok', data: '' },
    ]);
  });

  it('answers every record of the event, missing responses as ProcessingFailed; binary bodies exactly', () => {
    const bytes = Buffer.from([0x00, 0xff, 0x10]);
    expect(firehoseRecordsResult([{ statusCode: 200, headers: {}, body: bytes }], event).records).toEqual([
      { recordId: 'record1', result: 'Ok', data: 'AP8Q' },
      { recordId: 'record2', result: 'ProcessingFailed', data: 'eyJIZWxsbyI6ICJXb3JsZCJ9' },
    ]);
    expect(firehoseRecordsResult([], { records: 'x' })).toEqual({ records: [] });
  });

  it('is the source\'s recordsResult; delivery is sync', () => {
    expect(firehoseSource.records?.result).toBe(firehoseRecordsResult);
    expect(firehoseSource.answer).toBe('json');
  });
});

/** Record mode app: upper-cases text, re-shapes JSON; `drop` → 204, `skip` → header Dropped, `fail` → 500. */
function expressApp() {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.raw({ type: () => true }));
  app.post('/aws.kinesis.firehose', (req, res) => {
    const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    if (text === 'drop') res.status(204).end();
    else if (text === 'skip') res.set('x-firehose-result', 'Dropped').send('ignored');
    else if (text === 'fail') res.status(500).send('cannot transform');
    else if (req.get('content-type') === 'application/json') res.json({ ...(JSON.parse(text) as object), id: req.get('ce-id') });
    else res.type('text/plain').send(text.toUpperCase() + '\n');
  });
  return app;
}

function honoApp() {
  const app = new Hono();
  app.post('/aws.kinesis.firehose', async (c) => {
    const text = await c.req.text();
    if (text === 'drop') return c.body(null, 204);
    if (text === 'skip') return c.text('ignored', 200, { 'x-firehose-result': 'Dropped' });
    if (text === 'fail') return c.text('cannot transform', 500);
    if (c.req.header('content-type') === 'application/json') return c.json({ ...(JSON.parse(text) as object), id: c.req.header('ce-id') });
    return c.text(text.toUpperCase() + '\n');
  });
  return app;
}

describe.each([
  ['Express 5', expressApp],
  ['Hono', honoApp],
])('Firehose transformation through %s', (_name, makeApp) => {
  it('record mode: a result per record, in order, data base64', async () => {
    const handler = createLambdaHandler(makeApp(), { mode: 'record' });
    const result = await handler(batch('drop', 'skip', 'fail', 'ok then'), context);
    expect(result).toEqual({
      records: [
        { recordId: 'record1', result: 'Ok', data: b64('HELLO WORLD\n') },
        { recordId: 'record2', result: 'Ok', data: b64('{"Hello":"World","id":"record2"}') },
        { recordId: 'extra0', result: 'Dropped', data: b64('drop') },
        { recordId: 'extra1', result: 'Dropped', data: b64('skip') },
        { recordId: 'extra2', result: 'ProcessingFailed', data: b64('fail') },
        { recordId: 'extra3', result: 'Ok', data: b64('OK THEN\n') },
      ],
    });
  });
});

/** Event mode: the whole batch in, Firehose's own result shape out, built by the app (text upper-cased). */
const transformAll = (event: FirehoseTransformationEvent) => ({
  records: event.records.map((r) => ({ recordId: r.recordId, result: 'Ok', data: b64(Buffer.from(r.data, 'base64').toString('utf8').toUpperCase()) })),
});

function expressBatchApp() {
  const app = express();
  app.use(express.json());
  app.post('/aws.kinesis.firehose', (req, res) => {
    if (req.get('x-fail') !== undefined) res.status(503).json({ message: 'transformer offline' });
    else res.json(transformAll(req.body as FirehoseTransformationEvent));
  });
  return app;
}

function honoBatchApp() {
  const app = new Hono();
  app.post('/aws.kinesis.firehose', async (c) => {
    if (c.req.header('x-fail') !== undefined) return c.json({ message: 'transformer offline' }, 503);
    return c.json(transformAll(await c.req.json<FirehoseTransformationEvent>()));
  });
  return app;
}

describe.each([
  ['Express 5', expressBatchApp],
  ['Hono', honoBatchApp],
])('Firehose transformation, event mode, through %s', (_name, makeApp) => {
  it('the app\'s JSON body is the result', async () => {
    const event = loadFixture('aws-lambda-go/kinesis-firehose-event.json');
    expect(await createLambdaHandler(makeApp())(event, context)).toEqual({
      records: [
        { recordId: 'record1', result: 'Ok', data: b64('HELLO WORLD') },
        { recordId: 'record2', result: 'Ok', data: b64('HELLO WORLD') },
      ],
    });
  });

  it('a non-2xx answer rejects with the app\'s error text', async () => {
    const handler = createLambdaHandler(makeApp(), { request: { headers: { 'x-fail': '1' } } });
    const event = loadFixture('aws-sam-cli/kinesis/KinesisFirehose.json');
    await expect(handler(event, context)).rejects.toMatchObject({ message: 'transformer offline', statusCode: 503 });
  });
});
