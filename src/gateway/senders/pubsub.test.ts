// Pub/Sub push (wrapped and unwrapped) over real HTTP into Express 5 and Hono. The envelope is the
// documented one (test/fixtures/documented/google/pubsub-push.json, after cloud.google.com/pubsub/docs/push).
import { describe, expect, it } from 'vitest';
import { express5App, honoApp } from '../../../test/apps/echo.js';
import type { EchoApp } from '../../../test/apps/echo.js';
import { loadFixture } from '../../../test/fixtures/load.js';
import { startGateway, push } from '../gateway.testing.js';
import type { GatewayOptions } from '../options.js';

async function start(echo: EchoApp, options: GatewayOptions = {}) {
  const served = await startGateway(echo.app, options);
  return served.url;
}

const envelope = () => ({ ...(loadFixture('documented/google/pubsub-push.json') as object), deliveryAttempt: 3 });

describe.each([
  ['express 5', express5App],
  ['hono', honoApp],
] as const)('Pub/Sub push into %s', (_name, makeApp) => {
  it('wrapped, event mode: the envelope as JSON at /google.pubsub (deliveryAttempt included); 204 on 2xx', async () => {
    const echo = makeApp(() => ({ status: 200, body: 'ok' }));
    const url = await start(echo);
    const res = await push(url + '/push', envelope());
    expect(res.status).toBe(204);
    const got = echo.received[0]!;
    expect(got.url).toBe('/google.pubsub');
    expect(got.headers['content-type']).toBe('application/json');
    expect(JSON.parse(got.body.toString())).toEqual(envelope());
  });

  it('wrapped, record mode: the CloudEvent the Functions Framework makes, topic from the push path', async () => {
    const echo = makeApp();
    const url = await start(echo, { mode: 'record' });
    const res = await push(url + '/projects/shop-prod/topics/orders', envelope());
    expect(res.status).toBe(204);
    const got = echo.received[0]!;
    expect(got.url).toBe('/google.pubsub');
    expect(got.headers['ce-type']).toBe('google.cloud.pubsub.topic.v1.messagePublished');
    expect(got.headers['ce-id']).toBe('9876543210123456');
    expect(got.headers['ce-time']).toBe('2024-03-01T08:00:01.5Z');
    expect(got.headers['ce-source']).toBe('//pubsub.googleapis.com/projects/shop-prod/topics/orders');
    const data = JSON.parse(got.body.toString());
    expect(data.message).toMatchObject({ '@type': 'type.googleapis.com/google.pubsub.v1.PubsubMessage', data: 'eyJvcmRlciI6NDJ9', attributes: { origin: 'checkout' }, messageId: '9876543210123456' });
    expect(data.subscription).toBe('projects/shop-prod/subscriptions/orders-push');
    expect(data.deliveryAttempt).toBe(3);
  });
});

describe('Pub/Sub acknowledgement and unwrapped pushes', () => {
  it('a non-2xx answer is passed on so that Pub/Sub redelivers; a throw is 500', async () => {
    let status = 503;
    const url = await start(express5App(() => (status === 0 ? 'throw' : { status })));
    expect((await push(url, envelope())).status).toBe(503);
    status = 0;
    expect((await push(url, envelope())).status).toBe(500);
  });

  it('unwrapped (x-goog-pubsub-* headers, raw body): the envelope rebuilt; record mode falls back to the subscription as source', async () => {
    const echo = express5App();
    const url = await start(echo, { mode: 'record' });
    const res = await push(url, '{"order":42}', {
      'x-goog-pubsub-subscription-name': 'projects/p/subscriptions/s',
      'x-goog-pubsub-message-id': 'm-9',
      'x-goog-pubsub-publish-time': '2024-03-01T08:00:01Z',
      'x-goog-pubsub-ordering-key': 'k',
    });
    expect(res.status).toBe(204);
    const got = echo.received[0]!;
    expect(got.headers['ce-id']).toBe('m-9');
    expect(got.headers['ce-source']).toBe('//pubsub.googleapis.com/projects/p/subscriptions/s');
    const data = JSON.parse(got.body.toString());
    expect(Buffer.from(data.message.data, 'base64').toString()).toBe('{"order":42}');
    expect(data.message.orderingKey).toBe('k');
  });
});
