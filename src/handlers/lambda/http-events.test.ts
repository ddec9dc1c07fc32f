import { afterEach, describe, expect, it, vi } from 'vitest';
import { express5App, honoApp } from '../../../test/apps/echo.js';
import express from 'express';
import { loadFixture } from '../../../test/fixtures/load.js';
import { createLambdaHandler } from './index.js';

/** An API Gateway HTTP API (payload 2.0) request, shaped as AWS documents it. */
function httpApiEvent(overrides: Record<string, unknown> = {}) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/books/42',
    rawQueryString: 'lang=en&tag=a&tag=b',
    cookies: ['session=abc', 'theme=dark'],
    headers: { 'content-type': 'application/octet-stream', 'x-custom': 'one', host: 'api.example.com' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api-id',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method: 'POST', path: '/books/42', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'curl/8' },
      requestId: 'req-id',
      routeKey: '$default',
      stage: '$default',
      time: '24/Nov/2026:19:03:58 +0000',
      timeEpoch: 1795547038000,
    },
    body: Buffer.from([0, 1, 2, 250, 255]).toString('base64'),
    isBase64Encoded: true,
    ...overrides,
  };
}

const context = { awsRequestId: 'lambda-req', getRemainingTimeInMillis: () => 5000 };

afterEach(() => vi.restoreAllMocks());

describe('HTTP events in the same handler (API Gateway HTTP API)', () => {
  for (const makeApp of [express5App, honoApp]) {
    for (const mode of ['event', 'record'] as const) {
      it(`${makeApp().name}, ${mode} mode: the carried request in, the event's own response format out`, async () => {
        const echo = makeApp(() => ({
          status: 201,
          body: Buffer.from([137, 80, 78, 71, 0, 255]),
          headers: { 'content-type': 'image/png', 'set-cookie': ['a=1; Path=/', 'b=2; Path=/'] },
        }));
        const result = await createLambdaHandler(echo.app, { mode })(httpApiEvent(), context);
        const received = echo.received[0]!;
        expect(received.method).toBe('POST');
        expect(received.url).toBe('/books/42?lang=en&tag=a&tag=b');
        expect(received.headers['x-custom']).toBe('one');
        expect(received.headers.cookie).toBe('session=abc; theme=dark');
        expect(received.headers['x-amzn-request-id']).toBe('lambda-req');
        expect(received.body).toEqual(Buffer.from([0, 1, 2, 250, 255]));
        expect(result).toMatchObject({
          statusCode: 201,
          cookies: ['a=1; Path=/', 'b=2; Path=/'],
          body: Buffer.from([137, 80, 78, 71, 0, 255]).toString('base64'),
          isBase64Encoded: true,
        });
        expect((result as { headers: Record<string, string> }).headers['content-type']).toBe('image/png');
      });
    }
  }

  it('a 404 or 500 from the app is an HTTP answer, not a failed invocation', async () => {
    const echo = express5App(() => ({ status: 404, body: 'no such book', headers: { 'content-type': 'text/plain' } }));
    expect(await createLambdaHandler(echo.app)(httpApiEvent(), context)).toMatchObject({ statusCode: 404, body: 'no such book', isBase64Encoded: false });
  });

  it('an app that throws is answered 500 in the event\'s format; one that never answers 504, before the deadline', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const thrower = (req: unknown, res: unknown) => {
      void [req, res];
      throw new Error('boom');
    };
    expect(await createLambdaHandler(thrower)(httpApiEvent(), context)).toMatchObject({ statusCode: 500, body: 'Internal Server Error' });
    const never = (req: unknown, res: unknown) => void [req, res];
    const started = Date.now();
    const result = await createLambdaHandler(never)(httpApiEvent(), { getRemainingTimeInMillis: () => 300 });
    expect(Date.now() - started).toBeLessThan(300);
    expect(result).toMatchObject({ statusCode: 504 });
  });
});

describe('HTTP events: a client cannot forge the invocation headers', () => {
  const forged = {
    'x-amzn-request-id': 'forged-id',
    'x-amzn-lambda-context': '{"functionName":"forged"}',
    'x-amzn-trace-id': 'Root=1-forged',
    'x-tenant': 'from-client',
  };

  afterEach(() => vi.unstubAllEnvs());

  for (const mode of ['event', 'record'] as const) {
    it(`express 5, ${mode} mode: ours win over the event's; the event's win over request defaults`, async () => {
      vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-lambda');
      const echo = express5App();
      const event = httpApiEvent({ headers: { ...httpApiEvent().headers, ...forged } });
      await createLambdaHandler(echo.app, { mode, request: { headers: { 'x-tenant': 'default', 'x-extra': 'default' } } })(event, context);
      const headers = echo.received[0]!.headers;
      expect(headers['x-amzn-request-id']).toBe('lambda-req');
      expect(headers['x-amzn-trace-id']).toBe('Root=1-lambda');
      expect(JSON.parse(headers['x-amzn-lambda-context'] as string)).toMatchObject({ awsRequestId: 'lambda-req' });
      expect(headers['x-amzn-lambda-context']).not.toContain('forged');
      expect([headers['x-tenant'], headers['x-extra']]).toEqual(['from-client', 'default']);
    });
  }

  it('without a context, the forged request id and context are dropped; the event\'s trace id is kept', async () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', '');
    const echo = express5App();
    await createLambdaHandler(echo.app)(httpApiEvent({ headers: { ...httpApiEvent().headers, ...forged } }), undefined as never);
    const headers = echo.received[0]!.headers;
    expect(headers['x-amzn-request-id']).toBeUndefined();
    expect(headers['x-amzn-lambda-context']).toBeUndefined();
    expect(headers['x-amzn-trace-id']).toBe('Root=1-forged');
  });
});

describe("HTTP events: a client's own trace context stays the request's", () => {
  const xray = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
  const clientTrace = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'congo=t61rcWkgMzE' };

  afterEach(() => vi.unstubAllEnvs());

  it("express 5: the client's traceparent and tracestate win over Lambda's; without them, Lambda's trace is the traceparent", async () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', xray);
    const echo = express5App();
    const handler = createLambdaHandler(echo.app);
    await handler(httpApiEvent({ headers: { ...httpApiEvent().headers, ...clientTrace } }), context);
    await handler(httpApiEvent(), context);
    const [traced, untraced] = echo.received.map((request) => request.headers);
    expect([traced!.traceparent, traced!.tracestate, traced!['x-amzn-trace-id']]).toEqual([clientTrace.traceparent, clientTrace.tracestate, xray]);
    expect(untraced!.traceparent).toBe('00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01');
  });
});

describe('HTTP events: an app that never answers gets a 504 in the event\'s own format', () => {
  const albEvent = () => loadFixture('aws-lambda-go/alb-lambda-target-request-headers-only.json') as Record<string, unknown>;

  for (const mode of ['event', 'record'] as const) {
    it(`express 5, ${mode} mode: HTTP API v2 and ALB, logged`, async () => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const app = express();
      app.all(/.*/, () => undefined); // never answers
      const handler = createLambdaHandler(app, { mode, timeoutMarginMs: 100 });
      const short = { awsRequestId: 'lambda-req', getRemainingTimeInMillis: () => 250 };

      const v2 = (await handler(httpApiEvent(), short)) as { statusCode: number; headers: Record<string, string>; body: string; cookies: string[] };
      expect(v2).toMatchObject({ statusCode: 504, body: 'Gateway Timeout', isBase64Encoded: false, cookies: [] });
      expect(v2.headers['content-type']).toBe('text/plain; charset=utf-8');

      const alb = (await handler(albEvent(), short)) as { statusCode: number; statusDescription: string; body: string };
      expect(alb).toMatchObject({ statusCode: 504, statusDescription: '504 Gateway Timeout', body: 'Gateway Timeout' });

      expect(errors).toHaveBeenCalledTimes(2);
      expect(String(errors.mock.calls[0]![0])).toMatch(/did not answer POST \/books\/42.*504/);
    });
  }

  it('no time left at all (Lambda reports 0 ms): the app is not called, the event is answered 504, logged', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const echo = express5App();
    const result = await createLambdaHandler(echo.app)(httpApiEvent(), { awsRequestId: 'lambda-req', getRemainingTimeInMillis: () => 0 });
    expect(result).toMatchObject({ statusCode: 504, body: 'Gateway Timeout' });
    expect(echo.received).toEqual([]);
    expect(String(errors.mock.calls[0]![0])).toMatch(/deadline had passed: answering 504/);
  });
});
