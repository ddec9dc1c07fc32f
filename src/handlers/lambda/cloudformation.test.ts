import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadFixture } from '../../../test/fixtures/load.js';
import { express5App, honoApp } from '../../../test/apps/echo.js';
import type { Respond } from '../../../test/apps/echo.js';
import { EventDeliveryError } from '../../errors.js';
import { createLambdaHandler } from './index.js';

/**
 * The CloudFormation custom resource protocol end to end: the app answers, the handler PUTs the
 * response document to the event's ResponseURL, here a real local HTTP server standing in for S3.
 */

interface Put {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

let server: Server;
let base: string;
let puts: Put[];
let failuresLeft: number;
let failStatus: number;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failuresLeft > 0) {
        failuresLeft--;
        res.statusCode = failStatus;
        res.end('try again');
        return;
      }
      puts.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown> });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => vi.restoreAllMocks());

function cfnEvent(requestType: 'Create' | 'Update' | 'Delete' = 'Create') {
  const event = loadFixture(`powertools/cloudformation/custom-resource-${requestType.toLowerCase()}.json`) as { StackId: string; RequestId: string; LogicalResourceId: string };
  return { ...event, ResponseURL: `${base}/cloudformation-custom-resource-response?X-Amz-Signature=secret` };
}

const context = { awsRequestId: 'r', logStreamName: '2026/11/24/[$LATEST]stream', getRemainingTimeInMillis: () => 5000 };

function beforeEachTest() {
  puts = [];
  failuresLeft = 0;
  failStatus = 503;
}

describe('CloudFormation custom resources', () => {
  for (const makeApp of [express5App, honoApp]) {
    it(`${makeApp().name}: a 2xx answer is PUT as SUCCESS with the app's PhysicalResourceId and Data`, async () => {
      beforeEachTest();
      const respond: Respond = () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ PhysicalResourceId: 'bucket-42', Data: { Arn: 'arn:aws:s3:::bucket-42' } }) });
      const echo = makeApp(respond);
      const event = cfnEvent('Create');
      const result = await createLambdaHandler(echo.app)(event, context);
      expect(echo.received[0]!.url).toBe('/aws.cloudformation');
      expect(JSON.parse(echo.received[0]!.body.toString())).toEqual(event);
      expect(puts).toHaveLength(1);
      expect(puts[0]!.method).toBe('PUT');
      expect(puts[0]!.url).toBe('/cloudformation-custom-resource-response?X-Amz-Signature=secret');
      expect(puts[0]!.headers['content-type']).toBe('');
      expect(puts[0]!.body).toEqual({
        Status: 'SUCCESS',
        PhysicalResourceId: 'bucket-42',
        StackId: event.StackId,
        RequestId: event.RequestId,
        LogicalResourceId: event.LogicalResourceId,
        Data: { Arn: 'arn:aws:s3:::bucket-42' },
      });
      expect(result).toEqual(puts[0]!.body);
    });
  }

  it('a plain JSON object answer is the Data; Update keeps the event\'s PhysicalResourceId', async () => {
    beforeEachTest();
    const echo = express5App(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"Endpoint":"db.example.com"}' }));
    // An Update carries the resource's id (this sample lacks it, as AWS documents it, so it is added).
    const event = { ...cfnEvent('Update'), PhysicalResourceId: 'db-1' };
    await createLambdaHandler(echo.app)(event, context);
    expect(puts[0]!.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'db-1', Data: { Endpoint: 'db.example.com' } });
  });

  it('a non-2xx answer is PUT as FAILED with the app\'s error text; a failed Create gets the log stream as id', async () => {
    beforeEachTest();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const echo = express5App(() => ({ status: 409, headers: { 'content-type': 'application/json' }, body: '{"message":"bucket name already taken"}' }));
    await createLambdaHandler(echo.app)(cfnEvent('Create'), context);
    expect(puts[0]!.body).toMatchObject({
      Status: 'FAILED',
      Reason: 'bucket name already taken (log stream 2026/11/24/[$LATEST]stream)',
      PhysicalResourceId: '2026/11/24/[$LATEST]stream',
    });
    expect(puts[0]!.body.Data).toBeUndefined();
  });

  it('an app that throws, or never answers, still gets a FAILED response in time', async () => {
    beforeEachTest();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const thrower = (req: unknown, res: unknown) => {
      void [req, res];
      throw new Error('provider crashed');
    };
    await createLambdaHandler(thrower)(cfnEvent('Delete'), context);
    expect(puts[0]!.body).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('provider crashed') });

    const never = (req: unknown, res: unknown) => void [req, res];
    const started = Date.now();
    await createLambdaHandler(never)(cfnEvent('Create'), { ...context, getRemainingTimeInMillis: () => 4000 });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(puts[1]!.body).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('did not answer') });
  });

  it('retries the PUT on 5xx and 429 until it lands', async () => {
    beforeEachTest();
    failuresLeft = 2;
    const echo = express5App(() => ({ status: 200, body: '' }));
    await createLambdaHandler(echo.app)(cfnEvent('Create'), context);
    expect(puts).toHaveLength(1);
    expect(puts[0]!.body.Status).toBe('SUCCESS');
  });

  it('rejects, without leaking the presigned URL, when the response cannot be delivered', async () => {
    beforeEachTest();
    failuresLeft = 100;
    failStatus = 403;
    const echo = express5App(() => ({ status: 200, body: '' }));
    const error = (await createLambdaHandler(echo.app)(cfnEvent('Create'), context).catch((e: unknown) => e)) as EventDeliveryError;
    expect(error).toBeInstanceOf(EventDeliveryError);
    expect(error.code).toBe('CALLBACK_FAILED');
    expect(error.statusCode).toBe(403);
    expect(error.message).toContain(`${base}/cloudformation-custom-resource-response: it answered 403`);
    expect(error.message).not.toContain('secret');
    expect(failuresLeft).toBe(99);
  });
});
