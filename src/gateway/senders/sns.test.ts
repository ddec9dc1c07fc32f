// SNS HTTP(S) subscriptions over real HTTP into Express 5, with messages signed by a key made here
// (node:crypto); the certificate fetcher is injected, so the URL checks still apply to real URLs.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { express5App } from '../../../test/apps/echo.js';
import type { EchoApp } from '../../../test/apps/echo.js';
import { canonicalString } from '../auth/sns-signature.js';
import { startGateway, push } from '../gateway.testing.js';
import type { GatewayOptions, OutboundFetch } from '../options.js';
import type { SnsHttpMessage } from './sns.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const CERT_URL = 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:books';

/** An outbound fetch that serves the test key at CERT_URL and records every URL asked for. */
function fakeAws(): { fetch: OutboundFetch; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    fetch: async (url) => {
      asked.push(url);
      if (url === CERT_URL) return new Response(publicKey.export({ type: 'spki', format: 'pem' }) as string);
      if (url.startsWith('https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription')) return new Response('<ConfirmSubscriptionResponse/>');
      return new Response('not found', { status: 404 });
    },
  };
}

async function start(echo: EchoApp, options: GatewayOptions = {}) {
  const served = await startGateway(echo.app, options);
  return served.url;
}

function signed(fields: Partial<SnsHttpMessage>, version: '1' | '2' = '2'): SnsHttpMessage {
  const message = {
    Type: 'Notification',
    MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
    TopicArn: TOPIC,
    Subject: 'New book',
    Message: '{"title":"Dune"}',
    Timestamp: '2024-05-01T12:00:00.000Z',
    SignatureVersion: version,
    SigningCertURL: CERT_URL,
    UnsubscribeURL: 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=x',
    ...fields,
  } as SnsHttpMessage;
  message.Signature = sign(version === '1' ? 'sha1' : 'sha256', Buffer.from(canonicalString(message)), privateKey).toString('base64');
  return message;
}

const headers = (message: SnsHttpMessage) => ({
  'x-amz-sns-message-type': message.Type,
  'x-amz-sns-message-id': message.MessageId,
  'x-amz-sns-topic-arn': message.TopicArn,
  'x-amz-sns-subscription-arn': `${TOPIC}:sub-1`,
  'content-type': 'text/plain; charset=UTF-8',
});

describe('SNS Notification', () => {
  it.each(['1', '2'] as const)('SignatureVersion %s: verified, delivered as the SNS record at /aws.sns, 200', async (version) => {
    const aws = fakeAws();
    const echo = express5App();
    const url = await start(echo, { outboundFetch: aws.fetch });
    const message = signed({}, version);
    const res = await push(url, JSON.stringify(message), headers(message));
    expect(res.status).toBe(200);
    expect(echo.received[0]!.url).toBe('/aws.sns');
    const event = JSON.parse(echo.received[0]!.body.toString());
    expect(event.Records[0]).toMatchObject({
      EventSource: 'aws:sns',
      EventSubscriptionArn: `${TOPIC}:sub-1`,
      Sns: { Type: 'Notification', MessageId: message.MessageId, TopicArn: TOPIC, Subject: 'New book', Message: '{"title":"Dune"}', SigningCertUrl: CERT_URL },
    });
  });

  it('the certificate is fetched once and cached', async () => {
    const aws = fakeAws();
    const url = await start(express5App(), { outboundFetch: aws.fetch });
    for (let i = 0; i < 3; i++) {
      const message = signed({ MessageId: `m-${i}` });
      expect((await push(url, JSON.stringify(message), headers(message))).status).toBe(200);
    }
    expect(aws.asked).toEqual([CERT_URL]);
  });

  it('forged messages are 403 and nothing is delivered: altered message, another key, foreign cert URL, unknown version', async () => {
    const aws = fakeAws();
    const echo = express5App();
    const url = await start(echo, { outboundFetch: aws.fetch });
    const altered = { ...signed({}), Message: '{"title":"Forged"}' };
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const wrongKey = { ...signed({}) };
    wrongKey.Signature = sign('sha256', Buffer.from(canonicalString(wrongKey)), otherKey).toString('base64');
    const foreign = [
      'https://sns.us-east-1.amazonaws.com.evil.example/x.pem',
      'http://sns.us-east-1.amazonaws.com/x.pem',
      'https://evil.example/sns.us-east-1.amazonaws.com/x.pem',
      'https://sns.us-east-1.amazonaws.com:8443/x.pem',
    ].map((certUrl) => signed({ SigningCertURL: certUrl }));
    const unknownVersion = signed({ SignatureVersion: '3' });
    for (const message of [altered, wrongKey, ...foreign, unknownVersion]) {
      const res = await push(url, JSON.stringify(message), headers(message));
      expect(res.status, message.SigningCertURL).toBe(403);
      expect((res.json() as { error: { code: string } }).error.code).toBe('SIGNATURE_INVALID');
    }
    expect(echo.received).toHaveLength(0);
    expect(aws.asked.every((asked) => asked === CERT_URL)).toBe(true);
  });

  it('the app status is passed on: 500 (SNS retries) and 400 (SNS does not)', async () => {
    let status = 500;
    const url = await start(express5App(() => ({ status })), { outboundFetch: fakeAws().fetch });
    const message = signed({});
    expect((await push(url, JSON.stringify(message), headers(message))).status).toBe(500);
    status = 400;
    expect((await push(url, JSON.stringify(message), headers(message))).status).toBe(400);
  });
});

describe('SNS subscription confirmation', () => {
  const confirmation = (topic = TOPIC) =>
    signed({
      Type: 'SubscriptionConfirmation',
      TopicArn: topic,
      Subject: undefined,
      Message: 'You have chosen to subscribe to the topic.',
      Token: 'tok',
      SubscribeURL: `https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${topic}&Token=tok`,
    });

  it('an allowed topic is confirmed by GETting SubscribeURL; nothing is delivered', async () => {
    const aws = fakeAws();
    const echo = express5App();
    const url = await start(echo, { outboundFetch: aws.fetch, auth: { sns: { topicArns: [TOPIC] } } });
    const message = confirmation();
    const res = await push(url, JSON.stringify(message), headers(message));
    expect(res.status).toBe(200);
    expect(aws.asked).toEqual([CERT_URL, message.SubscribeURL]);
    expect(echo.received).toHaveLength(0);
  });

  it('another topic is not confirmed (403, no GET); without auth.sns nothing is confirmed', async () => {
    const aws = fakeAws();
    const url = await start(express5App(), { outboundFetch: aws.fetch });
    const message = confirmation();
    expect((await push(url, JSON.stringify(message), headers(message))).status).toBe(403);
    expect(aws.asked).toEqual([CERT_URL]);
  });

  it('with auth.sns, a notification from a topic not listed is 401', async () => {
    const echo = express5App();
    const url = await start(echo, { outboundFetch: fakeAws().fetch, auth: { sns: { topicArns: ['arn:aws:sns:us-east-1:123456789012:other'] } } });
    const message = signed({});
    expect((await push(url, JSON.stringify(message), headers(message))).status).toBe(401);
    expect(echo.received).toHaveLength(0);
  });

  it('a SubscribeURL that is not SNS is never fetched', async () => {
    const aws = fakeAws();
    const url = await start(express5App(), { outboundFetch: aws.fetch, auth: { sns: { topicArns: [TOPIC] } } });
    const message = signed({ ...confirmation(), SubscribeURL: 'https://evil.example/?Action=ConfirmSubscription' });
    expect((await push(url, JSON.stringify(message), headers(message))).status).toBe(400);
    expect(aws.asked).toEqual([CERT_URL]);
  });

  it('UnsubscribeConfirmation is acknowledged, not delivered', async () => {
    const echo = express5App();
    const url = await start(echo, { outboundFetch: fakeAws().fetch });
    const message = signed({ ...confirmation(), Type: 'UnsubscribeConfirmation' });
    expect((await push(url, JSON.stringify(message), headers(message))).status).toBe(200);
    expect(echo.received).toHaveLength(0);
  });
});
