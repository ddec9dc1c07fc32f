import Koa from 'koa';
import inject from 'light-my-request';
import { describe, expect, it } from 'vitest';
import { toBinary } from '../http/binary.js';
import { toStructured } from '../http/structured.js';
import type { CloudEvent } from '../types.js';
import { cloudEventKoaMiddleware } from './koa.js';
import type { CloudEventMiddlewareOptions } from './node.js';

const event: CloudEvent = { specversion: '1.0', id: 'k-1', source: '/koa', type: 'com.example.koa', datacontenttype: 'text/plain', data: 'héllo' };

function koaApp(options?: CloudEventMiddlewareOptions, parsed?: { body?: unknown; rawBody?: string }) {
  const app = new Koa();
  if (parsed) {
    app.use(async (ctx, next) => {
      // What koa-bodyparser leaves behind: the stream consumed, rawBody and body set.
      for await (const _ of ctx.req) void _;
      Object.assign(ctx.request, parsed);
      await next();
    });
  }
  app.use(cloudEventKoaMiddleware(options));
  app.use((ctx) => {
    ctx.body = { cloudEvent: ctx.state.cloudEvent ?? null };
  });
  return app;
}

describe('cloudEventKoaMiddleware', () => {
  it('decodes binary and structured mode onto ctx.state.cloudEvent', async () => {
    for (const message of [toBinary(event), toStructured(event)]) {
      const res = await inject(koaApp().callback(), { method: 'POST', url: '/', headers: message.headers, payload: message.body ?? '' });
      expect(res.json()).toEqual({ cloudEvent: event });
    }
  });

  it('prefers a rawBody a body parser kept', async () => {
    const { headers } = toStructured(event);
    const app = koaApp({}, { rawBody: JSON.stringify(event), body: {} });
    const res = await inject(app.callback(), { method: 'POST', url: '/', headers, payload: JSON.stringify(event) });
    expect(res.json()).toEqual({ cloudEvent: event });
  });

  it('throws the error with its status and code, which Koa answers (message exposed)', async () => {
    const res = await inject(koaApp().callback(), {
      method: 'POST',
      url: '/',
      headers: { 'ce-specversion': '1.0', 'ce-id': '1', 'ce-source': '/s', 'ce-type': 't', 'ce-subject': '%C0%A0' },
      payload: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toBe('ce-subject: percent-encoded bytes are not valid UTF-8');
  });

  it('required: false skips a plain request', async () => {
    const res = await inject(koaApp({ required: false }).callback(), { method: 'POST', url: '/', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    expect(res.json()).toEqual({ cloudEvent: null });
  });
});
