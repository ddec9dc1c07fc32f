/**
 * The same "echo" app in every framework the package supports, for tests: each records what it
 * received (method, url, headers, body bytes, remote address, the invocation seen by getInvocation())
 * and answers as the test's `respond` says. Real frameworks, no mocks.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express5 from 'express';
import express4 from 'express4';
import Koa from 'koa';
import fastify5 from 'fastify';
import fastify4 from 'fastify4';
import { Hono } from 'hono';
import connect from 'connect';
import { All, Controller, Module, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getInvocation } from '../../src/invocation.js';
import type { Invocation } from '../../src/invocation.js';

export interface Received {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  remoteAddress: string | undefined;
  invocation: Invocation | undefined;
}

/** What the app answers: a status (default 200), body and headers; or `throw`. */
export type Answer = { status?: number; body?: string | Buffer; headers?: Record<string, string | string[]> } | 'throw';
export type Respond = (received: Received) => Answer | Promise<Answer>;

export interface EchoApp {
  name: string;
  kind: 'listener' | 'fetch';
  app: unknown;
  received: Received[];
}

const ok: Respond = () => ({ status: 200, body: '{"ok":true}', headers: { 'content-type': 'application/json' } });

async function readAll(req: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function record(req: IncomingMessage, body: Buffer): Received {
  return {
    method: req.method ?? '',
    url: req.url ?? '',
    headers: { ...req.headers },
    body,
    remoteAddress: req.socket?.remoteAddress,
    invocation: getInvocation(),
  };
}

async function answerNode(res: ServerResponse, answer: Answer): Promise<void> {
  if (answer === 'throw') throw new Error('boom from the app');
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
  res.statusCode = answer.status ?? 200;
  res.end(answer.body ?? '');
}

/** A raw node:http listener. */
export function rawListener(respond: Respond = ok): EchoApp {
  const received: Received[] = [];
  const app = (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const r = record(req, await readAll(req));
      received.push(r);
      const answer = await respond(r);
      if (answer === 'throw') {
        res.statusCode = 500;
        res.end('internal error');
        return;
      }
      await answerNode(res, answer);
    })();
  };
  return { name: 'raw listener', kind: 'listener', app, received };
}

function expressApp(factory: typeof express5 | typeof express4, name: string, respond: Respond): EchoApp {
  const received: Received[] = [];
  const app = factory();
  app.use(factory.raw({ type: () => true, limit: '10mb' }));
  app.all(/.*/, async (req, res, next) => {
    try {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const r = record(req, body);
      received.push(r);
      const answer = await respond(r);
      if (answer === 'throw') throw new Error('boom from the app');
      await answerNode(res, answer);
    } catch (error) {
      next(error);
    }
  });
  return { name, kind: 'listener', app, received };
}

export const express5App = (respond: Respond = ok) => expressApp(express5, 'express 5', respond);
export const express4App = (respond: Respond = ok) => expressApp(express4 as unknown as typeof express5, 'express 4', respond);

export function connectApp(respond: Respond = ok): EchoApp {
  const received: Received[] = [];
  const app = connect();
  app.use((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    readAll(req)
      .then(async (body) => {
        const r = record(req, body);
        received.push(r);
        await answerNode(res, await respond(r));
      })
      .catch(next);
  });
  return { name: 'connect', kind: 'listener', app, received };
}

export function koaApp(respond: Respond = ok): EchoApp {
  const received: Received[] = [];
  const app = new Koa();
  app.silent = true;
  app.use(async (ctx) => {
    const r = record(ctx.req, await readAll(ctx.req));
    received.push(r);
    const answer = await respond(r);
    if (answer === 'throw') throw new Error('boom from the app');
    ctx.status = answer.status ?? 200;
    for (const [name, value] of Object.entries(answer.headers ?? {})) ctx.set(name, value as string);
    ctx.body = answer.body ?? '';
  });
  return { name: 'koa', kind: 'listener', app, received };
}

function fastifyApp(factory: typeof fastify5, name: string, respond: Respond): EchoApp {
  const received: Received[] = [];
  const app = factory({ bodyLimit: 10 * 1024 * 1024 });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.all('*', async (request, reply) => {
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const r = record(request.raw, body);
    received.push(r);
    const answer = await respond(r);
    if (answer === 'throw') throw new Error('boom from the app');
    reply.code(answer.status ?? 200);
    for (const [name, value] of Object.entries(answer.headers ?? {})) reply.header(name, value);
    return reply.send(answer.body ?? '');
  });
  return { name, kind: 'listener', app, received };
}

export const fastify5App = (respond: Respond = ok) => fastifyApp(fastify5, 'fastify 5', respond);
export const fastify4App = (respond: Respond = ok) => fastifyApp(fastify4 as unknown as typeof fastify5, 'fastify 4', respond);

export function honoApp(respond: Respond = ok): EchoApp {
  const received: Received[] = [];
  const app = new Hono();
  app.all('*', async (c) => {
    const url = new URL(c.req.url);
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((value, key) => (headers[key] = value));
    const r: Received = {
      method: c.req.method,
      url: url.pathname + url.search,
      headers,
      body: Buffer.from(await c.req.arrayBuffer()),
      remoteAddress: undefined,
      invocation: getInvocation(),
    };
    received.push(r);
    const answer = await respond(r);
    if (answer === 'throw') throw new Error('boom from the app');
    const response = new Response(answer.body ?? '', { status: answer.status ?? 200 });
    for (const [name, value] of Object.entries(answer.headers ?? {})) {
      response.headers.delete(name);
      for (const item of Array.isArray(value) ? value : [value]) response.headers.append(name, item);
    }
    return response;
  });
  return { name: 'hono', kind: 'fetch', app, received };
}

/** A fetch function `(request) => Response`. */
export function fetchFunction(respond: Respond = ok): EchoApp {
  const hono = honoApp(respond);
  const app = (request: Request) => (hono.app as Hono).fetch(request);
  return { ...hono, name: 'fetch function', app };
}

/** An http.Server whose 'request' listener is an Express app (what NestJS's getHttpServer() returns). */
export function httpServerApp(respond: Respond = ok): EchoApp {
  const inner = express5App(respond);
  return { ...inner, name: 'http.Server', app: createServer(inner.app as never) };
}

/** NestJS on Express, handed over as a Promise of its http.Server (async bootstrap). */
export function nestApp(respond: Respond = ok): EchoApp {
  const received: Received[] = [];
  @Controller()
  class EchoController {
    @All('*path')
    async echo(@Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
      const r = record(req, await readAll(req));
      received.push(r);
      await answerNode(res, await respond(r));
    }
  }
  @Module({ controllers: [EchoController] })
  class EchoModule {}
  const app = (async () => {
    const nest = await NestFactory.create(EchoModule, { bodyParser: false, logger: false });
    await nest.init();
    return nest.getHttpServer();
  })();
  return { name: 'nestjs', kind: 'listener', app, received };
}

/** Every app kind, fresh, answering with `respond`. */
export function allEchoApps(respond: Respond = ok): EchoApp[] {
  return [
    rawListener(respond),
    express5App(respond),
    express4App(respond),
    connectApp(respond),
    koaApp(respond),
    fastify5App(respond),
    fastify4App(respond),
    honoApp(respond),
    fetchFunction(respond),
    httpServerApp(respond),
    nestApp(respond),
  ];
}
