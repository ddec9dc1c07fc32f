import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import connect from 'connect';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../dispatch/app.js';
import { toBatch } from '../http/batch.js';
import { toBinary } from '../http/binary.js';
import { toStructured } from '../http/structured.js';
import type { CloudEvent } from '../types.js';
import { cloudEventMiddleware } from './node.js';
import type { CloudEventRequest } from './node.js';

const express4 = createRequire(import.meta.url)('express4') as typeof express;

const event: CloudEvent = {
  specversion: '1.0',
  id: 'e-1',
  source: '/orders',
  type: 'com.example.order.created',
  subject: 'Ünïcode order #1',
  datacontenttype: 'application/json',
  data: { order: 1 },
};

/** An Express-style app that answers with the decoded event, or its error status and code. */
function expressApp(factory: typeof express, before: express.RequestHandler[] = [], options = {}) {
  const app = factory();
  for (const handler of before) app.use(handler);
  app.use(cloudEventMiddleware(options));
  app.use((req: express.Request, res: express.Response) => {
    res.json({ cloudEvent: (req as CloudEventRequest).cloudEvent ?? null, body: (req.body as unknown) ?? null });
  });
  app.use((err: { status: number; code: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(err.status).json({ code: err.code });
  });
  return app;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * POST a message to the app behind a real HTTP server on a free port. (light-my-request is not used
 * here: it rewires Express 5's shared request prototype, which breaks later real requests.)
 */
async function inject(app: Listener, options: { headers: Record<string, string>; payload: string | Buffer }) {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: options.headers, body: options.payload });
    const text = await res.text();
    return { statusCode: res.status, body: text, json: () => JSON.parse(text) as unknown };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

function injectMessage(app: Listener, message: { headers: Record<string, string>; body: Buffer | undefined }) {
  return inject(app, { headers: message.headers, payload: message.body ?? '' });
}

describe.each([
  ['Express 5', express],
  ['Express 4', express4],
])('cloudEventMiddleware on %s', (_, factory) => {
  it('decodes a binary-mode event onto req.cloudEvent, reading the stream itself', async () => {
    const res = await injectMessage(expressApp(factory), toBinary(event));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cloudEvent: event });
  });

  it('decodes structured and batched mode', async () => {
    expect((await injectMessage(expressApp(factory), toStructured(event))).json()).toMatchObject({ cloudEvent: event });
    expect((await injectMessage(expressApp(factory), toBatch([event, { ...event, id: 'e-2' }]))).json()).toMatchObject({
      cloudEvent: [event, { ...event, id: 'e-2' }],
    });
  });

  it('uses the body express.json() already parsed, and reads the stream when it skipped the type', async () => {
    const app = expressApp(factory, [factory.json()]);
    expect((await injectMessage(app, toBinary(event))).json()).toMatchObject({ cloudEvent: event, body: event.data });
    // express.json() does not parse application/cloudevents+json: the middleware reads the stream.
    expect((await injectMessage(app, toStructured(event))).json()).toMatchObject({ cloudEvent: event });
  });

  it('uses a body express.raw() kept as bytes', async () => {
    const app = expressApp(factory, [factory.raw({ type: '*/*' })]);
    expect((await injectMessage(app, toStructured(event))).json()).toMatchObject({ cloudEvent: event });
  });

  it('passes a CloudEventError to next: 400 for an invalid event, 415 for an unknown format, 413 beyond the limit', async () => {
    const bad = { headers: { 'ce-specversion': '1.0', 'ce-id': '1', 'content-type': 'application/json' }, body: Buffer.from('{}') };
    const missing = await injectMessage(expressApp(factory), bad);
    expect([missing.statusCode, missing.json()]).toEqual([400, { code: 'CE_MISSING_ATTRIBUTE' }]);
    const avro = await injectMessage(expressApp(factory), { headers: { 'content-type': 'application/cloudevents+avro' }, body: Buffer.from([1]) });
    expect([avro.statusCode, avro.json()]).toEqual([415, { code: 'CE_UNSUPPORTED_MEDIA_TYPE' }]);
    const big = await injectMessage(expressApp(factory, [], { limit: 10 }), toStructured(event));
    expect([big.statusCode, big.json()]).toEqual([413, { code: 'CE_BODY_TOO_LARGE' }]);
  });

  it('lets Express\'s default error handler answer with the error status', async () => {
    const app = factory();
    app.use(cloudEventMiddleware());
    app.use((_req: express.Request, res: express.Response) => res.send('unreachable'));
    const res = await inject(app, { headers: { 'content-type': 'application/cloudevents+json' }, payload: '{' });
    expect(res.statusCode).toBe(400);
  });

  it('required: false lets a plain request through with its body unread', async () => {
    const app = factory();
    app.use(cloudEventMiddleware({ required: false }));
    app.use(factory.json());
    app.use((req: express.Request, res: express.Response) => {
      res.json({ cloudEvent: (req as CloudEventRequest).cloudEvent ?? null, body: req.body as unknown });
    });
    const res = await inject(app, { headers: { 'content-type': 'application/json' }, payload: '{"plain":true}' });
    expect(res.json()).toEqual({ cloudEvent: null, body: { plain: true } });
  });
});

describe('cloudEventMiddleware elsewhere', () => {
  it('works in Connect', async () => {
    const app = connect();
    app.use(cloudEventMiddleware());
    app.use((req: IncomingMessage, res: ServerResponse) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify((req as CloudEventRequest).cloudEvent));
    });
    expect((await injectMessage(app, toBinary(event))).json()).toEqual(event);
  });

  it('reads what record mode sends through the in-memory dispatcher', async () => {
    const dispatch = createDispatcher(expressApp(express));
    const { headers, body } = toBinary({ ...event, data_base64: undefined });
    const res = await dispatch({ method: 'POST', url: '/', headers, body }, 5000);
    expect(JSON.parse(res.body.toString())).toMatchObject({ cloudEvent: event });
  });
});
