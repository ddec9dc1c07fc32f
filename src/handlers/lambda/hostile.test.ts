import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadFixture } from '../../../test/fixtures/load.js';
import { express5App, honoApp, rawListener } from '../../../test/apps/echo.js';
import { EventDeliveryError } from '../../errors.js';
import { createLambdaHandler } from './index.js';

/** Bad input gets a defined outcome and loses nothing. */

const context = { awsRequestId: 'r', getRemainingTimeInMillis: () => 5000 };

afterEach(() => vi.restoreAllMocks());

describe('hostile and malformed input', () => {
  it('a 6 MB event (Lambda\'s payload limit) arrives byte for byte, on Express and Hono', async () => {
    const sqs = loadFixture('aws-lambda-go/sqs-event.json') as { Records: Array<Record<string, unknown>> };
    const big = 'x'.repeat(6 * 1024 * 1024 - 2048) + 'é';
    const event = { Records: [{ ...sqs.Records[0], body: big }] };
    for (const echo of [express5App(), honoApp()]) {
      const result = await createLambdaHandler(echo.app)(event, context);
      expect(result).toMatchObject({ statusCode: 200 });
      expect(echo.received[0]!.body.equals(Buffer.from(JSON.stringify(event)))).toBe(true);
    }
  });

  it('an EventBridge source with path tricks, CR/LF and non-ASCII is delivered at a safe path', async () => {
    const echo = rawListener();
    const handler = createLambdaHandler(echo.app);
    const sources = ['../../admin?x=1#frag', 'a\r\nX-Injected: 1', 'café/./ünï', '%2e%2e/%2F'];
    for (const source of sources) {
      await handler({ version: '0', id: '1', 'detail-type': 't', source, time: '2026-01-01T00:00:00Z', detail: {} }, context);
    }
    expect(echo.received.map((r) => r.url)).toEqual(['/admin%3Fx=1%23frag', '/a%0D%0AX-Injected:%201', '/caf%C3%A9/%C3%BCn%C3%AF', '/%252F']);
  });

  it('record mode: hostile attribute values become percent-encoded ce- headers; the record is still delivered', async () => {
    const echo = honoApp();
    const cloudEvent = { specversion: '1.0', id: 'a\r\nb', source: '/s', type: 't', subject: 'ünï "quoted" 100%', datacontenttype: 'text/plain', data: 'hi' };
    const result = await createLambdaHandler(echo.app, { mode: 'record' })(cloudEvent, context);
    expect(result).toEqual([expect.objectContaining({ statusCode: 200 })]);
    const headers = echo.received[0]!.headers;
    expect(headers['ce-id']).toBe('a%0D%0Ab');
    expect(headers['ce-subject']).toBe('%C3%BCn%C3%AF%20%22quoted%22%20100%25');
    expect(echo.received[0]!.body.toString()).toBe('hi');
  });

  it('malformed events of known shapes: delivered to the app as sent (event mode), never thrown away', async () => {
    const echo = rawListener();
    const handler = createLambdaHandler(echo.app, { request: { path: '/unknown' } });
    const events = [{ Records: [] }, { Records: [null] }, { Records: 'nope' }, { specversion: 1 }, [], null, 'text', 42];
    for (const event of events) await handler(event, context);
    expect(echo.received.map((r) => r.url)).toEqual(Array(events.length).fill('/unknown'));
    expect(echo.received.map((r) => r.body.toString())).toEqual(events.map((e) => JSON.stringify(e)));
  });

  it('record mode: a batch whose records are broken still answers per record, and failures are reported', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const echo = express5App((r) => (r.headers['ce-id'] === 'm2' ? { status: 500 } : { status: 200 }));
    const event = {
      Records: [
        { messageId: 'm1', body: '{"ok":1}', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:us-east-1:1:q' },
        { messageId: 'm2', body: 'not json', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:us-east-1:1:q' },
        { messageId: 'm3', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:us-east-1:1:q' },
      ],
    };
    const result = await createLambdaHandler(echo.app, { mode: 'record' })(event, context);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }] });
    expect(echo.received.map((r) => r.headers['ce-id'])).toEqual(['m1', 'm2', 'm3']);
  });

  it('an app that answers a retried event with a 3xx is not acknowledged either', async () => {
    const echo = rawListener(() => ({ status: 302, headers: { location: '/elsewhere' } }));
    const error = await createLambdaHandler(echo.app)(loadFixture('aws-lambda-go/s3-event.json'), context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventDeliveryError);
    expect((error as EventDeliveryError).statusCode).toBe(302);
  });
});
