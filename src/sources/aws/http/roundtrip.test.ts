// One round trip per HTTP source through real apps: event -> toRequest -> createDispatcher(app) -> respond.
import express from 'express';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { createDispatcher } from '../../../dispatch/app.js';
import type { HttpEventSource } from '../../types.js';
import { albSource } from './elb/index.js';
import { apiGatewayHttpSource } from './apigateway-http/index.js';
import { apiGatewayRestSource } from './apigateway/index.js';
import { functionUrlSource } from './lambda-url/index.js';
import { vpcLatticeSource } from './vpclattice/index.js';

/** A PNG signature with a byte that is not UTF-8: must come back base64. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff]);
const PNG_BASE64 = 'iVBORw0KGgr/';
const COOKIES = ['session=abc; Path=/; HttpOnly', 'theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT'];

interface Received {
  method: string;
  url: string;
  query: Record<string, unknown>;
  headers: Record<string, string | undefined>;
  body: string;
  remoteAddress?: string | undefined;
}

/** An Express 5 app recording what it got; answers 201 with a binary body, two cookies and a header. */
function expressApp(received: Received[]) {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.raw({ type: () => true }));
  app.use((req, res) => {
    received.push({
      method: req.method,
      url: req.originalUrl,
      query: { ...(req.query as Record<string, unknown>) },
      headers: { cookie: req.headers.cookie, 'content-type': req.headers['content-type'], 'content-length': req.headers['content-length'] },
      body: Buffer.isBuffer(req.body) ? req.body.toString('base64') : '',
      remoteAddress: req.socket.remoteAddress,
    });
    res.status(201).append('set-cookie', COOKIES[0]).append('set-cookie', COOKIES[1]).set('x-path', req.path).type('png').send(PNG);
  });
  return app;
}

/** The same app in Hono (a fetch app). */
function honoApp(received: Received[]) {
  const app = new Hono();
  app.all('*', async (c) => {
    const url = new URL(c.req.url);
    received.push({
      method: c.req.method,
      url: url.pathname + url.search,
      query: c.req.queries() as Record<string, unknown>,
      headers: { cookie: c.req.header('cookie'), 'content-type': c.req.header('content-type'), 'content-length': c.req.header('content-length') },
      body: Buffer.from(await c.req.arrayBuffer()).toString('base64'),
    });
    c.header('set-cookie', COOKIES[0], { append: true });
    c.header('set-cookie', COOKIES[1], { append: true });
    c.header('x-path', c.req.path);
    return c.body(new Uint8Array(PNG), 201, { 'content-type': 'image/png' });
  });
  return app;
}

interface Case {
  name: string;
  source: HttpEventSource;
  event: unknown;
  /** What both apps receive (remoteAddress: Express only). */
  received: Omit<Received, 'remoteAddress'> & { remoteAddress: string | undefined };
  /** The Lambda result, given the response headers the app produced. */
  result: (headers: Record<string, string>) => unknown;
}

const rest = loadFixture('aws-lambda-go/apigw-request.json') as Record<string, unknown>;
const v2 = loadFixture('aws-lambda-go/apigw-v2-request-iam.json') as { requestContext: { http: Record<string, unknown> } } & Record<string, unknown>;
const url = loadFixture('aws-lambda-go/lambda-urls-request.json') as Record<string, unknown>;
const albSingle = loadFixture('aws-lambda-go/alb-lambda-target-request-headers-only.json') as Record<string, unknown>;
const albMulti = loadFixture('aws-lambda-go/alb-lambda-target-request-multivalue-headers.json') as Record<string, unknown>;
const latticeV1 = loadFixture('powertools/vpc-lattice/base.json') as Record<string, unknown>;
const latticeV2 = loadFixture('powertools/vpc-lattice-v2/base.json') as Record<string, unknown>;

const JSON_BODY = Buffer.from('{"message": "Hello from Lambda!"}').toString('base64');

const cases: Case[] = [
  {
    name: 'API Gateway REST',
    source: apiGatewayRestSource,
    event: { ...rest, multiValueQueryStringParameters: { name: ['me', 'you & I'] }, body: PNG_BASE64, isBase64Encoded: true, headers: {}, multiValueHeaders: { 'Content-Type': ['image/png'], Cookie: ['a=1'] } },
    received: { method: 'POST', url: '/hello/world?name=me&name=you%20%26%20I', query: { name: ['me', 'you & I'] }, headers: { cookie: 'a=1', 'content-type': 'image/png', 'content-length': '9' }, body: PNG_BASE64, remoteAddress: '192.168.196.186' },
    result: (headers) => ({
      statusCode: 201,
      headers,
      multiValueHeaders: { ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])), 'set-cookie': COOKIES },
      body: PNG_BASE64,
      isBase64Encoded: true,
    }),
  },
  {
    name: 'API Gateway HTTP API',
    source: apiGatewayHttpSource,
    event: { ...v2, requestContext: { ...v2.requestContext, http: { ...v2.requestContext.http, method: 'POST', sourceIp: '203.0.113.9' } } },
    received: {
      method: 'POST', url: '/my/path?parameter1=value1&parameter1=value2&parameter2=value', query: { parameter1: ['value1', 'value2'], parameter2: ['value'] },
      headers: { cookie: 'cookie1; cookie2', 'content-type': undefined, 'content-length': '13' }, body: Buffer.from('{\r\n\t"a": 1\r\n}').toString('base64'), remoteAddress: '203.0.113.9',
    },
    result: (headers) => ({ statusCode: 201, headers, cookies: COOKIES, body: PNG_BASE64, isBase64Encoded: true }),
  },
  {
    name: 'Function URL',
    source: functionUrlSource,
    event: url,
    received: {
      method: 'POST', url: '/my/path?parameter1=value1&parameter1=value2&parameter2=value', query: { parameter1: ['value1', 'value2'], parameter2: ['value'] },
      headers: { cookie: 'cookie1; cookie2', 'content-type': undefined, 'content-length': '18' }, body: Buffer.from('Hello from client!').toString('base64'), remoteAddress: '123.123.123.123',
    },
    result: (headers) => ({ statusCode: 201, headers, cookies: COOKIES, body: PNG_BASE64, isBase64Encoded: true }),
  },
  {
    name: 'ALB (single-value headers)',
    source: albSource,
    event: { ...albSingle, queryStringParameters: { key: 'a%20b' } },
    received: { method: 'GET', url: '/?key=a%20b', query: { key: ['a b'] }, headers: { cookie: undefined, 'content-type': undefined, 'content-length': undefined }, body: '', remoteAddress: '25.12.198.67' },
    result: (headers) => ({ statusCode: 201, statusDescription: '201 Created', headers: { ...headers, 'set-cookie': COOKIES[1] }, body: PNG_BASE64, isBase64Encoded: true }),
  },
  {
    name: 'ALB (multi-value headers)',
    source: albSource,
    event: { ...albMulti, httpMethod: 'PUT', body: 'payload', multiValueHeaders: { ...(albMulti.multiValueHeaders as object), cookie: ['a=1', 'b=2'] } },
    received: { method: 'PUT', url: '/?key=hello', query: { key: ['hello'] }, headers: { cookie: 'a=1; b=2', 'content-type': undefined, 'content-length': '7' }, body: Buffer.from('payload').toString('base64'), remoteAddress: '72.21.198.67' },
    result: (headers) => ({
      statusCode: 201,
      statusDescription: '201 Created',
      multiValueHeaders: { ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])), 'set-cookie': COOKIES },
      body: PNG_BASE64,
      isBase64Encoded: true,
    }),
  },
  {
    name: 'VPC Lattice v1',
    source: vpcLatticeSource,
    event: { ...latticeV1, method: 'POST' },
    received: { method: 'POST', url: '/testpath?order-id=1', query: { 'order-id': ['1'] }, headers: { cookie: undefined, 'content-type': undefined, 'content-length': '33' }, body: JSON_BODY, remoteAddress: '10.213.229.10' },
    result: (headers) => ({ statusCode: 201, statusDescription: '201 Created', headers: { ...headers, 'set-cookie': COOKIES[1] }, body: PNG_BASE64, isBase64Encoded: true }),
  },
  {
    name: 'VPC Lattice v2',
    source: vpcLatticeSource,
    event: { ...latticeV2, method: 'PATCH' },
    received: { method: 'PATCH', url: '/newpath?order-id=1', query: { 'order-id': ['1'] }, headers: { cookie: undefined, 'content-type': undefined, 'content-length': '33' }, body: JSON_BODY, remoteAddress: '10.213.229.10' },
    result: (headers) => ({ statusCode: 201, statusDescription: '201 Created', headers: { ...headers, 'set-cookie': COOKIES[1] }, body: PNG_BASE64, isBase64Encoded: true }),
  },
];

/** Express's `req.query` values are a string for one value, an array for several: compare as arrays. */
function asArrays(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
}

describe('HTTP events round trip through real apps', () => {
  it.each(cases)('$name through Express 5', async ({ source, event, received: expected, result }) => {
    const received: Received[] = [];
    const request = source.toRequest?.(event);
    if (request === undefined) throw new Error('no toRequest');
    const response = await createDispatcher(expressApp(received))(request, 5000);
    expect(received).toHaveLength(1);
    const [got] = received as [Received];
    expect({ ...got, query: asArrays(got.query) }).toEqual(expected);
    expect(response.headers['set-cookie']).toEqual(COOKIES);
    const path = expected.url.split('?')[0] as string;
    expect(source.respond?.(response, event)).toEqual(result({ 'content-type': 'image/png', 'x-path': path, 'content-length': '9' }));
  });

  it.each(cases)('$name through Hono', async ({ source, event, received: expected, result }) => {
    const received: Received[] = [];
    const request = source.toRequest?.(event);
    if (request === undefined) throw new Error('no toRequest');
    const response = await createDispatcher(honoApp(received))(request, 5000);
    expect(received).toHaveLength(1);
    const { remoteAddress: _, ...fetchExpected } = expected;
    // A fetch Request carries no body for GET and HEAD.
    expect(received[0]).toEqual(fetchExpected);
    const path = expected.url.split('?')[0] as string;
    expect(source.respond?.(response, event)).toEqual(result({ 'content-type': 'image/png', 'x-path': path }));
  });
});
