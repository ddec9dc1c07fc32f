// The MUST rules of the CloudEvents HTTP Protocol Binding 1.0.2 (bindings/http-protocol-binding.md),
// one test each, named by section, on both sides (encode and decode) where the rule has two.
import { describe, expect, it } from 'vitest';
import { CloudEventDecodeError } from '../errors.js';
import type { CloudEvent } from '../types.js';
import { toBatch } from './batch.js';
import { fromBinary, toBinary } from './binary.js';
import { fromHttp } from './decode.js';
import { toStructured } from './structured.js';

const event: CloudEvent = {
  specversion: '1.0',
  type: 'com.example.someevent',
  time: '2018-04-05T03:56:24Z',
  id: '1234-1234-1234',
  source: '/mycontext/subcontext',
  comexampleextension1: 'value',
  comexampleothervalue: 5,
  datacontenttype: 'application/json; charset=utf-8',
  data: { appinfoA: 'abc' },
};
const ceHeaders = { 'ce-specversion': '1.0', 'ce-id': '1', 'ce-source': '/s', 'ce-type': 't' };

function decodeError(fn: () => unknown): CloudEventDecodeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CloudEventDecodeError) return e;
    throw e;
  }
  throw new Error('expected a CloudEventDecodeError');
}

describe('HTTP binding 1.0.2', () => {
  it('§1.4: structured mode MUST support the JSON event format', () => {
    expect(fromHttp(toStructured(event))).toEqual(event);
  });

  it('§3: a Content-Type prefixed application/cloudevents is structured, -batch is batched, else binary', () => {
    expect(fromHttp({ headers: { 'content-type': 'application/cloudevents+json' }, body: JSON.stringify(event) })).toEqual(event);
    expect(fromHttp({ headers: { 'content-type': 'application/cloudevents-batch+json' }, body: JSON.stringify([event]) })).toEqual([event]);
    // Binary mode carries every value as its canonical string: the Integer 5 comes back as '5'.
    expect(fromHttp(toBinary(event))).toEqual({ ...event, comexampleothervalue: '5' });
  });

  it('§3 with RFC 9110 §8.3.1: media types match case-insensitively, parameters included', () => {
    const body = JSON.stringify(event);
    expect(fromHttp({ headers: { 'Content-Type': 'Application/CloudEvents+JSON; Charset=UTF-8' }, body })).toEqual(event);
    expect(fromHttp({ headers: { 'CONTENT-TYPE': 'APPLICATION/CLOUDEVENTS-BATCH+JSON; CHARSET=UTF-8' }, body: `[${body}]` })).toEqual([event]);
  });

  it('§3.1.1: Content-Type MUST be written from datacontenttype, and no ce-datacontenttype', () => {
    const { headers } = toBinary(event);
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    expect(headers).not.toHaveProperty('ce-datacontenttype');
  });

  it('§3.1.1: datacontenttype MUST be populated from Content-Type', () => {
    const decoded = fromBinary({ headers: { ...ceHeaders, 'content-type': 'text/xml; charset=utf-8' }, body: '<a/>' });
    expect(decoded.datacontenttype).toBe('text/xml; charset=utf-8');
  });

  it('§3.1.1: a message with a ce-datacontenttype header is rejected (the header MUST NOT be present)', () => {
    const error = decodeError(() => fromBinary({ headers: { ...ceHeaders, 'ce-datacontenttype': 'text/plain' }, body: '"x"' }));
    expect([error.code, error.header]).toEqual(['CE_INVALID_HEADER', 'ce-datacontenttype']);
  });

  it('§3.1.2: the data byte-sequence is the body', () => {
    const bytes = new Uint8Array([0x00, 0x7f, 0x80, 0xff]);
    const message = toBinary({ ...ceEvent(), datacontenttype: 'application/vnd.apache.thrift.binary', data: bytes });
    expect([...(message.body ?? [])]).toEqual([0x00, 0x7f, 0x80, 0xff]);
    expect(Buffer.from(fromBinary(message).data_base64 as string, 'base64')).toEqual(Buffer.from(bytes));
  });

  it('§3.1.3: every other attribute, extensions included, MUST map to and from its own header', () => {
    const { headers } = toBinary(event);
    expect(Object.keys(headers).sort()).toEqual([
      'ce-comexampleextension1',
      'ce-comexampleothervalue',
      'ce-id',
      'ce-source',
      'ce-specversion',
      'ce-time',
      'ce-type',
      'content-type',
    ]);
    expect(fromBinary({ headers, body: Buffer.from('{}') })).toMatchObject({ comexampleextension1: 'value', comexampleothervalue: '5' });
  });

  it('§3.1.3.1: header names MUST be the attribute name prefixed ce- (case-insensitive on receipt)', () => {
    expect(toBinary(event).headers['ce-time']).toBe('2018-04-05T03:56:24Z');
    expect(fromBinary({ headers: { 'CE-SPECVERSION': '1.0', 'Ce-Id': '1', 'cE-sOuRcE': '/s', 'CE-Type': 't', 'CE-Time': '2018-04-05T03:56:24Z' } }).time).toBe(
      '2018-04-05T03:56:24Z',
    );
  });

  it('§3.1.3.2: values are the canonical string representation (Integer 5, Boolean true)', () => {
    const { headers } = toBinary({ ...ceEvent(), n: 5, neg: -2147483648, yes: true, no: false });
    expect([headers['ce-n'], headers['ce-neg'], headers['ce-yes'], headers['ce-no']]).toEqual(['5', '-2147483648', 'true', 'false']);
  });

  it('§3.1.3.2: string values MUST be percent-encoded: space, ", %, and non-printable-ASCII, nothing else', () => {
    const { headers } = toBinary({ ...ceEvent(), subject: 'Euro € 😀', q: 'say "hi"', p: '100%', ok: "a-z/A-Z_0-9.~:@!$&'()*+,;=?#[]{}|\\^`<>" });
    expect(headers['ce-subject']).toBe('Euro%20%E2%82%AC%20%F0%9F%98%80');
    expect(headers['ce-q']).toBe('say%20%22hi%22');
    expect(headers['ce-p']).toBe('100%25');
    expect(headers['ce-ok']).toBe("a-z/A-Z_0-9.~:@!$&'()*+,;=?#[]{}|\\^`<>");
  });

  it('§3.1.3.2: header values MUST only use printable US-ASCII, so Node accepts every one toBinary makes', async () => {
    const { validateHeaderValue } = await import('node:http');
    const { headers } = toBinary({ ...ceEvent(), subject: 'line\nbreak \u0000 \u00e9 \u{1F600}' });
    expect(headers['ce-subject']).toMatch(/^[\x21-\x7e]+$/);
    expect(() => validateHeaderValue('ce-subject', headers['ce-subject'] as string)).not.toThrow();
  });

  it('§3.1.3.2: on receipt, a double-quoted value MUST first be unescaped, then percent-decoded once', () => {
    expect(fromBinary({ headers: { ...ceHeaders, 'ce-subject': '"a \\"b\\" %25 c"' } }).subject).toBe('a "b" % c');
    expect(fromBinary({ headers: { ...ceHeaders, 'ce-subject': '%2541' } }).subject).toBe('%41');
  });

  it('§3.1.3.2: decoding MUST accept lower-case hex and unnecessary encoding', () => {
    expect(fromBinary({ headers: { ...ceHeaders, 'ce-subject': '%e2%82%ac%41' } }).subject).toBe('€A');
  });

  it('§3.1.3.2: encoded byte sequences invalid in UTF-8 MUST be rejected (%C0%A0)', () => {
    const error = decodeError(() => fromBinary({ headers: { ...ceHeaders, 'ce-subject': '%C0%A0' } }));
    expect([error.code, error.status, error.header]).toEqual(['CE_INVALID_UTF8', 400, 'ce-subject']);
  });

  it('§3.2.1: structured Content-Type MUST be the event format media type', () => {
    expect(toStructured(event).headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
  });

  it('§3.2.3: all attributes MUST be mapped into the payload', () => {
    const body = JSON.parse(toStructured(event).body?.toString() ?? '') as Record<string, unknown>;
    expect(body).toEqual(event);
  });

  it('§3.3.1: batched Content-Type MUST be the batch format media type', () => {
    expect(toBatch([event]).headers['content-type']).toBe('application/cloudevents-batch+json; charset=utf-8');
  });

  it('§3.3.2: the batch MAY be empty, and all events MUST share a specversion', () => {
    expect(fromHttp(toBatch([]))).toEqual([]);
    expect(() => toBatch([event, { ...event, specversion: '0.3' }])).toThrow(/same specversion/);
    const mixed = JSON.stringify([event, { ...event, specversion: '0.3' }]);
    expect(() => fromHttp({ headers: { 'content-type': 'application/cloudevents-batch+json' }, body: mixed })).toThrow(/same specversion/);
  });
});

function ceEvent(): CloudEvent {
  return { specversion: '1.0', id: '1', source: '/s', type: 't' };
}
