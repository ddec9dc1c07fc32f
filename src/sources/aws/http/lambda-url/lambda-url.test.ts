import { describe, expect, it } from 'vitest';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { loadFixture } from '../../../../../test/fixtures/load.js';
import { findSource } from '../../../registry.js';
import { expectValidCloudEvents, plain } from '../../../testing.js';
import { functionUrlSource as source, isFunctionUrlEvent } from './index.js';

const event = loadFixture('aws-lambda-go/lambda-urls-request.json') as LambdaFunctionURLEvent;

describe('Lambda Function URLs', () => {
  it('delivers the request: raw query, cookies as one header, headers as sent (already comma-joined)', () => {
    expect(source.toRequest?.(event)).toEqual({
      method: 'POST',
      url: '/my/path?parameter1=value1&parameter1=value2&parameter2=value',
      headers: { header1: 'value1', header2: 'value1,value2', cookie: 'cookie1; cookie2', 'content-length': '18' },
      body: Buffer.from('Hello from client!'),
      remoteAddress: '123.123.123.123',
      secure: true,
    });
  });

  it('answers in payload 2.0 format', () => {
    expect(source.respond?.({ statusCode: 200, headers: { 'content-type': 'text/plain; charset=utf-8', 'set-cookie': 'a=1' }, body: Buffer.from('héllo') }, event))
      .toEqual({ statusCode: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, cookies: ['a=1'], body: 'héllo', isBase64Encoded: false });
  });

  it('one CloudEvent per request, source the URL domain made a valid URI reference', () => {
    const events = source.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'id',
        source: '%3Curl-id%3E.lambda-url.us-west-2.on.aws',
        type: 'com.amazonaws.lambda.url.request',
        subject: '/my/path',
        time: '2020-03-04T19:03:58.390Z',
        datacontenttype: 'application/json',
        data: event,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('detects on a .lambda-url. domain, ahead of API Gateway HTTP API in the registry', () => {
    expect(isFunctionUrlEvent(event)).toBe(true);
    expect(isFunctionUrlEvent(loadFixture('aws-lambda-go/apigw-v2-request-iam.json'))).toBe(false);
    expect(findSource(event)?.name).toBe('aws.lambda.url');
    expect(findSource(loadFixture('aws-lambda-go/apigw-v2-request-iam.json'))?.name).toBe('aws.apigateway.http');
  });
});
