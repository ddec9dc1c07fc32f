import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import type { DispatchResponse } from '../../../dispatch/types.js';
import { cloudFrontHeaders, cloudFrontObject, cloudFrontResult, generatedResponse, headerKey } from './result.js';

const empty = Buffer.alloc(0);
const json = (value: unknown, statusCode = 200): DispatchResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: Buffer.from(JSON.stringify(value)),
});

/** A fixture with `cf.config.eventType` set, as CloudFront sends it (the SAM samples leave it out). */
function withEventType(path: string, eventType: string): unknown {
  const event = loadFixture(path) as { Records: Array<{ cf: { config: Record<string, unknown> } }> };
  (event.Records[0] as { cf: { config: Record<string, unknown> } }).cf.config.eventType = eventType;
  return event;
}

describe('cloudFrontObject: which answers are CloudFront objects already', () => {
  it('a JSON request (string uri) or response (three-digit status, string or number)', () => {
    expect(cloudFrontObject(json({ uri: '/a', method: 'GET', headers: {} }))).toEqual({ uri: '/a', method: 'GET', headers: {} });
    const full = { clientIp: '203.0.113.178', headers: {}, method: 'POST', querystring: '', uri: '/', origin: { custom: {} }, body: { data: '' } };
    expect(cloudFrontObject(json(full))).toEqual(full);
    expect(cloudFrontObject(json({ status: '302', headers: {} }))).toEqual({ status: '302', headers: {} });
    const generated = { status: '200', statusDescription: 'OK', headers: {}, body: 'aGk=', bodyEncoding: 'base64' };
    expect(cloudFrontObject(json(generated))).toEqual(generated);
    expect(cloudFrontObject(json({ status: 404 }))).toEqual({ status: 404 });
    const problem = { statusCode: 200, headers: { 'content-type': 'application/problem+json' }, body: Buffer.from('{"status":"500"}') };
    expect(cloudFrontObject(problem)).toEqual({ status: '500' });
  });

  it('not: other JSON, JSON arrays, a non-JSON content type, an unparsable or empty body', () => {
    expect(cloudFrontObject(json({ status: 'ok' }))).toBeUndefined();
    expect(cloudFrontObject(json({ status: 200, data: { id: 1 } }))).toBeUndefined();
    expect(cloudFrontObject(json({ uri: '/a', link: 'x' }))).toBeUndefined();
    expect(cloudFrontObject(json({ status: '2000' }))).toBeUndefined();
    expect(cloudFrontObject(json({ uri: 42 }))).toBeUndefined();
    expect(cloudFrontObject(json([{ uri: '/a' }]))).toBeUndefined();
    expect(cloudFrontObject({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('{"uri":"/a"}') })).toBeUndefined();
    expect(cloudFrontObject({ statusCode: 200, headers: { 'content-type': 'application/jsonx' }, body: Buffer.from('{"uri":"/a"}') })).toBeUndefined();
    expect(cloudFrontObject({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"uri":') })).toBeUndefined();
    expect(cloudFrontObject({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: empty })).toBeUndefined();
    expect(cloudFrontObject({ statusCode: 200, headers: {}, body: Buffer.from('{"uri":"/a"}') })).toBeUndefined();
  });
});

describe('CloudFront headers', () => {
  it('keys in initial capitals', () => {
    expect(['content-type', 'x-amz-meta-last-modified', 'www-authenticate', 'etag', 'a--b'].map(headerKey))
      .toEqual(['Content-Type', 'X-Amz-Meta-Last-Modified', 'Www-Authenticate', 'Etag', 'A--B']);
  });

  it('one entry per value, set-cookie repeated; read-only, hop-by-hop and disallowed headers dropped', () => {
    expect(cloudFrontHeaders({
      'content-type': 'text/html; charset=utf-8',
      'set-cookie': ['a=1; Path=/', 'b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT'],
      'content-length': '12',
      'transfer-encoding': 'chunked',
      connection: 'keep-alive',
      'keep-alive': 'timeout=5',
      via: '1.1 x',
      'x-amz-cf-id': 'x',
      'x-edge-location': 'y',
      'x-accel-redirect': '/z',
      'x-cache': 'Hit',
      'x-custom': 'kept',
      vary: [],
    })).toEqual({
      'content-type': [{ key: 'Content-Type', value: 'text/html; charset=utf-8' }],
      'set-cookie': [
        { key: 'Set-Cookie', value: 'a=1; Path=/' },
        { key: 'Set-Cookie', value: 'b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT' },
      ],
      'x-custom': [{ key: 'X-Custom', value: 'kept' }],
    });
  });
});

describe('generatedResponse', () => {
  it('status as a string, its reason phrase, text body', () => {
    expect(generatedResponse({ statusCode: 403, headers: { 'content-type': 'text/plain' }, body: Buffer.from('Forbidden: é') })).toEqual({
      status: '403',
      statusDescription: 'Forbidden',
      headers: { 'content-type': [{ key: 'Content-Type', value: 'text/plain' }] },
      body: 'Forbidden: é',
    });
  });

  it('binary (or content-encoded) bodies as base64 with bodyEncoding; no body member when empty; no description for an unknown status', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff]);
    expect(generatedResponse({ statusCode: 200, headers: { 'content-type': 'image/png' }, body: png })).toEqual({
      status: '200',
      statusDescription: 'OK',
      headers: { 'content-type': [{ key: 'Content-Type', value: 'image/png' }] },
      body: 'iVBOR/8=',
      bodyEncoding: 'base64',
    });
    const gzipped = { statusCode: 200, headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, body: Buffer.from('abc') };
    expect(generatedResponse(gzipped)).toMatchObject({ body: 'YWJj', bodyEncoding: 'base64' });
    expect(generatedResponse({ statusCode: 204, headers: {}, body: empty })).toEqual({ status: '204', statusDescription: 'No Content', headers: {} });
    expect(generatedResponse({ statusCode: 299, headers: {}, body: empty })).toEqual({ status: '299', headers: {} });
  });
});

describe('cloudFrontResult', () => {
  const request = 'aws-sam-cli/cloudfront/CloudFrontSimpleRemoteCall.json';
  const response = 'aws-sam-cli/cloudfront/CloudFrontModifyResponseHeader.json';
  const originalResponse = (event: unknown) => (event as { Records: Array<{ cf: { response: unknown } }> }).Records[0]?.cf.response;

  it('returns a CloudFront request or response object as is, for any event type', () => {
    const forward = { uri: '/other', method: 'GET', querystring: '', headers: { host: [{ key: 'Host', value: 'example.org' }] } };
    expect(cloudFrontResult(json(forward), withEventType(request, 'origin-request'))).toEqual(forward);
    const replace = { status: '200', statusDescription: 'OK', headers: {}, body: 'hello' };
    expect(cloudFrontResult(json(replace), withEventType(response, 'origin-response'))).toEqual(replace);
  });

  it('request events: any plain answer is a generated response, a 204 included (CORS preflight)', () => {
    for (const eventType of ['viewer-request', 'origin-request', undefined]) {
      const event = eventType === undefined ? loadFixture(request) : withEventType(request, eventType);
      expect(cloudFrontResult({ statusCode: 302, headers: { location: '/login' }, body: empty }, event)).toEqual({
        status: '302',
        statusDescription: 'Found',
        headers: { location: [{ key: 'Location', value: '/login' }] },
      });
      expect(cloudFrontResult({ statusCode: 204, headers: { 'access-control-allow-origin': '*' }, body: empty }, event)).toEqual({
        status: '204',
        statusDescription: 'No Content',
        headers: { 'access-control-allow-origin': [{ key: 'Access-Control-Allow-Origin', value: '*' }] },
      });
    }
  });

  it('response events: 204 passes the origin response through unchanged, whatever headers came with it', () => {
    for (const eventType of ['viewer-response', 'origin-response', undefined]) {
      const event = eventType === undefined ? loadFixture(response) : withEventType(response, eventType);
      expect(cloudFrontResult({ statusCode: 204, headers: { 'x-powered-by': 'Express' }, body: empty }, event)).toBe(originalResponse(event));
    }
    const both = loadFixture('aws-sam-cli/cloudfront/CloudFrontAccessRequestInResponse.json');
    expect(cloudFrontResult({ statusCode: 204, headers: {}, body: empty }, both)).toBe(originalResponse(both));
  });

  it('response events: another plain answer replaces the response; viewer-response keeps the origin status', () => {
    const page = { statusCode: 201, headers: { 'content-type': 'text/html' }, body: Buffer.from('<p>hi</p>') };
    const headers = { 'content-type': [{ key: 'Content-Type', value: 'text/html' }] };
    expect(cloudFrontResult(page, withEventType(response, 'origin-response')))
      .toEqual({ status: '201', statusDescription: 'Created', headers, body: '<p>hi</p>' });
    expect(cloudFrontResult(page, withEventType(response, 'viewer-response')))
      .toEqual({ status: '200', statusDescription: 'OK', headers, body: '<p>hi</p>' });
  });
});
