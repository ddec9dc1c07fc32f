import { describe, expect, it } from 'vitest';
import type { ALBEvent } from 'aws-lambda';
import { loadFixture } from '../../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../../testing.js';
import { albSource as source, isAlbEvent } from './index.js';

const single = loadFixture('aws-lambda-go/alb-lambda-target-request-headers-only.json') as ALBEvent;
const multi = loadFixture('aws-lambda-go/alb-lambda-target-request-multivalue-headers.json') as ALBEvent;

const response = {
  statusCode: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', vary: ['accept', 'origin'], 'set-cookie': ['a=1; Path=/', 'b=2'] },
  body: Buffer.from('<p>hé</p>'),
};

describe('ALB', () => {
  it('delivers the request of a single-value target group, remote address from x-forwarded-for', () => {
    expect(source.toRequest?.(single)).toEqual({
      method: 'GET',
      url: '/?key=hello',
      headers: {
        accept: '*/*',
        connection: 'keep-alive',
        host: 'lambda-test-alb-1334523864.us-east-1.elb.amazonaws.com',
        'user-agent': 'curl/7.54.0',
        'x-amzn-trace-id': 'Root=1-5c34e93e-4dea0086f9763ac0667b115a',
        'x-forwarded-for': '25.12.198.67',
        'x-forwarded-port': '80',
        'x-forwarded-proto': 'http',
        'x-imforwards': '20',
        'x-myheader': '123',
      },
      body: undefined,
      remoteAddress: '25.12.198.67',
      secure: false,
    });
  });

  it('delivers the request of a multi-value target group', () => {
    const request = source.toRequest?.(multi);
    expect(request?.url).toBe('/?key=hello');
    expect(request?.remoteAddress).toBe('72.21.198.67');
    expect(request?.headers.host).toBe('lambda-test-alb-1234567.us-east-1.elb.amazonaws.com');
    expect(Object.keys(request?.headers ?? {})).toHaveLength(10);
  });

  it('keeps query parameters as sent (ALB does not decode them), repeated ones repeated', () => {
    const request = source.toRequest?.({
      ...multi,
      multiValueQueryStringParameters: { x: ['foo%3Dbar', 'a+b'], 'y z': ['1'] },
      multiValueHeaders: { 'x-forwarded-for': ['1.1.1.1, 10.0.0.9'], 'content-type': ['text/plain'] },
      body: 'aGk=',
      isBase64Encoded: true,
      httpMethod: 'POST',
    });
    expect(request).toEqual({
      method: 'POST',
      url: '/?x=foo%3Dbar&x=a+b&y%20z=1',
      headers: { 'x-forwarded-for': '1.1.1.1, 10.0.0.9', 'content-type': 'text/plain', 'content-length': '2' },
      body: Buffer.from('hi'),
      remoteAddress: '10.0.0.9',
      secure: false,
    });
  });

  it('answers with headers to a single-value request: repeats joined, the last Set-Cookie kept', () => {
    expect(source.respond?.(response, single)).toEqual({
      statusCode: 200,
      statusDescription: '200 OK',
      headers: { 'content-type': 'text/html; charset=utf-8', vary: 'accept, origin', 'set-cookie': 'b=2' },
      body: '<p>hé</p>',
      isBase64Encoded: false,
    });
  });

  it('answers with multiValueHeaders to a multi-value request', () => {
    expect(source.respond?.({ ...response, statusCode: 404 }, multi)).toEqual({
      statusCode: 404,
      statusDescription: '404 Not Found',
      multiValueHeaders: { 'content-type': ['text/html; charset=utf-8'], vary: ['accept', 'origin'], 'set-cookie': ['a=1; Path=/', 'b=2'] },
      body: '<p>hé</p>',
      isBase64Encoded: false,
    });
    expect(source.respond?.({ statusCode: 200, headers: { 'content-type': 'image/gif' }, body: Buffer.from('GIF89a') }, multi))
      .toEqual({ statusCode: 200, statusDescription: '200 OK', multiValueHeaders: { 'content-type': ['image/gif'] }, body: 'R0lGODlh', isBase64Encoded: true });
  });

  it('routes by path, one CloudEvent per request (id the trace id)', () => {
    expect(source.route(loadFixture('powertools/alb/base.json') as ALBEvent)).toBe('/lambda');
    const events = source.toCloudEvents(multi);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'Root=1-5c34e7d4-00ca239424b68028d4c56d68',
        source: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/lambda-target/abcdefgh',
        type: 'com.amazonaws.elasticloadbalancing.request',
        subject: '/',
        datacontenttype: 'application/json',
        data: multi,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('detects on requestContext.elb', () => {
    expect(isAlbEvent(single)).toBe(true);
    expect(isAlbEvent(loadFixture('powertools/alb/multi-fields.json'))).toBe(true);
    expect(isAlbEvent(loadFixture('aws-lambda-go/apigw-request.json'))).toBe(false);
    expect(isAlbEvent({ httpMethod: 'GET', path: '/', requestContext: { elb: 'x' } })).toBe(false);
  });
});
