import { describe, expect, it } from 'vitest';
import { CloudEventDecodeError, CloudEventError } from '../errors.js';
import { detectCloudEventMode, fromHttp } from './decode.js';

const base = { specversion: '1.0', id: '1', source: '/s', type: 't' } as const;
const ceHeaders = { 'ce-specversion': '1.0', 'ce-id': '1', 'ce-source': '/s', 'ce-type': 't' };

function thrown(fn: () => unknown): CloudEventError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CloudEventError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('detectCloudEventMode', () => {
  it.each([
    [{ 'content-type': 'application/cloudevents+json' }, 'structured'],
    [{ 'Content-Type': 'Application/CloudEvents+JSON; charset=UTF-8' }, 'structured'],
    [{ 'content-type': 'application/cloudevents-batch+json' }, 'batch'],
    [{ ...ceHeaders, 'content-type': 'application/json' }, 'binary'],
    [{ 'CE-SPECVERSION': '1.0' }, 'binary'],
    [{ 'ce-specversion': '1.0', 'content-type': 'application/cloudevents+avro' }, 'binary'],
    [{ 'content-type': 'application/json' }, undefined],
    [{}, undefined],
  ] as const)('%j is %s', (headers, mode) => {
    expect(detectCloudEventMode(headers)).toBe(mode);
  });

  it('reads a WHATWG Headers', () => {
    expect(detectCloudEventMode(new Headers({ 'Content-Type': 'application/cloudevents-batch+json' }))).toBe('batch');
  });
});

describe('fromHttp', () => {
  it('dispatches on the content type: structured, batch, else binary', () => {
    expect(fromHttp({ headers: { 'content-type': 'application/cloudevents+json' }, body: JSON.stringify(base) })).toEqual(base);
    expect(fromHttp({ headers: { 'content-type': 'application/cloudevents-batch+json' }, body: `[${JSON.stringify(base)}]` })).toEqual([
      base,
    ]);
    expect(fromHttp({ headers: { ...ceHeaders, 'content-type': 'text/plain' }, body: 'hi' })).toEqual({
      ...base,
      datacontenttype: 'text/plain',
      data: 'hi',
    });
  });

  it('reads a WHATWG Headers in binary mode, percent-decoding values', () => {
    const headers = new Headers({ ...ceHeaders, 'CE-Subject': 'a%20b', 'Content-Type': 'application/json' });
    expect(fromHttp({ headers, body: new TextEncoder().encode('{"k":true}') })).toEqual({
      ...base,
      subject: 'a b',
      datacontenttype: 'application/json',
      data: { k: true },
    });
  });

  it('a CloudEvents media type of another format is 415 (binary only with ce-specversion, §3)', () => {
    const error = thrown(() => fromHttp({ headers: { 'content-type': 'application/cloudevents+avro' }, body: Buffer.from([1]) }));
    expect(error).toBeInstanceOf(CloudEventDecodeError);
    expect([error.code, error.status]).toEqual(['CE_UNSUPPORTED_MEDIA_TYPE', 415]);
    expect(
      fromHttp({ headers: { ...ceHeaders, 'content-type': 'application/cloudevents+avro' }, body: Buffer.from([1]) }),
    ).toEqual({ ...base, datacontenttype: 'application/cloudevents+avro', data_base64: 'AQ==' });
  });

  it('a plain request without CloudEvents headers is CE_MISSING_ATTRIBUTE (400)', () => {
    const error = thrown(() => fromHttp({ headers: { 'content-type': 'application/json' }, body: '{}' }));
    expect([error.code, error.status]).toEqual(['CE_MISSING_ATTRIBUTE', 400]);
  });
});
