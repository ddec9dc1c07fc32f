// Lambda@Edge events delivered to real Express 5 and Hono apps; the app's answers become the results
// CloudFront expects.
import express from 'express';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { createDispatcher } from '../../../dispatch/app.js';
import { createLambdaHandler } from '../../../handlers/lambda/index.js';
import { cloudFrontSource, type CloudFrontEvent } from './index.js';

const COOKIES = ['session=; Path=/; Max-Age=0', 'next=%2Ftest; Path=/; HttpOnly'];
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff]);

type Cf = { config: { eventType?: string }; request: { uri: string; querystring?: string; headers: Record<string, Array<{ key: string; value: string }>> } };
const cfOf = (event: unknown) => (event as { Records: Array<{ cf: Cf }> }).Records[0]?.cf as Cf;

/** The fixture with `cf.config.eventType` set, as CloudFront sends it. */
function event(path: string, eventType: string): CloudFrontEvent {
  const loaded = loadFixture(`aws-sam-cli/cloudfront/${path}`);
  cfOf(loaded).config.eventType = eventType;
  return loaded as CloudFrontEvent;
}

/**
 * One Edge app, twice: viewer-request for `/test` without `auth` redirects to a login page with two
 * cookies; with `auth=test` it forwards the request without its query string (a CloudFront request
 * object); the `/forecast/...` origin-request is answered with a PNG; viewer-response is left alone (204);
 * origin-response replaces the page.
 */
function expressApp() {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.json());
  app.post('/aws.cloudfront', (req, res) => {
    const cf = cfOf(req.body);
    switch (cf.config.eventType) {
      case 'viewer-request':
        if (cf.request.querystring?.includes('auth=test')) {
          res.json({ ...cf.request, querystring: '' });
          return;
        }
        res.append('set-cookie', COOKIES[0] as string).append('set-cookie', COOKIES[1] as string);
        res.redirect(302, 'https://example.com/login');
        return;
      case 'origin-request':
        res.type('image/png').send(PNG);
        return;
      case 'viewer-response':
        res.status(204).end();
        return;
      default:
        res.status(200).type('text/html').send('<h1>Maintenance</h1>');
    }
  });
  return app;
}

function honoApp() {
  const app = new Hono();
  app.post('/aws.cloudfront', async (c) => {
    const cf = cfOf(await c.req.json());
    switch (cf.config.eventType) {
      case 'viewer-request':
        if (cf.request.querystring?.includes('auth=test')) return c.json({ ...cf.request, querystring: '' });
        c.header('set-cookie', COOKIES[0] as string, { append: true });
        c.header('set-cookie', COOKIES[1] as string, { append: true });
        return c.redirect('https://example.com/login', 302);
      case 'origin-request':
        return c.body(new Uint8Array(PNG), 200, { 'content-type': 'image/png' });
      case 'viewer-response':
        return c.body(null, 204);
      default:
        return c.html('<h1>Maintenance</h1>');
    }
  });
  return app;
}

describe.each([
  ['Express 5', expressApp],
  ['Hono', honoApp],
])('CloudFront through %s', (_name, makeApp) => {
  const dispatch = createDispatcher(makeApp());
  async function deliver(input: CloudFrontEvent): Promise<unknown> {
    const body = Buffer.from(JSON.stringify(input));
    const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
    const response = await dispatch({ method: 'POST', url: cloudFrontSource.route(input), headers, body }, 5000);
    return cloudFrontSource.respond?.(response, input);
  }

  it('viewer-request: a redirect becomes a generated response, Set-Cookie repeated, content-length dropped', async () => {
    const result = await deliver(event('CloudFrontRedirectUnauthenticatedUsers.json', 'viewer-request'));
    const cookies = COOKIES.map((value) => ({ key: 'Set-Cookie', value }));
    const location = [{ key: 'Location', value: 'https://example.com/login' }];
    if (_name === 'Hono') {
      expect(result).toEqual({ status: '302', statusDescription: 'Found', headers: { location, 'set-cookie': cookies } });
    } else {
      // Express 5 answers a redirect with a short text body (no Accept header was sent) and `Vary: Accept`.
      expect(result).toEqual({
        status: '302',
        statusDescription: 'Found',
        headers: {
          'set-cookie': cookies,
          location,
          vary: [{ key: 'Vary', value: 'Accept' }],
          'content-type': [{ key: 'Content-Type', value: 'text/plain; charset=utf-8' }],
        },
        body: 'Found. Redirecting to https://example.com/login',
      });
    }
  });

  it('viewer-request: a CloudFront request object is the result as is (forwarded, query string dropped)', async () => {
    const input = event('CloudFrontModifyQueryString.json', 'viewer-request');
    expect(await deliver(input)).toEqual({ ...cfOf(input).request, querystring: '' });
  });

  it('origin-request: a binary answer is base64 with bodyEncoding', async () => {
    expect(await deliver(event('CloudFrontMultipleRemoteCallsAggregateResponse.json', 'origin-request'))).toEqual({
      status: '200',
      statusDescription: 'OK',
      headers: { 'content-type': [{ key: 'Content-Type', value: 'image/png' }] },
      body: PNG.toString('base64'),
      bodyEncoding: 'base64',
    });
  });

  it('viewer-response: 204 passes the origin response through unchanged', async () => {
    const input = event('CloudFrontModifyResponseHeader.json', 'viewer-response');
    expect(await deliver(input)).toEqual((input.Records[0]?.cf as { response: unknown }).response);
  });

  it('origin-response: a page replaces the response', async () => {
    const result = (await deliver(event('CloudFrontModifyResponseHeader.json', 'origin-response'))) as { headers: Record<string, Array<{ value: string }>> };
    expect(result).toEqual({
      status: '200',
      statusDescription: 'OK',
      headers: { 'content-type': [{ key: 'Content-Type', value: result.headers['content-type']?.[0]?.value }] },
      body: '<h1>Maintenance</h1>',
    });
    expect(result.headers['content-type']?.[0]?.value).toMatch(/^text\/html; charset=utf-8$/i);
  });
});

describe.each([
  ['Express 5', expressApp],
  ['Hono', honoApp],
])('CloudFront through createLambdaHandler and %s (2xx answers)', (_name, makeApp) => {
  const context = { awsRequestId: 'req-cf', getRemainingTimeInMillis: () => 5000 };
  const handler = createLambdaHandler(makeApp());

  it('a request object, a binary page and a pass-through are the Lambda@Edge results', async () => {
    const forward = event('CloudFrontModifyQueryString.json', 'viewer-request');
    expect(await handler(forward, context)).toEqual({ ...cfOf(forward).request, querystring: '' });
    const image = await handler(event('CloudFrontMultipleRemoteCallsAggregateResponse.json', 'origin-request'), context);
    expect(image).toEqual({
      status: '200',
      statusDescription: 'OK',
      headers: { 'content-type': [{ key: 'Content-Type', value: 'image/png' }] },
      body: PNG.toString('base64'),
      bodyEncoding: 'base64',
    });
    const passed = event('CloudFrontModifyResponseHeader.json', 'viewer-response');
    expect(await handler(passed, context)).toEqual((passed.Records[0]?.cf as { response: unknown }).response);
  });
});
