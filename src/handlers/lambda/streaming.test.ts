import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Hono } from 'hono';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadFixture } from '../../../test/fixtures/load.js';
import { createStreamingLambdaHandler } from './streaming.js';
import type { LambdaResponseStream, StreamedResponseHead } from './streaming.js';

/**
 * Response streaming for Function URLs, against a stub of the Node.js runtime's `awslambda` global and
 * its response stream (as Hono tests its own streaming adapter): the head goes out through
 * `HttpResponseStream.from`, then the chunks, each as soon as the app writes it.
 */

interface Recorded {
  head: StreamedResponseHead | undefined;
  chunks: string[];
  ended: boolean;
  log: string[];
}

let streamified = 0;

function responseStream(recorded: Recorded): LambdaResponseStream {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      recorded.chunks.push(chunk.toString());
      recorded.log.push(`stream got ${chunk.toString()}`);
      callback();
    },
    final(callback) {
      recorded.ended = true;
      callback();
    },
  }) as unknown as LambdaResponseStream;
}

beforeEach(() => {
  streamified = 0;
  (globalThis as Record<string, unknown>).awslambda = {
    streamifyResponse: <T>(handler: T): T => {
      streamified++;
      return handler;
    },
    HttpResponseStream: {
      from: (stream: LambdaResponseStream & { recorded?: Recorded }, head: StreamedResponseHead) => {
        (stream as unknown as { head: StreamedResponseHead }).head = head;
        return stream;
      },
    },
  };
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>).awslambda;
  vi.restoreAllMocks();
});

const event = () => {
  const e = loadFixture('aws-lambda-go/lambda-urls-request.json') as { rawPath: string; rawQueryString: string; requestContext: { http: { method: string } } };
  return { ...e, rawPath: '/stream', rawQueryString: 'n=3', body: undefined, isBase64Encoded: false, requestContext: { ...e.requestContext, http: { ...e.requestContext.http, method: 'GET' } } };
};
const context = { awsRequestId: 'r', getRemainingTimeInMillis: () => 5000 };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function run(app: unknown): Promise<Recorded> {
  const recorded: Recorded = { head: undefined, chunks: [], ended: false, log: [] };
  const handler = createStreamingLambdaHandler(app);
  expect(streamified).toBe(1);
  const stream = responseStream(recorded);
  await handler(event(), stream, context);
  await new Promise((resolve) => setImmediate(resolve));
  recorded.head = (stream as unknown as { head?: StreamedResponseHead }).head;
  return recorded;
}

describe('response streaming (Function URLs)', () => {
  it('Express: head, then each chunk as the app writes it, cookies apart', async () => {
    const app = express();
    app.get('/stream', async (req, res) => {
      res.status(206).set('content-type', 'text/plain').cookie('a', '1').cookie('b', '2');
      for (let i = 0; i < Number(req.query.n); i++) {
        res.write(String(i));
        await tick();
      }
      res.end();
    });
    const result = await run(app);
    expect(result.head).toEqual({ statusCode: 206, headers: expect.objectContaining({ 'content-type': 'text/plain; charset=utf-8' }), cookies: ['a=1; Path=/', 'b=2; Path=/'] });
    expect(result.chunks).toEqual(['0', '1', '2']);
    expect(result.ended).toBe(true);
  });

  it('streams before the app has finished (raw listener)', async () => {
    const order: string[] = [];
    const recorded: Recorded = { head: undefined, chunks: [], ended: false, log: order };
    const app = async (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const part of ['a', 'b']) {
        order.push(`app wrote ${part}`);
        res.write(part);
        await tick();
      }
      res.end();
    };
    const handler = createStreamingLambdaHandler(app);
    await handler(event(), responseStream(recorded), context);
    expect(order).toEqual(['app wrote a', 'stream got a', 'app wrote b', 'stream got b']);
  });

  it('Hono: a ReadableStream body is forwarded chunk by chunk', async () => {
    const app = new Hono();
    app.get('/stream', (c) => {
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          for (const part of ['x', 'y', 'z']) {
            controller.enqueue(new TextEncoder().encode(part));
            await tick();
          }
          controller.close();
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/octet-stream' } });
    });
    const result = await run(app);
    expect(result.head).toEqual({ statusCode: 200, headers: { 'content-type': 'application/octet-stream' }, cookies: [] });
    expect(result.chunks).toEqual(['x', 'y', 'z']);
    expect(result.ended).toBe(true);
  });

  it('a method no HTTP request could carry is answered 400 with a JSON reason; the app sees nothing', async () => {
    let called = 0;
    const app = (_req: IncomingMessage, res: ServerResponse) => {
      called++;
      res.end('should not run');
    };
    const recorded: Recorded = { head: undefined, chunks: [], ended: false, log: [] };
    const stream = responseStream(recorded);
    const bad = event();
    bad.requestContext.http.method = 'G\r\nET';
    await createStreamingLambdaHandler(app)(bad, stream, context);
    await new Promise((resolve) => setImmediate(resolve));
    expect((stream as unknown as { head?: StreamedResponseHead }).head).toEqual({ statusCode: 400, headers: { 'content-type': 'application/json' }, cookies: [] });
    expect(JSON.parse(recorded.chunks.join(''))).toMatchObject({ code: 'INVALID_REQUEST', field: 'requestContext.http.method' });
    expect(recorded.ended).toBe(true);
    expect(called).toBe(0);
  });

  it('an app that throws before its head gets a 500; one that never answers a 504, before the deadline', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const thrower = (req: unknown, res: unknown) => {
      void [req, res];
      throw new Error('boom');
    };
    const failed = await run(thrower);
    expect(failed.head?.statusCode).toBe(500);
    expect(failed.chunks.join('')).toBe('Internal Server Error');
    const never = (req: unknown, res: unknown) => void [req, res];
    const recorded: Recorded = { head: undefined, chunks: [], ended: false, log: [] };
    const stream = responseStream(recorded);
    const started = Date.now();
    await createStreamingLambdaHandler(never)(event(), stream, { getRemainingTimeInMillis: () => 400 });
    expect(Date.now() - started).toBeLessThan(400);
    expect((stream as unknown as { head: StreamedResponseHead }).head.statusCode).toBe(504);
  });
});

/**
 * Backpressure: the runtime's response stream is a Node Writable that a slow client drains slowly. The
 * app must be held back to the stream's pace: what it has produced minus what the stream has consumed
 * stays small, whatever the response's size, and every byte arrives, in order.
 */
describe('response streaming honours the response stream backpressure', () => {
  const CHUNK = 64 * 1024;
  const CHUNKS = 1024; // 64 MB
  const BOUND = 1024 * 1024;

  /** Chunk `i`: its index in the first 4 bytes, then the byte `i & 255`. */
  const chunkAt = (i: number) => {
    const chunk = Buffer.alloc(CHUNK, i & 255);
    chunk.writeUInt32BE(i, 0);
    return chunk;
  };

  /** A slow client: a small buffer, each chunk taken on a later turn of the event loop, checked in order. */
  function slowStream(progress: { produced: number; consumed: number; maxAhead: number; misordered: number }): LambdaResponseStream {
    return new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        // Chunk boundaries may move on the way: compare against the expected bytes at this offset.
        let offset = 0;
        while (offset < chunk.length) {
          const at = progress.consumed + offset;
          const index = Math.floor(at / CHUNK);
          const within = at % CHUNK;
          const length = Math.min(CHUNK - within, chunk.length - offset);
          if (!chunk.subarray(offset, offset + length).equals(chunkAt(index).subarray(within, within + length))) progress.misordered++;
          offset += length;
        }
        progress.consumed += chunk.length;
        setImmediate(callback);
      },
    }) as unknown as LambdaResponseStream;
  }

  const track = (progress: { produced: number; consumed: number; maxAhead: number }, bytes: number) => {
    progress.produced += bytes;
    progress.maxAhead = Math.max(progress.maxAhead, progress.produced - progress.consumed);
  };

  async function stream(app: unknown, progress: { produced: number; consumed: number; maxAhead: number; misordered: number }) {
    const responseStream = slowStream(progress);
    const finished = new Promise((resolve) => (responseStream as unknown as Writable).on('finish', resolve));
    await createStreamingLambdaHandler(app)(event(), responseStream, { awsRequestId: 'r', getRemainingTimeInMillis: () => 60_000 });
    await finished;
  }

  it('a listener app piping a 64 MB Readable into res is held to the stream pace', async () => {
    const progress = { produced: 0, consumed: 0, maxAhead: 0, misordered: 0 };
    const app = (_req: IncomingMessage, res: ServerResponse) => {
      let next = 0;
      const source = new Readable({
        read() {
          if (next === CHUNKS) return void this.push(null);
          track(progress, CHUNK);
          this.push(chunkAt(next++));
        },
      });
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      source.pipe(res);
    };
    await stream(app, progress);
    expect(progress.consumed).toBe(CHUNK * CHUNKS);
    expect(progress.misordered).toBe(0);
    expect(progress.maxAhead).toBeLessThanOrEqual(BOUND);
  }, 30_000);

  it('a listener app using pipeline() is held back too, and write() says when to wait', async () => {
    const progress = { produced: 0, consumed: 0, maxAhead: 0, misordered: 0 };
    let refused = 0;
    const app = async (_req: IncomingMessage, res: ServerResponse) => {
      async function* generate() {
        for (let i = 0; i < 256; i++) {
          track(progress, CHUNK);
          yield chunkAt(i);
        }
      }
      const write = res.write.bind(res);
      res.write = ((...args: Parameters<typeof res.write>) => {
        const flowing = write(...args);
        if (!flowing) refused++;
        return flowing;
      }) as typeof res.write;
      await pipeline(Readable.from(generate()), res);
    };
    await stream(app, progress);
    expect(progress.consumed).toBe(CHUNK * 256);
    expect(progress.misordered).toBe(0);
    expect(progress.maxAhead).toBeLessThanOrEqual(BOUND);
    expect(refused).toBeGreaterThan(0);
  }, 30_000);

  it('a Hono app returning a 64 MB ReadableStream is read only as fast as the stream drains', async () => {
    const progress = { produced: 0, consumed: 0, maxAhead: 0, misordered: 0 };
    const app = new Hono();
    app.get('/stream', () => {
      let next = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (next === CHUNKS) return controller.close();
          track(progress, CHUNK);
          controller.enqueue(chunkAt(next++));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/octet-stream' } });
    });
    await stream(app, progress);
    expect(progress.consumed).toBe(CHUNK * CHUNKS);
    expect(progress.misordered).toBe(0);
    expect(progress.maxAhead).toBeLessThanOrEqual(BOUND);
  }, 30_000);
});
