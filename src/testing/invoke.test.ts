import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import Koa from 'koa';
import { describe, expect, it } from 'vitest';
import { EventDeliveryError, getInvocation } from '../index.js';
import { invoke, sampleEvent } from './index.js';

type Json = Record<string, any>;

/** An Express 5 app that fails the books whose id is odd, as an SQS route with partial failures would. */
function libraryApp() {
  const app = express();
  app.use(express.json({ type: ['application/json', 'application/cloudevents+json'] }));
  app.post('/aws.sqs', (req, res) => {
    if (req.body.id % 2 === 1) res.status(422).json({ error: `book ${req.body.id} rejected` });
    else res.status(201).json({ stored: req.body.id, request: getInvocation()?.context?.awsRequestId });
  });
  app.post('/aws.s3', (_req, res) => res.status(503).send('storage down'));
  app.get('/books/:id', (req, res) => res.set('x-book', req.params.id).json({ id: req.params.id, secure: req.secure, ip: req.ip, q: req.query }));
  app.post('/boom', () => {
    throw new Error('kaput');
  });
  return app;
}

describe('invoke', () => {
  it('record mode: every record the app received and answered, and the partial batch failure result', async () => {
    const event = sampleEvent('aws.sqs', { records: [{ body: { id: 1 } }, { body: { id: 2 } }, { body: { id: 3 } }] }) as Json;
    const { result, error, deliveries, callbacks } = await invoke(libraryApp(), event, { mode: 'record', concurrency: 1 });
    expect(error).toBeUndefined();
    expect(callbacks).toEqual([]);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[0].messageId }, { itemIdentifier: event.Records[2].messageId }] });
    expect(deliveries.map((d) => [d.request.method, d.request.path, d.request.json(), d.response?.statusCode])).toEqual([
      ['POST', '/aws.sqs', { id: 1 }, 422],
      ['POST', '/aws.sqs', { id: 2 }, 201],
      ['POST', '/aws.sqs', { id: 3 }, 422],
    ]);
    const first = deliveries[0]!;
    expect(first.request.headers).toMatchObject({ 'ce-specversion': '1.0', 'ce-id': event.Records[0].messageId, 'ce-type': 'com.amazonaws.sqs.message', 'content-type': 'application/json' });
    expect(first.request.body).toBeInstanceOf(Buffer);
    expect(first.request.text()).toBe('{"id":1}');
    expect(first.response?.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(String(first.response?.body))).toEqual({ error: 'book 1 rejected' });
    // The app ran inside the invocation, with the plausible context's fresh request id.
    const stored = JSON.parse(String(deliveries[1]!.response?.body));
    expect(stored.request).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('event mode: the raw event as JSON; a refused asynchronous event is the error Lambda would get, not a throw', async () => {
    const event = sampleEvent('aws.s3.put', { key: 'books/dune.pdf' });
    const { result, error, deliveries } = await invoke(libraryApp(), event, { context: { awsRequestId: 'req-1' } });
    expect(result).toBeUndefined();
    expect(error).toBeInstanceOf(EventDeliveryError);
    expect(error).toMatchObject({ statusCode: 503, body: 'storage down', path: '/aws.s3', code: 'EVENT_REJECTED' });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.request.json()).toEqual(event);
    expect(deliveries[0]!.request.headers).toMatchObject({ 'x-amzn-request-id': 'req-1', 'content-type': 'application/json' });
    expect(JSON.parse(deliveries[0]!.request.headers['x-amzn-lambda-context'] as string)).toMatchObject({ awsRequestId: 'req-1', functionName: 'cloud-events-handler-local' });
    expect(deliveries[0]!.response).toMatchObject({ statusCode: 503 });
  });

  it('an HTTP event: the request it carries reaches the app as sent (https, client address, query), the result is the API Gateway answer', async () => {
    const { result, deliveries } = await invoke(libraryApp(), sampleEvent('aws.apigw.http', { path: '/books/42?lang=en', headers: { 'x-trace': 't1' } }));
    expect(deliveries[0]!.request).toMatchObject({ method: 'GET', path: '/books/42?lang=en' });
    expect(deliveries[0]!.request.headers['x-trace']).toBe('t1');
    expect(deliveries[0]!.request.body).toEqual(Buffer.alloc(0));
    expect(deliveries[0]!.response?.headers['x-book']).toBe('42');
    expect(result).toMatchObject({ statusCode: 200, isBase64Encoded: false });
    expect(JSON.parse((result as Json).body)).toEqual({ id: '42', secure: true, ip: '203.0.113.10', q: { lang: 'en' } });
  });

  it('an app that throws: the delivery carries the error, and the invocation fails as Lambda would see it', async () => {
    const throwing = (_req: unknown, _res: unknown) => {
      throw new Error('kaput');
    };
    const { result, error, deliveries } = await invoke(throwing, sampleEvent('aws.events', { source: 'com.shop' }));
    expect(result).toBeUndefined();
    expect(error).toBeInstanceOf(EventDeliveryError);
    expect(error).toMatchObject({ code: 'APP_ERROR', statusCode: 500, path: '/com.shop' });
    expect(deliveries[0]!.request.path).toBe('/com.shop');
    expect(deliveries[0]!.response).toBeUndefined();
    expect(deliveries[0]!.error).toMatchObject({ code: 'APP_ERROR' });
    expect((deliveries[0]!.error as Error).cause).toMatchObject({ message: 'kaput' });
    // Express's own error handler answers 500: a response, and for a direct invocation the result.
    const direct = await invoke(libraryApp(), { hello: 'world' }, { request: { path: '/boom' } });
    expect(direct.error).toBeUndefined();
    expect(direct.deliveries[0]!.response?.statusCode).toBe(500);
    expect(direct.result).toMatchObject({ statusCode: 500 });
  });

  it('an app that never answers times out within timeoutMs, as a timeout, without hanging the test', async () => {
    const started = Date.now();
    const { error, deliveries } = await invoke(() => new Promise<Response>(() => {}), sampleEvent('aws.sqs'), { timeoutMs: 400, timeoutMarginMs: 100 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toMatchObject({ code: 'APP_TIMEOUT' });
    expect(deliveries[0]!.error).toMatchObject({ code: 'APP_TIMEOUT' });
  });

  it('drives Hono, Koa and Fastify the same way', async () => {
    const hono = new Hono();
    hono.post('/aws.kinesis', async (c) => c.json({ got: await c.req.json(), ce: c.req.header('ce-type') }, 202));
    const koa = new Koa();
    koa.use((ctx) => {
      ctx.status = 204;
      ctx.set('x-path', ctx.path);
    });
    const fastify = Fastify();
    fastify.post('/google.pubsub', async (request) => ({ got: request.body }));
    const kinesis = await invoke(hono, sampleEvent('aws.kinesis', { data: { n: 1 } }), { mode: 'record' });
    expect(kinesis.result).toEqual({ batchItemFailures: [] });
    expect(JSON.parse(String(kinesis.deliveries[0]!.response?.body))).toEqual({ got: { n: 1 }, ce: 'com.amazonaws.kinesis.record' });
    const koaRun = await invoke(koa, sampleEvent('aws.dynamodb.remove', { records: 2 }), { mode: 'record' });
    expect(koaRun.deliveries.map((d) => [d.request.path, d.response?.statusCode, d.response?.headers['x-path']])).toEqual([
      ['/aws.dynamodb', 204, '/aws.dynamodb'],
      ['/aws.dynamodb', 204, '/aws.dynamodb'],
    ]);
    const pubsub = await invoke(fastify, sampleEvent('google.pubsub', { data: { order: 7 } }));
    expect(pubsub.error).toBeUndefined();
    expect(JSON.parse(String(pubsub.deliveries[0]!.response?.body)).got.message.data).toBe(Buffer.from('{"order":7}').toString('base64'));
    await fastify.close();
  });

  it('CloudFormation: the response document is captured, not sent, and fetch is restored', async () => {
    const before = globalThis.fetch;
    const app = express().post('/aws.cloudformation', (_req, res) => res.json({ PhysicalResourceId: 'shelf-1', Data: { Arn: 'arn:shelf' } }));
    const event = sampleEvent('aws.cloudformation.create', { resourceType: 'Custom::Shelf' }) as Json;
    const { result, error, callbacks } = await invoke(app, event);
    expect(error).toBeUndefined();
    expect(result).toBeDefined();
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]).toMatchObject({ method: 'PUT', url: event.ResponseURL });
    expect(JSON.parse(callbacks[0]!.body)).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'shelf-1', Data: { Arn: 'arn:shelf' }, RequestId: event.RequestId });
    expect(globalThis.fetch).toBe(before);
  });

  it('refuses what is not an app, as createLambdaHandler does', async () => {
    await expect(invoke(42, {})).rejects.toThrow(TypeError);
  });
});
