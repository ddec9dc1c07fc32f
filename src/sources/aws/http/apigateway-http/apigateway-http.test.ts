import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { loadFixture } from '../../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../../testing.js';
import { apiGatewayHttpSource as source, isApiGatewayHttpEvent } from './index.js';

const iam = loadFixture('aws-lambda-go/apigw-v2-request-iam.json') as APIGatewayProxyEventV2;
const noAuth = loadFixture('powertools/apigw-http/no-auth.json') as APIGatewayProxyEventV2;

describe('API Gateway HTTP API (payload 2.0)', () => {
  it('delivers rawPath and rawQueryString as sent, cookies as one Cookie header', () => {
    expect(source.toRequest?.(iam)).toEqual({
      method: 'GET',
      url: '/my/path?parameter1=value1&parameter1=value2&parameter2=value',
      headers: { header1: 'value1', header2: 'value2', cookie: 'cookie1; cookie2', 'content-length': '13' },
      body: Buffer.from('{\r\n\t"a": 1\r\n}'),
      remoteAddress: undefined, // the fixture's sourceIp is the placeholder 'IP'
      secure: true,
    });
  });

  it('keeps the remote address and an empty body as no body (content-length 0 kept)', () => {
    expect(source.toRequest?.(noAuth)).toEqual({
      method: 'POST',
      url: '/lambda',
      headers: {
        accept: '*/*',
        'accept-encoding': 'gzip, deflate',
        authorization: 'Bearer foo',
        'content-length': '0',
        host: 'lsw1ro4ipb.execute-api.eu-west-1.amazonaws.com',
        'user-agent': 'HTTPie/3.2.2',
        'x-amzn-trace-id': 'Root=1-66705bc7-2b4257df30cbee696ef2cf28',
        'x-forwarded-for': '15.248.3.126',
        'x-forwarded-port': '443',
        'x-forwarded-proto': 'https',
      },
      body: undefined,
      remoteAddress: '15.248.3.126',
      secure: true,
    });
  });

  it('decodes base64 bodies, joins cookies with an existing Cookie header, drops unsafe headers', () => {
    const request = source.toRequest?.({
      ...noAuth,
      headers: { cookie: 'a=1', 'x-ok': 'fine', 'x-bad': 'a\u0000b', 'x-nl': 'a\nb' },
      cookies: ['b=2', 'c=3'],
      body: 'iVBORw==',
      isBase64Encoded: true,
      rawQueryString: 'q=%E2%82%AC&r',
    });
    expect(request).toEqual({
      method: 'POST',
      url: '/lambda?q=%E2%82%AC&r',
      headers: { cookie: 'a=1; b=2; c=3', 'x-ok': 'fine', 'content-length': '4' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      remoteAddress: '15.248.3.126',
      secure: true,
    });
  });

  it('answers with cookies from Set-Cookie and single-value headers', () => {
    const result = source.respond?.(
      { statusCode: 302, headers: { location: '/next', vary: ['accept', 'origin'], 'set-cookie': ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2'] }, body: Buffer.alloc(0) },
      iam,
    );
    expect(result).toEqual({
      statusCode: 302,
      headers: { location: '/next', vary: 'accept, origin' },
      cookies: ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2'],
      body: '',
      isBase64Encoded: false,
    });
    expect(source.respond?.({ statusCode: 200, headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from([0, 255]) }, iam))
      .toEqual({ statusCode: 200, headers: { 'content-type': 'application/octet-stream' }, cookies: [], body: 'AP8=', isBase64Encoded: true });
  });

  it('routes by rawPath, one CloudEvent per request', () => {
    expect(source.route(noAuth)).toBe('/lambda');
    const events = source.toCloudEvents(noAuth);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'ZhNHJhhLjoEEPiw=',
        source: 'lsw1ro4ipb.execute-api.eu-west-1.amazonaws.com',
        type: 'com.amazonaws.apigateway.http.request',
        subject: '/lambda',
        time: '2024-06-17T15:52:39.080Z',
        datacontenttype: 'application/json',
        data: noAuth,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('detects version 2.0 with requestContext.http, not authorizer requests nor Lattice v2', () => {
    expect(isApiGatewayHttpEvent(iam)).toBe(true);
    expect(isApiGatewayHttpEvent(noAuth)).toBe(true);
    expect(isApiGatewayHttpEvent(loadFixture('powertools/apigw-http/authorizer-request.json'))).toBe(false);
    expect(isApiGatewayHttpEvent(loadFixture('aws-lambda-go/apigw-v2-custom-authorizer-v2-request.json'))).toBe(false);
    expect(isApiGatewayHttpEvent(loadFixture('powertools/vpc-lattice-v2/base.json'))).toBe(false);
    expect(isApiGatewayHttpEvent({ version: '1.0', requestContext: { http: {} } })).toBe(false);
  });
});
