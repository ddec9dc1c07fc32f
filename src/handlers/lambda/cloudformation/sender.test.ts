import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { express5App } from '../../../../test/apps/echo.js';
import { EventDeliveryError } from '../../../errors.js';
import { createLambdaHandler } from '../index.js';

/**
 * The CloudFormation response PUT against real local servers: `stack` stands in for S3's presigned URL
 * (and answers redirects where the test asks), `elsewhere` is where a redirect points.
 */

interface Seen {
  method: string;
  url: string;
  body: string;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<{ server: Server; base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ method: req.method ?? '', url: req.url ?? '', body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

let stack: Awaited<ReturnType<typeof listen>>;
let elsewhere: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  elsewhere = await listen((_req, res) => res.end());
  stack = await listen((req, res) => {
    const redirect = /^\/redirect-(\d{3})/.exec(req.url ?? '');
    if (redirect !== null) {
      res.writeHead(Number(redirect[1]), { location: `${elsewhere.base}/stolen?X-Amz-Signature=secret` });
      res.end();
      return;
    }
    res.end();
  });
});
afterAll(async () => {
  for (const { server } of [stack, elsewhere]) await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => vi.restoreAllMocks());

const QUERY = '?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE&X-Amz-Signature=secret';

function cfnEvent(responseUrl: string) {
  const event = loadFixture('powertools/cloudformation/custom-resource-create.json') as Record<string, unknown>;
  return { ...event, ResponseURL: responseUrl };
}

function context(remaining: number) {
  const deadline = Date.now() + remaining;
  return { awsRequestId: 'r', logStreamName: 'stream', getRemainingTimeInMillis: () => deadline - Date.now() };
}

const app = () => express5App(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"PhysicalResourceId":"p1"}' })).app;

/** Everything an error carries, its cause chain included, as text. */
const everything = (error: unknown) => inspect(error, { depth: Infinity, showHidden: true });

describe('CloudFormation response PUT', () => {
  it('a fractional remaining time (2999.5 ms) still sends the PUT', async () => {
    stack.seen.length = 0;
    const fractional = { awsRequestId: 'r', logStreamName: 'stream', getRemainingTimeInMillis: () => 2999.5 };
    const result = await createLambdaHandler(app())(cfnEvent(`${stack.base}/response${QUERY}`), fractional);
    expect(result).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'p1' });
    expect(stack.seen).toHaveLength(1);
    expect(stack.seen[0]!.method).toBe('PUT');
    expect(JSON.parse(stack.seen[0]!.body)).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'p1' });
  });

  for (const status of [303, 302, 307, 308, 301]) {
    it(`a ${status} is not followed: nothing reaches the new location, the invocation rejects`, async () => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      stack.seen.length = 0;
      elsewhere.seen.length = 0;
      const error = (await createLambdaHandler(app())(cfnEvent(`${stack.base}/redirect-${status}${QUERY}`), context(5000)).catch((e: unknown) => e)) as EventDeliveryError;
      expect(error).toBeInstanceOf(EventDeliveryError);
      expect([error.code, error.statusCode]).toEqual(['CALLBACK_FAILED', status]);
      expect((error.cause as { code: string }).code).toBe('CALLBACK_REDIRECTED');
      expect(error.message).toContain(`it answered ${status}, a redirect (not followed)`);
      expect(stack.seen).toHaveLength(1); // not retried
      expect(elsewhere.seen).toEqual([]);
      expect(everything(error)).not.toContain('secret');
    });
  }

  it('a refused connection: the error and the log name scheme, host and path, never the query', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const closed = await listen(() => undefined);
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    const url = `${closed.base}/response${QUERY}`;
    const error = (await createLambdaHandler(app())(cfnEvent(url), context(4000)).catch((e: unknown) => e)) as EventDeliveryError;
    expect(error).toBeInstanceOf(EventDeliveryError);
    expect(error.code).toBe('CALLBACK_FAILED');
    expect(error.message).toContain(`${closed.base}/response: fetch failed`);
    expect(everything(error)).toContain('ECONNREFUSED');
    for (const text of [everything(error), ...errors.mock.calls.map((call) => everything(call))]) {
      expect(text).not.toContain('X-Amz');
      expect(text).not.toContain('secret');
    }
  });

  it('an invalid port in the URL: undici quotes the URL, the error does not', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const url = `http://127.0.0.1:99999/response${QUERY}`;
    const error = (await createLambdaHandler(app())(cfnEvent(url), context(4000)).catch((e: unknown) => e)) as EventDeliveryError;
    expect(error).toBeInstanceOf(EventDeliveryError);
    expect(error.code).toBe('CALLBACK_FAILED');
    expect(error.message).toContain('http://127.0.0.1:99999/response');
    expect(everything(error)).toContain('ERR_INVALID_URL');
    for (const text of [everything(error), ...errors.mock.calls.map((call) => everything(call))]) {
      expect(text).not.toContain('X-Amz');
      expect(text).not.toContain('secret');
    }
  });
});
