import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEvent } from '../samples/index.js';
import { allowedHosts } from './guard.js';
import { acceptsBrotli } from './page-files.js';
import { sendAsPush } from './gateway-send.js';
import { startConsole } from './server.js';
import type { GatewaySend } from './send.js';
import type { RunningConsole } from './server.js';

// The console's server in process, driven over real HTTP: what the API answers and what it refuses. The
// page itself, in Chromium, is test/console/console.test.ts.

const app = express();
app.use(express.json({ type: '*/*' }));
app.post('/aws.s3', (req, res) => res.json({ key: req.body.Records[0].s3.object.key }));
app.post('/aws.sqs', (req, res) => res.status(req.body.fail ? 500 : 200).json({ got: req.body }));
app.post('/google.pubsub', (req, res) => res.status(req.body.message?.attributes?.fail ? 503 : 200).json({ id: req.body.message?.messageId }));
app.post('/books', (req, res) => res.status(201).json({ type: req.get('ce-type'), data: req.body }));

const SOURCE_PAGE = join(process.cwd(), 'src/console/page');

/** A console over `app` on a free port, with the HTTP push send when `gateway` is given. */
async function consoleFor(gateway?: GatewaySend, pageDir = SOURCE_PAGE): Promise<RunningConsole> {
  const started = await startConsole({
    reloader: { load: async () => ({ app, file: join(process.cwd(), 'app.mjs'), generation: 1 }) },
    spec: './app.mjs',
    cwd: process.cwd(),
    pageDir,
    port: 0,
    watch: false,
    gateway,
  });
  await started.settled();
  return started;
}

let running: RunningConsole;
let base: string;
beforeAll(async () => {
  running = await consoleFor();
  base = new URL(running.url).origin;
});
afterAll(() => running.close());

/** A raw request, so that Host and Origin are exactly what the test says (fetch sets Host itself). */
function raw(path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; json: any }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const api = (path: string, body?: unknown) => raw(path, { host: new URL(base).host, 'x-console-token': running.token }, body);

describe('the console API', () => {
  it('lists the samples with their source, and gives one', async () => {
    const list = await api('/api/samples');
    expect(list.status).toBe(200);
    expect(list.json).toContainEqual(expect.objectContaining({ name: 'aws.s3.put', source: 'aws.s3' }));
    expect(list.json).toContainEqual(expect.objectContaining({ name: 'aws.sqs.fifo', source: 'aws.sqs' }));
    const one = await api('/api/samples/aws.s3.put');
    expect(one.json.Records[0].eventSource).toBe('aws:s3');
    expect((await api('/api/samples/aws.s4')).status).toBe(404);
  });

  it('inspects an event: the routeFor path, and in record mode the CloudEvents with their paths', async () => {
    const s3 = await api('/api/inspect', { event: sampleEvent('aws.s3.put'), mode: 'event' });
    expect(s3.json).toMatchObject({ path: '/aws.s3', recognised: true });
    expect(s3.json.cloudEvents).toBeUndefined();
    const sqs = await api('/api/inspect', { event: sampleEvent('aws.sqs', { records: 2 }), mode: 'record', options: { routes: { 'com.amazonaws.sqs.*': '/jobs' } } });
    expect(sqs.json.cloudEvents.map((c: any) => [c.path, c.cloudEvent.type])).toEqual([
      ['/jobs', 'com.amazonaws.sqs.message'],
      ['/jobs', 'com.amazonaws.sqs.message'],
    ]);
    expect((await api('/api/inspect', { event: {}, mode: 'record', options: { routes: { x: 'no-slash' } } })).json.error.code).toBe('BAD_ROUTES');
  });

  it('sends an SQS batch in record mode: each delivery, its duration, and the failed record back to the queue', async () => {
    const event = sampleEvent('aws.sqs', { records: [{ body: { id: 1 } }, { body: { id: 2, fail: true } }] }) as { Records: Array<{ messageId: string }> };
    const sent = await api('/api/send', { event, mode: 'record' });
    expect(sent.status).toBe(200);
    expect(sent.json.deliveries.map((d: any) => [d.request.method, d.request.path, d.response.statusCode])).toEqual([
      ['POST', '/aws.sqs', 200],
      ['POST', '/aws.sqs', 500],
    ]);
    expect(sent.json.deliveries[1].request.headers['ce-id']).toBe(event.Records[1]?.messageId);
    expect(sent.json.durationsMs).toHaveLength(2);
    expect(sent.json.durationsMs.every((ms: number) => ms >= 0)).toBe(true);
    expect(sent.json).toMatchObject({ handled: false, returned: [event.Records[1]?.messageId], result: { batchItemFailures: [{ itemIdentifier: event.Records[1]?.messageId }] } });
    expect(sent.json.snippets.test).toContain("invoke(app, event, {\"mode\":\"record\"})");
    expect(sent.json.snippets.cli).toContain('npx cloud-events-handler invoke --app ./app.mjs --mode record - <<');
    const history = await api('/api/history');
    expect(history.json.at(-1)).toMatchObject({ id: sent.json.id, send: { mode: 'record' }, summary: { handled: false, path: '/aws.sqs', statuses: [200, 500] } });
  });

  it('refuses a bad send with its reason', async () => {
    expect((await api('/api/send', { mode: 'record' })).json.error.code).toBe('BAD_SEND');
    expect((await api('/api/send', { event: {}, options: { rutes: {} } })).json.error.message).toContain('unknown rutes');
    const gateway = await api('/api/send', { event: {}, via: 'gateway' });
    expect(gateway).toMatchObject({ status: 400, json: { error: { code: 'GATEWAY_UNAVAILABLE' } } });
  });
});

describe('what the console refuses (403)', () => {
  it('a foreign Origin, even with the token: another site must not drive the app', async () => {
    const refused = await raw('/api/samples', { host: new URL(base).host, origin: 'http://evil.example', 'x-console-token': running.token });
    expect(refused).toMatchObject({ status: 403, json: { error: { code: 'BAD_ORIGIN' } } });
    const send = await raw('/api/send', { host: new URL(base).host, origin: 'http://evil.example', 'x-console-token': running.token }, { event: sampleEvent('aws.s3.put') });
    expect(send.status).toBe(403);
    const own = await raw('/api/samples', { host: new URL(base).host, origin: base, 'x-console-token': running.token });
    expect(own.status).toBe(200);
  });

  it('a Host that is not its own (DNS rebinding), for the page and the API', async () => {
    const port = new URL(base).port;
    for (const path of ['/', '/api/samples']) {
      const refused = await raw(path, { host: `evil.example:${port}`, 'x-console-token': running.token });
      expect(refused).toMatchObject({ status: 403, json: { error: { code: 'BAD_HOST' } } });
    }
    expect((await raw('/', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('an API request without the token, or with a wrong one', async () => {
    const host = new URL(base).host;
    expect((await raw('/api/samples', { host })).json.error.code).toBe('BAD_TOKEN');
    expect((await raw('/api/samples', { host, 'x-console-token': running.token.slice(0, -1) + 'x' })).status).toBe(403);
    expect((await raw(`/api/events?token=wrong`, { host })).status).toBe(403);
  });

  it('answers only to its own names', () => {
    expect(allowedHosts('127.0.0.1', 8787)).toEqual(new Set(['127.0.0.1:8787', 'localhost:8787', '[::1]:8787']));
    expect(allowedHosts('0.0.0.0', 80).has('0.0.0.0:80')).toBe(false);
    expect(allowedHosts('::1', 80).has('[::1]:80')).toBe(true);
  });
});

describe('sending as an HTTP push through the gateway', () => {
  let pushing: RunningConsole;
  let token: string;
  let origin: string;
  beforeAll(async () => {
    pushing = await consoleFor(sendAsPush);
    origin = new URL(pushing.url).origin;
    token = new URL(pushing.url).searchParams.get('token') as string;
  });
  afterAll(() => pushing.close());

  const push = async (event: unknown): Promise<any> => {
    const res = await fetch(`${origin}/api/send`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-console-token': token }, body: JSON.stringify({ event, via: 'gateway' }) });
    expect(res.status).toBe(200);
    return res.json();
  };

  it('a Pub/Sub push reaches /google.pubsub and the sender gets 204; a 503 from the app is the sender\'s answer', async () => {
    const envelope = (attributes: Record<string, string>) => ({
      message: { data: Buffer.from('{"isbn":"1"}').toString('base64'), messageId: '2070443601311540', publishTime: '2021-02-26T19:13:55.749Z', attributes },
      subscription: 'projects/myproject/subscriptions/mysubscription',
    });
    const ok = await push(envelope({}));
    expect(ok).toMatchObject({ via: 'gateway', handled: true, result: { statusCode: 204 } });
    expect(ok.deliveries).toHaveLength(1);
    expect(ok.deliveries[0]).toMatchObject({ request: { method: 'POST', path: '/google.pubsub' }, response: { statusCode: 200 } });
    const failed = await push(envelope({ fail: 'yes' }));
    expect(failed).toMatchObject({ handled: false, result: { statusCode: 503 } });
    expect(failed.reason).toContain('not acknowledged');
  });

  it('a structured CloudEvent is pushed in binary mode and delivered at / + source', async () => {
    const sent = await push({ specversion: '1.0', id: 'ev-1', source: '/books', type: 'com.example.book.added', datacontenttype: 'application/json', data: { isbn: '2' } });
    expect(sent).toMatchObject({ handled: true, result: { statusCode: 201 } });
    expect(sent.deliveries[0].request).toMatchObject({ path: '/books', headers: { 'ce-id': 'ev-1', 'ce-type': 'com.example.book.added', 'content-type': 'application/json' } });
    expect(JSON.parse(sent.deliveries[0].response.body)).toEqual({ type: 'com.example.book.added', data: { isbn: '2' } });
  });

  it('an AWS event pushed as JSON is delivered as in Lambda event mode', async () => {
    const sent = await push(sampleEvent('aws.s3.put', { key: 'books/dune.pdf' }));
    expect(sent).toMatchObject({ handled: true, deliveries: [{ request: { path: '/aws.s3' }, response: { statusCode: 200 } }] });
    expect((await fetch(`${origin}/api/status`, { headers: { 'x-console-token': token } }).then((r) => r.json() as Promise<{ gateway: boolean }>)).gateway).toBe(true);
  });
});

describe('the page, from brotli-compressed files as the package ships them', () => {
  // A folder laid out as the installed dist/: console.html.br, .css.br, .js.br and no plain file.
  const files = { '/': 'console.html', '/console.css': 'console.css', '/console.js': 'console.js' };
  const plain = Object.fromEntries(Object.entries(files).map(([path, file]) => [path, readFileSync(join(SOURCE_PAGE, file))]));
  const compressed: Record<string, Buffer> = {};
  let shipped: RunningConsole;
  let host: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ceh-page-'));
    for (const [path, file] of Object.entries(files)) writeFileSync(join(dir, `${file}.br`), (compressed[path] = brotliCompressSync(plain[path] as Buffer)));
    shipped = await consoleFor(undefined, dir);
    host = new URL(shipped.url).host;
  });
  afterAll(() => shipped.close());

  /** GET (or HEAD) a page file over real HTTP: status, headers and the body's bytes as sent (no decoding). */
  const get = (origin: string, path: string, headers: Record<string, string>, method = 'GET') =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const { port } = new URL(origin);
      const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { host: new URL(origin).host, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });

  it.each(Object.keys(files))('%s: the compressed bytes with content-encoding br to a client that accepts br', async (path) => {
    const res = await get(`http://${host}`, path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({ 'content-encoding': 'br', vary: 'accept-encoding', 'content-length': String(compressed[path]?.length) });
    expect(res.body.equals(compressed[path] as Buffer)).toBe(true);
    expect(brotliDecompressSync(res.body).equals(plain[path] as Buffer)).toBe(true);
  });

  it.each(Object.keys(files))('%s: the decompressed bytes, no content-encoding, to a client that does not accept br', async (path) => {
    for (const headers of [{}, { 'accept-encoding': 'gzip, deflate' }, { 'accept-encoding': 'br;q=0, *' }, { 'accept-encoding': 'identity' }] as Array<Record<string, string>>) {
      const res = await get(`http://${host}`, path, headers);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers).toMatchObject({ vary: 'accept-encoding', 'content-length': String(plain[path]?.length) });
      expect(res.body.equals(plain[path] as Buffer)).toBe(true);
    }
  });

  it('HEAD gives the length of the variant it would send, and no body; the type is the file\'s', async () => {
    const head = await get(`http://${host}`, '/console.css', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head).toMatchObject({ status: 200, headers: { 'content-type': 'text/css; charset=utf-8', 'content-encoding': 'br', 'content-length': String(compressed['/console.css']?.length) } });
    expect(head.body.length).toBe(0);
  });

  it('a folder of plain files (a checkout) is sent as it is, to any client', async () => {
    const res = await get(base, '/', { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBeUndefined();
    expect(res.body.equals(plain['/'] as Buffer)).toBe(true);
  });

  it('reads Accept-Encoding as RFC 9110 says: br named or covered by *, with q above 0', () => {
    const allowed = ['br', 'BR', 'gzip, br', 'br;q=0.1', 'br ; q=1', '*', 'gzip;q=1, *;q=0.5', '*;q=0, br'];
    const refused = [undefined, '', 'gzip, deflate', 'br;q=0', 'br;q=0.000', '*;q=0', 'br;q=0, *', 'identity', 'brotli'];
    expect(allowed.filter((header) => !acceptsBrotli(header))).toEqual([]);
    expect(refused.filter((header) => acceptsBrotli(header))).toEqual([]);
    expect(acceptsBrotli(['gzip', 'br'])).toBe(true);
  });
});
