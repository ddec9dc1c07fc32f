import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import express4 from 'express4';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/fixtures/load.js';
import { createLambdaHandler } from '../../handlers/lambda/index.js';
import { createDispatcher } from '../app.js';

/**
 * What is reported is what was sent: the status and headers of the head as it went out (writeHead, or
 * the implicit head of the first write or of end), not what the response object says later. A real
 * server has sent the head by then; a status set afterwards never reaches the client.
 */

const get = (url: string) => ({ method: 'GET', url, headers: { host: 'localhost' } });
const context = { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 5000 };

describe('the status and headers reported are those sent with the head', () => {
  it('a raw listener: end() then statusCode = 500 reports the 200 it sent', async () => {
    const listener = (_req: IncomingMessage, res: ServerResponse) => {
      res.setHeader('x-sent', 'yes');
      res.end('done');
      res.statusCode = 500;
    };
    const response = await createDispatcher(listener)(get('/'), 1000);
    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual({ 'x-sent': 'yes' });
    expect(response.body.toString()).toBe('done');
  });

  it('a raw listener: writeHead(201), write, then statusCode = 500 before end reports 201', async () => {
    const listener = (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(201, { 'content-type': 'text/plain' });
      res.write('part');
      res.statusCode = 500;
      res.end();
    };
    const response = await createDispatcher(listener)(get('/'), 1000);
    expect(response.statusCode).toBe(201);
    expect(response.body.toString()).toBe('part');
  });

  // An error handler that sets the status first, as most do, runs after the answer went out when a
  // handler throws after sending: it changes res.statusCode, and its own send throws ERR_HTTP_HEADERS_SENT.
  const errorHandler = (error: Error, _req: Request, res: Response, next: NextFunction) => {
    res.status(500);
    if (res.headersSent) return next(error);
    res.send({ error: error.message });
  };

  for (const [name, make] of [['Express 5', express], ['Express 4', express4]] as const) {
    // The same route, `/aws.s3` (an S3 event's path), answered by a handler that throws after sending.
    const build = (kind: 'sync' | 'async') => {
      const app = make();
      if (kind === 'sync') {
        app.post('/aws.s3', (_req, res) => {
          res.set('x-sent', 'yes').send('done');
          throw new Error('after the answer, sync');
        });
      } else {
        // Express 5 passes a rejection to next(error) itself; Express 4 apps wire it up by hand.
        app.post('/aws.s3', (_req, res, next) => {
          const handler = async () => {
            res.set('x-sent', 'yes').send('done');
            await Promise.resolve();
            throw new Error('after the answer, async');
          };
          handler().catch(next);
        });
      }
      app.use(errorHandler);
      return app;
    };

    it(`${name}: a handler that sends then throws (sync and async) reports the 200 it sent`, async () => {
      for (const kind of ['sync', 'async'] as const) {
        const request = { method: 'POST', url: '/aws.s3', headers: { host: 'localhost', 'content-type': 'application/json', 'content-length': '2' }, body: Buffer.from('{}') };
        const response = await createDispatcher(build(kind))(request, 1000);
        expect(response.statusCode, kind).toBe(200);
        expect(response.headers['x-sent'], kind).toBe('yes');
        expect(response.body.toString(), kind).toBe('done');
      }
    });

    it(`${name}: through createLambdaHandler, an S3 event answered 200 then thrown after resolves`, async () => {
      for (const kind of ['sync', 'async'] as const) {
        const result = await createLambdaHandler(build(kind))(loadFixture('aws-lambda-go/s3-event.json'), context);
        expect(result, kind).toMatchObject({ statusCode: 200, body: 'done' });
      }
    });
  }
});
