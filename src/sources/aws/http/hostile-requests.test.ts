// HTTP events whose request no HTTP parser would accept (a method or a header name that is not a
// token) get a 400 in the event's own response format, and headers named like Object.prototype members
// reach the app intact. Delivered through createLambdaHandler to real Express 5 and Hono apps.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { express5App, honoApp } from '../../../../test/apps/echo.js';
import type { Received } from '../../../../test/apps/echo.js';
import { createLambdaHandler } from '../../../handlers/lambda/index.js';
import { findSource } from '../../index.js';

type Headers = Record<string, unknown>;

/** One HTTP source: its registry name, the field holding the method, and an event builder. */
interface HttpSource {
  name: string;
  variant: string;
  methodField: string;
  headersField: string;
  multi: boolean;
  event: (method: unknown, headers: Headers) => unknown;
}

const arrays = (headers: Headers): Headers => {
  const out: Headers = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    Object.defineProperty(out, name, { value: Array.isArray(value) ? value : [value], enumerable: true, writable: true, configurable: true });
  }
  return out;
};

const SOURCES: HttpSource[] = [
  {
    name: 'aws.apigateway', variant: 'REST, headers', methodField: 'httpMethod', headersField: 'headers', multi: false,
    event: (httpMethod, headers) => ({ resource: '/{proxy+}', path: '/p', httpMethod, headers, multiValueHeaders: null, body: null, isBase64Encoded: false,
      requestContext: { stage: 'prod', requestId: 'r', identity: { sourceIp: '192.0.2.1' } } }),
  },
  {
    name: 'aws.apigateway', variant: 'REST, multiValueHeaders', methodField: 'httpMethod', headersField: 'multiValueHeaders', multi: true,
    event: (httpMethod, headers) => ({ resource: '/{proxy+}', path: '/p', httpMethod, headers: {}, multiValueHeaders: arrays(headers), body: null,
      isBase64Encoded: false, requestContext: { stage: 'prod', requestId: 'r', identity: { sourceIp: '192.0.2.1' } } }),
  },
  {
    name: 'aws.apigateway.http', variant: 'HTTP API 2.0', methodField: 'requestContext.http.method', headersField: 'headers', multi: false,
    event: (method, headers) => ({ version: '2.0', routeKey: '$default', rawPath: '/p', rawQueryString: '', headers, isBase64Encoded: false,
      requestContext: { domainName: 'api.example.com', requestId: 'r', http: { method, path: '/p', sourceIp: '192.0.2.1' } } }),
  },
  {
    name: 'aws.lambda.url', variant: 'Function URL', methodField: 'requestContext.http.method', headersField: 'headers', multi: false,
    event: (method, headers) => ({ version: '2.0', routeKey: '$default', rawPath: '/p', rawQueryString: '', headers, isBase64Encoded: false,
      requestContext: { domainName: 'abc.lambda-url.us-east-1.on.aws', requestId: 'r', http: { method, path: '/p', sourceIp: '192.0.2.1' } } }),
  },
  {
    name: 'aws.elb', variant: 'ALB, headers', methodField: 'httpMethod', headersField: 'headers', multi: false,
    event: (httpMethod, headers) => ({ requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:tg' } }, httpMethod, path: '/p',
      queryStringParameters: {}, headers, body: '', isBase64Encoded: false }),
  },
  {
    name: 'aws.elb', variant: 'ALB, multiValueHeaders', methodField: 'httpMethod', headersField: 'multiValueHeaders', multi: true,
    event: (httpMethod, headers) => ({ requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:tg' } }, httpMethod, path: '/p',
      multiValueQueryStringParameters: {}, multiValueHeaders: arrays(headers), body: '', isBase64Encoded: false }),
  },
  {
    name: 'aws.vpclattice', variant: 'Lattice v1', methodField: 'method', headersField: 'headers', multi: false,
    event: (method, headers) => ({ raw_path: '/p', method, headers, body: '', is_base64_encoded: false }),
  },
  {
    name: 'aws.vpclattice', variant: 'Lattice v2', methodField: 'method', headersField: 'headers', multi: true,
    event: (method, headers) => ({ version: '2.0', path: '/p', method, headers: arrays(headers), body: '', isBase64Encoded: false,
      requestContext: { serviceNetworkArn: 'arn:sn', serviceArn: 'arn:svc', timeEpoch: '1700000000000000' } }),
  },
];

const context = { awsRequestId: 'r', getRemainingTimeInMillis: () => 5000 };

afterEach(() => vi.restoreAllMocks());

/** Headers as an event's JSON has them: own members, `__proto__` included. */
const json = (text: string): Headers => JSON.parse(text) as Headers;

async function expect400(source: HttpSource, event: unknown, field: string): Promise<void> {
  for (const echo of [express5App(), honoApp()]) {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = (await createLambdaHandler(echo.app)(event, context)) as { statusCode: number; body: string; statusDescription?: string };
    const where = `${source.variant} on ${echo.name}`;
    expect(result.statusCode, where).toBe(400);
    expect(JSON.parse(result.body), where).toMatchObject({ code: 'INVALID_REQUEST', field, message: expect.stringContaining(field === source.methodField ? field : 'header name') });
    if (source.name === 'aws.elb' || source.name === 'aws.vpclattice') expect(result.statusDescription, where).toBe('400 Bad Request');
    expect(echo.received, where).toHaveLength(0);
    expect(errors.mock.calls.flat().join(' '), where).not.toMatch(/app threw/);
    errors.mockRestore();
  }
}

describe('HTTP events: invalid methods and header names are answered 400 in the event format', () => {
  for (const source of SOURCES) {
    it(`${source.variant}: a method that is not a token`, async () => {
      let tried = 0;
      for (const method of ['GET /x', 'G\r\nET', '', ' GET', 'GÉT', 42, null, true]) {
        const event = source.event(method, { host: 'example.com' });
        // A guard that requires a string method does not recognise the event at all: not this source.
        if (findSource(event)?.name !== source.name) continue;
        tried++;
        await expect400(source, event, source.methodField);
      }
      expect(tried).toBeGreaterThanOrEqual(5);
    });

    it(`${source.variant}: a header name that is not a token`, async () => {
      for (const name of ['bad name', 'x\r\ny', 'x:y', 'caf\u00e9']) {
        const event = source.event('GET', { host: 'example.com', [name]: 'v' });
        expect(findSource(event)?.name).toBe(source.name);
        await expect400(source, event, source.headersField);
      }
    });

    it(`${source.variant}: valid methods still reach the app`, async () => {
      const echo = express5App();
      for (const method of ['GET', 'PATCH', 'PROPFIND']) {
        const result = (await createLambdaHandler(echo.app)(source.event(method, { host: 'example.com' }), context)) as { statusCode: number };
        expect(result.statusCode).toBe(200);
      }
      expect(echo.received.map((r) => r.method)).toEqual(['GET', 'PATCH', 'PROPFIND']);
    });
  }
});

describe('HTTP events: headers named like Object.prototype members reach Express 5 intact', () => {
  const names = '{"constructor":"c1","__proto__":"p1","toString":"t1","hasOwnProperty":"h1","valueOf":"v1","host":"example.com"}';
  for (const source of SOURCES) {
    it(`${source.variant}`, async () => {
      const echo = express5App();
      await createLambdaHandler(echo.app)(source.event('GET', json(names)), context);
      const headers = (echo.received[0] as Received).headers;
      expect(Object.hasOwn(headers, '__proto__')).toBe(true);
      expect([headers.constructor, headers['__proto__'], headers.tostring, headers.hasownproperty, headers.valueof]).toEqual(['c1', 'p1', 't1', 'h1', 'v1']);
    });

    if (source.multi) {
      it(`${source.variant}: repeated`, async () => {
        const echo = express5App();
        const repeated = json('{"constructor":["c1","c2"],"__proto__":["p1","p2"],"toString":["t1","t2"],"host":["example.com"]}');
        await createLambdaHandler(echo.app)(source.event('GET', repeated), context);
        const headers = (echo.received[0] as Received).headers;
        expect([headers.constructor, headers['__proto__'], headers.tostring]).toEqual(['c1, c2', 'p1, p2', 't1, t2']);
      });
    }
  }
});

describe('HTTP events: header values as Node would deliver them', () => {
  for (const source of SOURCES) {
    it(`${source.variant}: CR/LF/NUL values dropped, non-ASCII as its UTF-8 bytes read as Latin-1`, async () => {
      const echo = express5App();
      const headers = { host: 'example.com', 'x-crlf': 'a\r\nx-injected: 1', 'x-nul': 'a\u0000b', 'x-wide': 'é€', 'x-latin': 'café' };
      await createLambdaHandler(echo.app)(source.event('GET', headers), context);
      const received = (echo.received[0] as Received).headers;
      expect(received['x-crlf']).toBeUndefined();
      expect(received['x-injected']).toBeUndefined();
      expect(received['x-nul']).toBeUndefined();
      expect(received['x-wide']).toBe(Buffer.from('é€', 'utf8').toString('latin1'));
      expect(received['x-latin']).toBe('café');
    });
  }
});
