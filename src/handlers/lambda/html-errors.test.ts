import { afterEach, describe, expect, it, vi } from 'vitest';
import express5 from 'express';
import express4 from 'express4';
import { loadFixture } from '../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../errors.js';
import { appErrorText } from '../../pipeline/error-text.js';
import { createLambdaHandler } from './index.js';

/**
 * Express's default error handler answers a throw with an HTML page (a stack trace in its `<pre>` outside
 * production): the error message the caller gets is that page's first line of text, not its markup.
 */

const factories = [
  ['express 5', express5],
  ['express 4', express4 as unknown as typeof express5],
] as const;

/** An app whose every route throws `message`; Express's own error handler answers. */
function throwingApp(factory: typeof express5, message: string) {
  const app = factory();
  app.all(/.*/, () => {
    throw new Error(message);
  });
  return app;
}

const context = { awsRequestId: 'r', getRemainingTimeInMillis: () => 5000 };

afterEach(() => vi.restoreAllMocks());

describe('HTML error pages become their message', () => {
  for (const [name, factory] of factories) {
    it(`${name}: a Cognito trigger that throws rejects with the page's first line, no markup or stack`, async () => {
      const event = loadFixture('aws-lambda-go/cognito-event-userpools-presignup.json');
      const error = (await createLambdaHandler(throwingApp(factory, 'Sign-ups from <example.com> & co are closed'))(event, context).catch((e: unknown) => e)) as EventDeliveryError;
      expect(error).toBeInstanceOf(EventDeliveryError);
      expect(error.statusCode).toBe(500);
      expect(error.message).toBe('Error: Sign-ups from <example.com> & co are closed');
      expect(error.body).toContain('<pre>'); // the body itself is kept as the app sent it
    });

    it(`${name}: an S3 event (async source) rejects with the page's message; record mode's failures too`, async () => {
      const event = loadFixture('aws-lambda-go/s3-event.json');
      const error = (await createLambdaHandler(throwingApp(factory, 'bucket is gone'))(event, context).catch((e: unknown) => e)) as EventDeliveryError;
      expect(error.code).toBe('EVENT_REJECTED');
      expect(error.message).toBe('the app answered 500 to POST /aws.s3: Error: bucket is gone');

      const records = (await createLambdaHandler(throwingApp(factory, 'bucket is gone'), { mode: 'record' })(event, context).catch((e: unknown) => e)) as EventDeliveryError;
      expect(records.code).toBe('RECORDS_FAILED');
      expect(records.failures?.[0]).toEqual({ index: 0, statusCode: 500, body: 'Error: bucket is gone' });
    });
  }

  it('a production page (no stack): its <pre>; a proxy page: its <title>; else its <body>; at most 200 characters', () => {
    const page = (inner: string) => Buffer.from(`<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n${inner}</html>\n`);
    expect(appErrorText(500, page('<title>Error</title>\n</head>\n<body>\n<pre>Internal Server Error</pre>\n</body>\n'))).toBe('Internal Server Error');
    expect(appErrorText(502, Buffer.from('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>'))).toBe('502 Bad Gateway');
    expect(appErrorText(503, Buffer.from('<p>Service <b>down</b> &#8212; back at 5&#x3a;00</p>\n<p>second line</p>'), 'text/html; charset=utf-8')).toBe('Service down — back at 5:00');
    const long = appErrorText(500, page(`<body><pre>${'x'.repeat(1000)}<br>  at stack</pre></body>`));
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long).toMatch(/^x+…$/);
    // Not HTML: unchanged.
    expect(appErrorText(400, Buffer.from('<not html> plain text'))).toBe('<not html> plain text');
    expect(appErrorText(400, Buffer.from('{"message":"User is not allowed"}'))).toBe('User is not allowed');
  });
});
