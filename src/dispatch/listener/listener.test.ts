import { PassThrough, Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listenerDispatcher } from './index.js';
import type { NodeListener } from './index.js';

const post = (body = 'payload', extra: Record<string, string> = {}) => ({
  method: 'POST',
  url: '/p?q=1',
  headers: { host: 'localhost', 'content-length': String(Buffer.byteLength(body)), ...extra },
  body: Buffer.from(body),
});

async function run(listener: NodeListener, request = post(), timeoutMs = 1000) {
  return listenerDispatcher(listener)(request, timeoutMs);
}

describe('in-memory request', () => {
  it('streams the body with on("data"), pipe and for await', async () => {
    const seen: string[] = [];
    const response = await run(async (req, res) => {
      const viaPipe = new PassThrough();
      const chunks: Buffer[] = [];
      viaPipe.on('data', (c: Buffer) => chunks.push(c));
      await new Promise((resolve) => req.pipe(viaPipe).on('finish', resolve));
      seen.push(Buffer.concat(chunks).toString());
      seen.push(String(req.complete), req.httpVersion, req.socket.remoteAddress ?? '');
      res.end('done');
    });
    expect(response.body.toString()).toBe('done');
    expect(seen).toEqual(['payload', 'true', '1.1', '127.0.0.1']);
  });

  it('reports the remote address it is given, and rawHeaders with repeated values', async () => {
    let seen: unknown[] = [];
    await run(
      (req, res) => {
        seen = [req.socket.remoteAddress, req.connection?.remoteAddress, req.rawHeaders];
        res.end();
      },
      { method: 'GET', url: '/', headers: { host: 'h', 'x-a': ['1', '2'] }, remoteAddress: '2001:db8::1' } as never,
    );
    expect(seen).toEqual(['2001:db8::1', '2001:db8::1', ['host', 'h', 'x-a', '1', 'x-a', '2']]);
  });

  it('a secure request has an encrypted socket (as a TLSSocket), from any remote address', async () => {
    const seen: unknown[] = [];
    const listener: NodeListener = (req, res) => {
      seen.push((req.socket as { encrypted?: boolean }).encrypted);
      res.end();
    };
    for (const remoteAddress of [undefined, '203.0.113.7']) {
      await run(listener, { ...post(), remoteAddress, secure: true } as never);
      await run(listener, { ...post(), remoteAddress } as never);
    }
    expect(seen).toEqual([true, undefined, true, undefined]);
  });

  it('a listener that never reads the body still answers', async () => {
    const response = await run((_req, res) => res.end('ignored body'));
    expect(response.body.toString()).toBe('ignored body');
  });
});

describe('in-memory response', () => {
  it('writeHead with headers, then write, write, end: chunked writes are concatenated', async () => {
    const response = await run((_req, res) => {
      res.writeHead(202, { 'content-type': 'text/plain', 'x-n': 5 });
      res.write('a');
      res.write(Buffer.from('b'));
      res.write(new Uint8Array([99]));
      res.end('d');
    });
    expect(response).toEqual({ statusCode: 202, headers: { 'content-type': 'text/plain', 'x-n': '5' }, body: Buffer.from('abcd') });
  });

  it('writeHead with a reason phrase and a raw header array keeps repeated headers', async () => {
    const response = await run((_req, res) => {
      res.writeHead(200, 'Fine', ['set-cookie', 'a=1', 'set-cookie', 'b=2', 'x-one', 'y']);
      res.end();
    });
    expect(response.headers).toEqual({ 'set-cookie': ['a=1', 'b=2'], 'x-one': 'y' });
  });

  it('setHeader before writeHead merges; setHeader after the head is sent throws as in Node', async () => {
    let error: unknown;
    const response = await run((_req, res) => {
      res.setHeader('x-early', '1');
      res.writeHead(201, { 'x-late': '2' });
      try {
        res.setHeader('x-too-late', '3');
      } catch (e) {
        error = e;
      }
      res.end('x');
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual({ 'x-early': '1', 'x-late': '2' });
    expect((error as { code?: string }).code).toBe('ERR_HTTP_HEADERS_SENT');
  });

  it('end() with no body answers an empty body, and headersSent / writableEnded / finish / close follow Node', async () => {
    const events: string[] = [];
    let flags: boolean[] = [];
    const response = await run((_req, res) => {
      res.on('finish', () => events.push('finish'));
      res.on('close', () => events.push('close'));
      res.statusCode = 204;
      res.end();
      flags = [res.headersSent, res.writableEnded];
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(response.statusCode).toBe(204);
    expect(response.body.length).toBe(0);
    expect(flags).toEqual([true, true]);
    expect(events).toEqual(['finish', 'close']);
  });

  it('HEAD answers drop the body, as Node does', async () => {
    const response = await run(
      (_req, res) => {
        res.setHeader('content-type', 'text/plain');
        res.end('not sent');
      },
      { method: 'HEAD', url: '/', headers: {} } as never,
    );
    expect(response.statusCode).toBe(200);
    expect(response.body.length).toBe(0);
    expect(response.headers['content-type']).toBe('text/plain');
  });

  it('answers that come after an await, and a stream piped into the response', async () => {
    const response = await run(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      res.setHeader('content-type', 'application/octet-stream');
      Readable.from([Buffer.from([0, 1]), Buffer.from([2, 255])]).pipe(res);
    });
    expect(response.body).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('a second end() and a write after end are ignored, never crash', async () => {
    let writeError: unknown;
    const response = await run((_req, res) => {
      res.end('first');
      res.end('second');
      res.write('third', (error) => (writeError = error));
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(response.body.toString()).toBe('first');
    expect((writeError as { code?: string }).code).toBe('ERR_STREAM_WRITE_AFTER_END');
  });
});

describe('streaming to a sink', () => {
  it('write() returns false while the sink is congested, and res emits drain when it drains', async () => {
    const drains: (() => void)[] = [];
    const written: string[] = [];
    const sink = {
      head: () => undefined,
      write: (chunk: Buffer) => written.push(chunk.toString()) < 2,
      onDrain: (listener: () => void) => void drains.push(listener),
      end: () => undefined,
    };
    const seen: unknown[] = [];
    const response = listenerDispatcher((_req, res) => {
      seen.push(res.write('a'), res.writableNeedDrain, res.write('b'), res.writableNeedDrain, res.write('c'));
      res.once('drain', () => {
        seen.push('drain', res.writableNeedDrain);
        res.end();
      });
      drains[0]?.();
    })(post(), 1000, sink);
    await response;
    expect(seen).toEqual([true, false, false, true, false, 'drain', false]);
    expect(written).toEqual(['a', 'b', 'c']);
    expect(drains).toHaveLength(1);
  });
});

describe('apps that fail', () => {
  it('a listener that throws synchronously rejects with APP_ERROR and the cause', async () => {
    const failure = run(() => {
      throw new Error('sync boom');
    });
    await expect(failure).rejects.toMatchObject({ code: 'APP_ERROR', message: 'the app failed: sync boom' });
    await expect(failure).rejects.toHaveProperty('cause.message', 'sync boom');
  });

  it('a listener whose promise rejects rejects with APP_ERROR', async () => {
    await expect(run(async () => Promise.reject(new Error('async boom')))).rejects.toMatchObject({ code: 'APP_ERROR' });
  });

  it('a listener that never answers rejects with APP_TIMEOUT after the time limit', async () => {
    const started = Date.now();
    await expect(run(() => undefined, post(), 50)).rejects.toMatchObject({
      code: 'APP_TIMEOUT',
      message: 'the app did not answer POST /p?q=1 within 50 ms',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('a listener that destroys the response without answering rejects', async () => {
    await expect(run((_req, res: ServerResponse) => res.destroy())).rejects.toMatchObject({ code: 'APP_ERROR', message: /destroyed the response/ });
  });

  it('an answer after the timeout, or a throw after the answer, changes nothing', async () => {
    const late = run((_req, res) => void setTimeout(() => res.end('late'), 60), post(), 20);
    await expect(late).rejects.toMatchObject({ code: 'APP_TIMEOUT' });
    const answered = await run((_req: IncomingMessage, res) => {
      res.end('ok');
      throw new Error('after');
    });
    expect(answered.body.toString()).toBe('ok');
  });
});
