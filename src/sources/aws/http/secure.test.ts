import express from 'express';
import { Hono } from 'hono';
import Koa from 'koa';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { createLambdaHandler } from '../../../handlers/lambda/index.js';

/**
 * API Gateway (REST and HTTP APIs) and Function URLs accept https alone; ALB and VPC Lattice say in
 * `x-forwarded-proto` what the client used. The app sees the request as it arrived: Express's
 * `req.secure` and `req.protocol` (read from `req.connection.encrypted`, no `trust proxy` needed), Koa's
 * `ctx.protocol`, a fetch app's `Request` URL.
 */

interface Seen {
  secure: boolean;
  protocol: string;
}

function expressSeeing(): unknown {
  const app = express();
  app.use((req, res) => void res.json({ secure: req.secure, protocol: req.protocol }));
  return app;
}

function koaSeeing(): unknown {
  const app = new Koa();
  app.use((ctx) => {
    ctx.body = { secure: ctx.secure, protocol: ctx.protocol };
  });
  return app;
}

function honoSeeing(): unknown {
  const app = new Hono();
  app.all('*', (c) => {
    const protocol = new URL(c.req.url).protocol.replace(/:$/, '');
    return c.json({ secure: protocol === 'https', protocol });
  });
  return app;
}

const apps: [string, () => unknown][] = [['Express 5', expressSeeing], ['Koa', koaSeeing], ['Hono', honoSeeing]];

function withForwardedProto(proto: string | undefined): unknown {
  const event = loadFixture('aws-lambda-go/alb-lambda-target-request-headers-only.json') as { headers: Record<string, string> };
  const headers = { ...event.headers };
  if (proto === undefined) delete headers['x-forwarded-proto'];
  else headers['x-forwarded-proto'] = proto;
  return { ...event, headers };
}

const events: [string, () => unknown, Seen][] = [
  ['an HTTP API (payload 2.0) event', () => loadFixture('aws-lambda-go/apigw-v2-request-no-authorizer.json'), { secure: true, protocol: 'https' }],
  ['a Function URL event', () => loadFixture('aws-lambda-go/lambda-urls-request.json'), { secure: true, protocol: 'https' }],
  ['a REST API (payload 1.0) event', () => loadFixture('aws-lambda-go/apigw-request.json'), { secure: true, protocol: 'https' }],
  ['an ALB event with x-forwarded-proto: https', () => withForwardedProto('https'), { secure: true, protocol: 'https' }],
  ['an ALB event with x-forwarded-proto: http', () => withForwardedProto('http'), { secure: false, protocol: 'http' }],
  ['an ALB event without x-forwarded-proto', () => withForwardedProto(undefined), { secure: false, protocol: 'http' }],
  ['a VPC Lattice v2 event with x-forwarded-proto: https', () => latticeWith('https'), { secure: true, protocol: 'https' }],
  ['a VPC Lattice v2 event without x-forwarded-proto', () => latticeWith(undefined), { secure: false, protocol: 'http' }],
];

function latticeWith(proto: string | undefined): unknown {
  const event = loadFixture('powertools/vpc-lattice-v2/base.json') as { headers: Record<string, string[]> };
  const headers: Record<string, string[]> = { ...event.headers };
  delete headers['x-forwarded-proto'];
  if (proto !== undefined) headers['x-forwarded-proto'] = [proto];
  return { ...event, headers };
}

const context = { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 5000 };

describe('HTTP events arrive as https when the platform received them over https', () => {
  for (const [appName, makeApp] of apps) {
    for (const [eventName, makeEvent, expected] of events) {
      it(`${appName}: ${eventName} is ${expected.protocol}`, async () => {
        const result = (await createLambdaHandler(makeApp())(makeEvent(), context)) as { statusCode: number; body: string };
        expect(result.statusCode).toBe(200);
        expect(JSON.parse(result.body)).toEqual(expected);
      });
    }
  }
});
