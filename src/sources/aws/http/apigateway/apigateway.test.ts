import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { loadFixture } from '../../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../../testing.js';
import { apiGatewayRestSource as source, isApiGatewayRestEvent } from './index.js';

const event = loadFixture('aws-lambda-go/apigw-request.json') as APIGatewayProxyEvent;

describe('API Gateway REST', () => {
  it('delivers the request the event carries', () => {
    const request = source.toRequest?.(event);
    expect(request).toEqual({
      method: 'POST',
      url: '/hello/world?name=me',
      headers: {
        accept: '*/*',
        'accept-encoding': 'gzip, deflate',
        'cache-control': 'no-cache',
        'cloudfront-forwarded-proto': 'https',
        'cloudfront-is-desktop-viewer': 'true',
        'cloudfront-is-mobile-viewer': 'false',
        'cloudfront-is-smarttv-viewer': 'false',
        'cloudfront-is-tablet-viewer': 'false',
        'cloudfront-viewer-country': 'US',
        'content-type': 'application/json',
        headername: 'headerValue',
        host: 'gy415nuibc.execute-api.us-east-1.amazonaws.com',
        'postman-token': '9f583ef0-ed83-4a38-aef3-eb9ce3f7a57f',
        'user-agent': 'PostmanRuntime/2.4.5',
        via: '1.1 d98420743a69852491bbdea73f7680bd.cloudfront.net (CloudFront)',
        'x-amz-cf-id': 'pn-PWIJc6thYnZm5P0NMgOUglL1DYtl0gdeJky8tqsg8iS_sgsKD1A==',
        'x-forwarded-for': '54.240.196.186, 54.182.214.83',
        'x-forwarded-port': '443',
        'x-forwarded-proto': 'https',
        'content-length': '13',
      },
      body: Buffer.from('{\r\n\t"a": 1\r\n}'),
      remoteAddress: '192.168.196.186',
      secure: true,
    });
  });

  it('encodes multi-value query parameters, decodes base64 bodies, merges repeated headers', () => {
    const request = source.toRequest?.({
      ...event,
      multiValueQueryStringParameters: { tag: ['a b', 'c&d'], 'ü': ['=%'] },
      multiValueHeaders: { Accept: ['text/html', 'application/json'], Cookie: ['a=1', 'b=2'], 'X-Bad': ['x\r\ny: 1'] },
      body: 'AAH/',
      isBase64Encoded: true,
      httpMethod: 'PUT',
      path: '/files/my file#1',
    });
    expect(request).toEqual({
      method: 'PUT',
      url: '/files/my%20file%231?tag=a%20b&tag=c%26d&%C3%BC=%3D%25',
      headers: { accept: 'text/html, application/json', cookie: 'a=1; b=2', 'content-length': '3' },
      body: Buffer.from([0x00, 0x01, 0xff]),
      remoteAddress: '192.168.196.186',
      secure: true,
    });
  });

  it('falls back to queryStringParameters and single-value headers; no body when there is none', () => {
    const { multiValueQueryStringParameters: _q, multiValueHeaders: _h, ...rest } = event;
    const request = source.toRequest?.({ ...rest, queryStringParameters: { a: '1/2' }, headers: { Host: 'h' }, body: null, httpMethod: 'GET' } as never);
    expect(request).toEqual({ method: 'GET', url: '/hello/world?a=1%2F2', headers: { host: 'h' }, body: undefined, remoteAddress: '192.168.196.186', secure: true });
  });

  it('answers with headers and multiValueHeaders, repeated Set-Cookie only in the multi-value map', () => {
    const result = source.respond?.(
      { statusCode: 201, headers: { 'content-type': 'application/json', 'set-cookie': ['a=1; Path=/', 'b=2'] }, body: Buffer.from('{"ok":true}') },
      event,
    );
    expect(result).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'application/json' },
      multiValueHeaders: { 'content-type': ['application/json'], 'set-cookie': ['a=1; Path=/', 'b=2'] },
      body: '{"ok":true}',
      isBase64Encoded: false,
    });
  });

  it('answers binary bodies in base64', () => {
    const result = source.respond?.({ statusCode: 200, headers: { 'content-type': 'image/png' }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }, event);
    expect(result).toEqual({
      statusCode: 200, headers: { 'content-type': 'image/png' }, multiValueHeaders: { 'content-type': ['image/png'] }, body: 'iVBORw==', isBase64Encoded: true,
    });
  });

  it('routes by the request path, one CloudEvent per request', () => {
    expect(source.route(event)).toBe('/hello/world');
    expect(source.route({ ...event, path: 'no-slash' })).toBe('/no-slash');
    const events = source.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'deef4878-7910-11e6-8f14-25afc3e9ae33',
        source: 'gy415nuibc.execute-api.us-east-2.amazonaws.com',
        type: 'com.amazonaws.apigateway.request',
        subject: '/hello/world',
        time: '2020-05-15T06:01:09.693Z',
        datacontenttype: 'application/json',
        data: event,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('detects on httpMethod with a stage or resource path, not authorizer requests, WebSocket events nor ALB', () => {
    expect(isApiGatewayRestEvent(event)).toBe(true);
    expect(isApiGatewayRestEvent(loadFixture('powertools/apigw-rest/no-auth.json'))).toBe(true);
    expect(isApiGatewayRestEvent({ httpMethod: 'GET', requestContext: { resourcePath: '/' } })).toBe(true);
    expect(isApiGatewayRestEvent(loadFixture('powertools/apigw-rest/authorizer-request.json'))).toBe(false);
    expect(isApiGatewayRestEvent(loadFixture('powertools/apigw-rest/websocket.json'))).toBe(false);
    expect(isApiGatewayRestEvent(loadFixture('aws-lambda-go/apigw-websocket-request.json'))).toBe(false);
    expect(isApiGatewayRestEvent(loadFixture('powertools/alb/base.json'))).toBe(false);
    expect(isApiGatewayRestEvent({ httpMethod: 'GET', requestContext: {} })).toBe(false);
    expect(isApiGatewayRestEvent({ requestContext: { stage: 'prod' } })).toBe(false);
  });
});
