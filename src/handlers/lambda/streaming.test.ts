import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
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
