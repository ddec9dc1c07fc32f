// CloudEvents producers over real HTTP on loopback: the official SDK's emitter (binary and
// structured) into real Express 5 and Hono apps, batches, Knative replies, failures.
import { CloudEvent as SdkEvent, emitterFor, httpTransport, Mode } from 'cloudevents';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { express5App, honoApp } from '../../../test/apps/echo.js';
import type { EchoApp, Respond } from '../../../test/apps/echo.js';
import { startGateway, push } from '../gateway.testing.js';

async function start(echo: EchoApp, options = {}) {
  const served = await startGateway(echo.app, options);
  return served.url;
}

const sdkEvent = () =>
  new SdkEvent({ id: 'order-1', source: '/shop/orders', type: 'com.example.order.created', subject: 'café', datacontenttype: 'application/json', data: { order: 42 } });

describe.each([
  ['express 5', express5App],
  ['hono', honoApp],
] as const)('CloudEvents into %s', (_name, makeApp) => {
  it.each([Mode.BINARY, Mode.STRUCTURED])('the SDK emitter in %s mode: delivered in binary mode at / + source, the sender gets the 2xx', async (mode) => {
    const echo = makeApp(() => ({ status: 202, body: '' }));
    const url = await start(echo);
    const emit = emitterFor(httpTransport(url + '/any/mount/path'), { mode });
    await emit(sdkEvent());
    expect(echo.received).toHaveLength(1);
    const got = echo.received[0]!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/shop/orders');
    expect(got.headers['ce-id']).toBe('order-1');
    expect(got.headers['ce-type']).toBe('com.example.order.created');
    expect(got.headers['ce-subject']).toBe('caf%C3%A9');
    expect(got.headers['content-type']).toBe('application/json');
    expect(JSON.parse(got.body.toString())).toEqual({ order: 42 });
    expect(got.invocation?.cloudEvent?.id).toBe('order-1');
  });

  it('structured mode in any case with a charset; the sender gets the app status', async () => {
    const echo = makeApp(() => ({ status: 201 }));
    const url = await start(echo);
    const event = { specversion: '1.0', id: '7', source: 'urn:x', type: 't', data: 'hi' };
    const res = await push(url, event, { 'content-type': 'Application/CloudEvents+JSON; Charset=UTF-8' });
    expect(res.status).toBe(201);
    expect(echo.received[0]!.url).toBe('/urn:x');
    expect(echo.received[0]!.body.toString()).toBe('"hi"');
  });
});

describe('CloudEvents answers', () => {
  const binary = { 'ce-specversion': '1.0', 'ce-id': 'b-1', 'ce-source': '/src', 'ce-type': 'com.t', 'content-type': 'text/plain' };

  it('a 2xx answer that is itself a binary CloudEvent goes back as the reply event (Knative)', async () => {
    const reply: Respond = () => ({ status: 200, body: 'pong', headers: { 'ce-specversion': '1.0', 'ce-id': 'r-1', 'ce-source': '/app', 'ce-type': 'com.reply', 'content-type': 'text/plain', 'x-other': 'no' } });
    const url = await start(express5App(reply));
    const res = await push(url, 'ping', binary);
    expect(res.status).toBe(200);
    expect(res.headers.get('ce-id')).toBe('r-1');
    expect(res.headers.get('ce-type')).toBe('com.reply');
    expect(res.headers.get('x-other')).toBeNull();
    expect(res.text).toBe('pong');
  });

  it('a structured CloudEvent answer goes back too; a plain 2xx body does not', async () => {
    const structured = JSON.stringify({ specversion: '1.0', id: 'r-2', source: '/app', type: 'com.reply', data: { a: 1 } });
    let answer = { status: 200, body: structured, headers: { 'content-type': 'application/cloudevents+json' } };
    const url = await start(honoApp(() => answer));
    let res = await push(url, 'x', binary);
    expect(res.headers.get('content-type')).toBe('application/cloudevents+json');
    expect(JSON.parse(res.text).id).toBe('r-2');
    answer = { status: 200, body: 'just text', headers: { 'content-type': 'text/plain' } };
    res = await push(url, 'x', binary);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });

  it('the app status otherwise; a throw is 500 and a timeout 504', async () => {
    let mode: 'reject' | 'throw' | 'hang' = 'reject';
    const url = await start(
      express5App(() => (mode === 'reject' ? { status: 409, body: 'dup' } : mode === 'throw' ? 'throw' : new Promise(() => undefined))),
      { timeoutMs: 200 },
    );
    expect((await push(url, 'x', binary)).status).toBe(409);
    mode = 'throw';
    expect((await push(url, 'x', binary)).status).toBe(500);
    mode = 'hang';
    const res = await push(url, 'x', binary);
    expect(res.status).toBe(504);
    expect((res.json() as { error: { code: string } }).error.code).toBe('APP_TIMEOUT');
  });

  it('a batch: each event delivered; 200 when all 2xx, else the first failing status and the rest not sent', async () => {
    const echo = express5App((r) => ({ status: r.headers['ce-id'] === 'e2' ? 503 : 204 }));
    const url = await start(echo);
    const batch = ['e1', 'e2', 'e3'].map((id) => ({ specversion: '1.0', id, source: '/b', type: 't', data: { id } }));
    const res = await push(url, batch, { 'content-type': 'application/cloudevents-batch+json' });
    expect(res.status).toBe(503);
    expect(echo.received.map((r) => r.headers['ce-id'])).toEqual(['e1', 'e2']);
    const ok = await push(url, batch.slice(0, 1), { 'content-type': 'application/cloudevents-batch+json' });
    expect(ok.status).toBe(200);
  });

  it('routes pick the path by type; an invalid CloudEvent is 400 and nothing is delivered', async () => {
    const echo = express5App();
    const url = await start(echo, { routes: { 'com.t': '/typed' } });
    expect((await push(url, 'x', binary)).status).toBe(200);
    expect(echo.received[0]!.url).toBe('/typed');
    const bad = await push(url, 'x', { 'ce-specversion': '1.0', 'ce-id': 'x' });
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: { code: string } }).error.code).toBe('INVALID_CLOUDEVENT');
    expect(echo.received).toHaveLength(1);
  });

  it('hostile attributes: CR/LF in an attribute is 400; a traversal in source stays inside the path', async () => {
    const echo = express5App();
    const url = await start(echo);
    const crlf = await push(url, { specversion: '1.0', id: '1', source: '/s', type: 't', subject: 'a\r\nb' }, { 'content-type': 'application/cloudevents+json' });
    expect(crlf.status).toBe(400);
    const res = await push(url, { specversion: '1.0', id: '1', source: '../../admin?x=1#f', type: 't' }, { 'content-type': 'application/cloudevents+json' });
    expect(res.status).toBe(200);
    expect(echo.received).toHaveLength(1);
    expect(echo.received[0]!.url).toBe('/admin%3Fx=1%23f');
  });

  it('hostile headers: raw non-ASCII bytes in a ce- header reach the app only percent-encoded, as printable ASCII', async () => {
    const echo = express5App();
    const url = await start(echo);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { ...binary, 'ce-subject': 'caf\u00e9' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('x');
    });
    expect(status).toBe(200);
    const subject = echo.received[0]!.headers['ce-subject'] as string;
    expect(subject).toMatch(/^caf(%[0-9A-F]{2})+$/);
  });
});
