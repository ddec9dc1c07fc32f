// The gateway as a whole over real HTTP: AWS events, what is not recognised, limits, mounting inside
// an Express app after a body parser, the fetch handler, close() with deliveries in flight.
import { request } from 'node:http';
import express from 'express';
import { describe, expect, it, onTestFinished } from 'vitest';
import { express5App, honoApp } from '../../test/apps/echo.js';
import type { EchoApp } from '../../test/apps/echo.js';
import { loadFixture } from '../../test/fixtures/load.js';
import { startGateway, listenOn, push } from './gateway.testing.js';
import { createEventGateway } from './index.js';
import type { GatewayOptions } from './options.js';

async function start(echo: EchoApp, options: GatewayOptions = {}) {
  const served = await startGateway(echo.app, options);
  return served;
}

const s3Event = () => loadFixture('aws-sam-cli/s3/S3Put.json');
const sqsEvent = () => loadFixture('powertools/sqs/base.json');
const envelope = () => loadFixture('documented/google/pubsub-push.json');

describe('AWS events and EventBridge API destinations', () => {
  it('an S3 event: as in Lambda event mode (POST /aws.s3, the JSON unchanged); the app answer passed back', async () => {
    const echo = express5App(() => ({ status: 202, body: '{"stored":1}', headers: { 'content-type': 'application/json' } }));
    const { url } = await start(echo);
    const res = await push(url, s3Event());
    expect(res.status).toBe(202);
    expect(res.json()).toEqual({ stored: 1 });
    expect(echo.received[0]!.url).toBe('/aws.s3');
    expect(JSON.parse(echo.received[0]!.body.toString())).toEqual(s3Event());
  });

  it('an EventBridge event at / + source; a non-2xx is passed on', async () => {
    const echo = express5App(() => ({ status: 429 }));
    const { url } = await start(echo);
    const event = { version: '0', id: 'e-1', 'detail-type': 'Order Placed', source: 'com.shop', account: '1', time: '2024-01-01T00:00:00Z', region: 'eu-west-1', resources: [], detail: { id: 1 } };
    expect((await push(url, event)).status).toBe(429);
    expect(echo.received[0]!.url).toBe('/com.shop');
  });

  it('record mode: an SQS batch is one CloudEvent per record; the first failing status', async () => {
    const echo = express5App((r) => ({ status: r.headers['ce-id'] === (sqsEvent() as { Records: Array<{ messageId: string }> }).Records[1]!.messageId ? 500 : 200 }));
    const { url } = await start(echo, { mode: 'record' });
    expect((await push(url, sqsEvent())).status).toBe(500);
    expect(echo.received.map((r) => r.url)).toEqual(['/aws.sqs', '/aws.sqs']);
    expect(echo.received[0]!.headers['ce-type']).toBe('com.amazonaws.sqs.message');
  });
});

describe('what is not recognised', () => {
  it('a JSON body nobody recognises: 400 naming what was expected; nothing delivered', async () => {
    const echo = express5App();
    const { url } = await start(echo);
    const res = await push(url, { hello: 'world' });
    expect(res.status).toBe(400);
    const error = (res.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('UNRECOGNISED_PUSH');
    for (const expected of ['CloudEvent', 'Pub/Sub', 'Event Grid', 'SNS', 'routeFor']) expect(error.message).toContain(expected);
    expect(echo.received).toHaveLength(0);
  });

  it('malformed JSON is 400 MALFORMED_JSON; an empty body is 400', async () => {
    const { url } = await start(express5App());
    const bad = await push(url, '{"message":');
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: { code: string } }).error.code).toBe('MALFORMED_JSON');
    expect((await push(url, '')).status).toBe(400);
  });
});

describe('limits', () => {
  it('maxBodyBytes: a declared Content-Length over it is 413 and nothing is delivered', async () => {
    const echo = express5App();
    const { url } = await start(echo, { maxBodyBytes: 1024 });
    const res = await push(url, { ...(envelope() as object), pad: 'x'.repeat(2048) });
    expect(res.status).toBe(413);
    expect((res.json() as { error: { code: string } }).error.code).toBe('BODY_TOO_LARGE');
    expect(echo.received).toHaveLength(0);
  });

  it('maxBodyBytes: a chunked body is cut off at the limit, answered 413, and not read further', async () => {
    const echo = express5App();
    const { url } = await start(echo, { maxBodyBytes: 64 * 1024 });
    const result = await new Promise<{ status: number; written: number }>((resolve, reject) => {
      let written = 0;
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, written });
      });
      req.on('error', () => resolve({ status: -1, written }));
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      // 100 MiB if nobody stopped it.
      const pump = (): void => {
        while (written < 100 * 1024 * 1024) {
          written += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
      setTimeout(() => reject(new Error('no answer')), 5000).unref();
    });
    expect(result.status).toBe(413);
    expect(result.written).toBeLessThan(20 * 1024 * 1024);
    expect(echo.received).toHaveLength(0);
  });

  it('maxInFlight: pushes beyond it are 429 with Retry-After while the first is delivered', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const echo = express5App(async () => {
      await held;
      return { status: 200 };
    });
    const { url } = await start(echo, { maxInFlight: 1 });
    const first = push(url, envelope());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await push(url, envelope());
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('1');
    release();
    expect((await first).status).toBe(204);
    expect(echo.received).toHaveLength(1);
  });

  it('an app that answers after the client left: nothing breaks, the next push is served', async () => {
    let delay = 300;
    const echo = express5App(async () => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      return { status: 200 };
    });
    const { url } = await start(echo);
    await expect(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope()), signal: AbortSignal.timeout(50) })).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 400));
    delay = 0;
    expect((await push(url, envelope())).status).toBe(204);
    expect(echo.received).toHaveLength(2);
  });
});

describe('ways to run it', () => {
  it('mounted inside the same Express app after express.json(): reads req.body, delivers at the derived path', async () => {
    const received: unknown[] = [];
    const app = express();
    app.use(express.json());
    app.post('/google.pubsub', (req, res) => {
      received.push(req.body);
      res.sendStatus(200);
    });
    app.post('/_events', createEventGateway(app));
    const served = await listenOn(app);
    onTestFinished(served.close);
    const res = await push(served.url + '/_events', envelope());
    expect(res.status).toBe(204);
    expect(received).toEqual([envelope()]);
  });

  it('as a fetch handler (Hono app)', async () => {
    const echo = honoApp();
    const gateway = createEventGateway(echo.app);
    onTestFinished(() => gateway.close());
    const res = await gateway.fetch(new Request('http://gateway.local/push', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope()) }));
    expect(res.status).toBe(204);
    expect(echo.received[0]!.url).toBe('/google.pubsub');
    const tooBig = createEventGateway(echo.app, { maxBodyBytes: 10 });
    expect((await tooBig.fetch(new Request('http://gateway.local/', { method: 'POST', body: JSON.stringify(envelope()) }))).status).toBe(413);
  });

  it('close(): waits for the deliveries in flight, then refuses new pushes with 503', async () => {
    let finished = 0;
    const echo = express5App(async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      finished++;
      return { status: 200 };
    });
    const { url, gateway } = await start(echo);
    const inFlight = push(url, envelope());
    await new Promise((resolve) => setTimeout(resolve, 50));
    await gateway.close();
    expect(finished).toBe(1);
    expect((await inFlight).status).toBe(204);
    expect((await push(url, envelope())).status).toBe(503);
  });

  it('a bad app or option fails at createEventGateway time', () => {
    expect(() => createEventGateway({ port: 3000 })).toThrow(TypeError);
    expect(() => createEventGateway(express5App().app, { maxInFlight: 0 })).toThrow(/maxInFlight/);
    expect(() => createEventGateway(express5App().app, { auth: { token: { value: '' } } })).toThrow(/auth.token.value/);
  });
});
