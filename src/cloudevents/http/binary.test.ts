import { describe, expect, it } from 'vitest';
import { CloudEventDecodeError, CloudEventValidationError } from '../errors.js';
import { RAW_DATA } from '../types.js';
import type { CloudEvent, CloudEventWithRaw } from '../types.js';
import { fromBinary, toBinary } from './binary.js';

const base = { specversion: '1.0', id: '1', source: '/s', type: 't' } as const;
const ceHeaders = { 'ce-specversion': '1.0', 'ce-id': '1', 'ce-source': '/s', 'ce-type': 't' };

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('toBinary', () => {
  it('refuses a datacontenttype that is not a media type, with a typed error naming the attribute', () => {
    const bad = ['text/plain\r\nX-Injected: 1', 'text/plain\u0000', 'text/pl\u00e4in', 'text/plain; a="\r\n"', 'json', '', ' text/plain', 42];
    for (const datacontenttype of bad) {
      const error = thrown(() => toBinary({ ...base, datacontenttype, data: 'x' } as unknown as CloudEvent));
      expect(error, JSON.stringify(datacontenttype)).toBeInstanceOf(CloudEventValidationError);
      const { code, status, problems } = error as CloudEventValidationError;
      expect([code, status, problems[0]?.attribute]).toEqual(['CE_INVALID_ATTRIBUTE', 400, 'datacontenttype']);
      expect((error as Error).message).toContain('datacontenttype');
    }
  });

  it('passes a valid datacontenttype through unchanged, every time (checked once, then cached)', () => {
    for (const type of ['application/json; charset=utf-8', 'text/plain;a=b;c="d \\" e"', 'application/vnd.a+json', 'application/json; charset=utf-8']) {
      expect(toBinary({ ...base, datacontenttype: type, data: 'x' }).headers['content-type']).toBe(type);
    }
  });

  it('maps attributes to ce- headers, datacontenttype to content-type, JSON data to the body', () => {
    const { headers, body } = toBinary({
      ...base,
      time: '2018-04-05T17:31:00Z',
      subject: 'Euro € 😀',
      comexampleothervalue: 5,
      flag: true,
      datacontenttype: 'application/json; charset=utf-8',
      data: { appinfoA: 'abc', appinfoB: 123 },
    });
    expect(headers).toEqual({
      'ce-specversion': '1.0',
      'ce-id': '1',
      'ce-source': '/s',
      'ce-type': 't',
      'ce-time': '2018-04-05T17:31:00Z',
      'ce-subject': 'Euro%20%E2%82%AC%20%F0%9F%98%80',
      'ce-comexampleothervalue': '5',
      'ce-flag': 'true',
      'content-type': 'application/json; charset=utf-8',
    });
    expect(body?.toString('utf8')).toBe('{"appinfoA":"abc","appinfoB":123}');
  });

  it('without datacontenttype, JSON data is labelled application/json (JSON format §3.1.2)', () => {
    const { headers, body } = toBinary({ ...base, data: "I'm just a string" });
    expect(headers['content-type']).toBe('application/json');
    expect(body?.toString('utf8')).toBe('"I\'m just a string"');
  });

  it('a string under an explicit JSON type is a JSON string value, quoted', () => {
    expect(toBinary({ ...base, datacontenttype: 'application/json', data: '{"a":1}' }).body?.toString()).toBe('"{\\"a\\":1}"');
  });

  it('a string under a non-JSON type is its UTF-8 bytes; other charsets are honoured', () => {
    expect(toBinary({ ...base, datacontenttype: 'application/xml', data: '<much wow="xml"/>' }).body?.toString()).toBe(
      '<much wow="xml"/>',
    );
    expect([...(toBinary({ ...base, datacontenttype: 'text/plain', data: 'é' }).body ?? [])]).toEqual([0xc3, 0xa9]);
    expect([...(toBinary({ ...base, datacontenttype: 'text/plain; charset=ISO-8859-1', data: 'é' }).body ?? [])]).toEqual([0xe9]);
  });

  it('data_base64 is sent as the decoded bytes, labelled octet-stream when untyped', () => {
    const { headers, body } = toBinary({ ...base, data_base64: 'AAEC/w==' });
    expect([...(body ?? [])]).toEqual([0, 1, 2, 255]);
    expect(headers['content-type']).toBe('application/octet-stream');
    const typed = toBinary({ ...base, datacontenttype: 'image/png', data_base64: 'AAEC' });
    expect(typed.headers['content-type']).toBe('image/png');
  });

  it('Uint8Array and Buffer data are sent as they are, without a copy for a Buffer', () => {
    const buf = Buffer.from([9, 8, 7]);
    expect(toBinary({ ...base, datacontenttype: 'image/png', data: buf }).body).toBe(buf);
    const view = new Uint8Array([0, 1, 2, 3]).subarray(1, 3);
    expect([...(toBinary({ ...base, data: view }).body ?? [])]).toEqual([1, 2]);
  });

  it('[RAW_DATA] bytes or text are sent as is instead of re-serialising data', () => {
    const text: CloudEventWithRaw = { ...base, datacontenttype: 'application/json', data: { a: 1 }, [RAW_DATA]: '{ "a" : 1 }' };
    expect(toBinary(text).body?.toString()).toBe('{ "a" : 1 }');
    const bytes: CloudEventWithRaw = { ...base, data_base64: 'AA==', [RAW_DATA]: new Uint8Array([0xff, 0xfe]) };
    const out = toBinary(bytes);
    expect([...(out.body ?? [])]).toEqual([0xff, 0xfe]);
    expect(out.headers['content-type']).toBe('application/octet-stream');
    expect(out.headers).not.toHaveProperty('ce-' + String(RAW_DATA));
  });

  it('no data: no body; a datacontenttype without data still becomes content-type', () => {
    expect(toBinary({ ...base }).body).toBeUndefined();
    expect(toBinary({ ...base }).headers).not.toHaveProperty('content-type');
    expect(toBinary({ ...base, datacontenttype: 'text/plain' }).headers['content-type']).toBe('text/plain');
  });

  it('an explicit null payload is the JSON text null', () => {
    expect(toBinary({ ...base, data: null }).body?.toString()).toBe('null');
  });

  it('leaves out undefined and null attributes; renders Integer, Boolean and Binary canonically', () => {
    const { headers } = toBinary({ ...base, subject: undefined, time: null as unknown as string, n: -42, b: false, bin: new Uint8Array([1, 2]) });
    expect(headers).toEqual({ ...ceHeaders, 'ce-n': '-42', 'ce-b': 'false', 'ce-bin': 'AQI=' });
  });

  it('keeps plain printable ASCII values unchanged, URI delimiters included', () => {
    const source = '/my/source?x=1&y=2';
    expect(toBinary({ ...base, source }).headers['ce-source']).toBe(source);
  });

  it('throws a CloudEventValidationError for a name that cannot be a header or a value outside the type system', () => {
    const name = thrown(() => toBinary({ ...base, 'Bad-Name': 'x' })) as CloudEventValidationError;
    expect(name).toBeInstanceOf(CloudEventValidationError);
    expect(name.problems[0]).toMatchObject({ attribute: 'Bad-Name', code: 'CE_INVALID_ATTRIBUTE_NAME' });
    const value = thrown(() => toBinary({ ...base, obj: { a: 1 } })) as CloudEventValidationError;
    expect(value.problems[0]).toMatchObject({ attribute: 'obj', code: 'CE_INVALID_ATTRIBUTE' });
  });
});

describe('fromBinary', () => {
  it('reads attributes, content type and JSON data', () => {
    expect(
      fromBinary({
        headers: { ...ceHeaders, 'ce-subject': 'caf%C3%A9', 'ce-count': '42', 'content-type': 'application/json' },
        body: Buffer.from('{"a":1}'),
      }),
    ).toEqual({ ...base, subject: 'café', count: '42', datacontenttype: 'application/json', data: { a: 1 } });
  });

  it('takes header names in any case, and string[] values of one element', () => {
    expect(
      fromBinary({ headers: { 'CE-SpecVersion': '1.0', 'Ce-Id': ['1'], 'CE-SOURCE': '/s', 'ce-Type': 't', 'CE-MyExt': 'v' } }),
    ).toEqual({ ...base, myext: 'v' });
  });

  it('rejects a header given twice', () => {
    const twice = thrown(() => fromBinary({ headers: { ...ceHeaders, 'ce-ext': ['a', 'b'] } })) as CloudEventDecodeError;
    expect([twice.code, twice.header]).toEqual(['CE_INVALID_HEADER', 'ce-ext']);
    const cased = thrown(() => fromBinary({ headers: { ...ceHeaders, 'CE-ID': '2' } })) as CloudEventDecodeError;
    expect(cased.code).toBe('CE_INVALID_HEADER');
  });

  it('text types decode to a string in their charset; other types to data_base64', () => {
    expect(fromBinary({ headers: { ...ceHeaders, 'content-type': 'text/plain' }, body: Buffer.from('héllo') }).data).toBe('héllo');
    expect(
      fromBinary({ headers: { ...ceHeaders, 'content-type': 'text/plain; charset=iso-8859-1' }, body: Buffer.from([0x68, 0xe9]) }).data,
    ).toBe('hé');
    expect(fromBinary({ headers: { ...ceHeaders, 'content-type': 'image/png' }, body: new Uint8Array([0, 1, 2]) })).toEqual({
      ...base,
      datacontenttype: 'image/png',
      data_base64: 'AAEC',
    });
  });

  it('an absent content type: JSON when the body parses, else bytes', () => {
    expect(fromBinary({ headers: ceHeaders, body: Buffer.from('[1,2]') }).data).toEqual([1, 2]);
    expect(fromBinary({ headers: ceHeaders, body: Buffer.from([0xff, 0]) }).data_base64).toBe('/wA=');
  });

  it('an empty body is no data', () => {
    expect(fromBinary({ headers: { ...ceHeaders, 'content-type': 'application/json' }, body: Buffer.alloc(0) })).not.toHaveProperty('data');
  });

  it('takes a body a parser already made (object, string, ArrayBuffer)', () => {
    expect(fromBinary({ headers: { ...ceHeaders, 'content-type': 'application/json' }, body: { a: 1 } }).data).toEqual({ a: 1 });
    expect(fromBinary({ headers: { ...ceHeaders, 'content-type': 'application/json' }, body: '"x"' }).data).toBe('x');
    expect(fromBinary({ headers: { ...ceHeaders, 'content-type': 'text/plain' }, body: new Uint8Array([104, 105]).buffer }).data).toBe('hi');
  });

  it('errors: invalid JSON, invalid UTF-8 text, unknown charset', () => {
    const json = thrown(() => fromBinary({ headers: { ...ceHeaders, 'content-type': 'application/json' }, body: 'nope' })) as CloudEventDecodeError;
    expect([json.code, json.status]).toEqual(['CE_INVALID_JSON', 400]);
    const utf8 = thrown(() => fromBinary({ headers: { ...ceHeaders, 'content-type': 'text/plain' }, body: Buffer.from([0xc0, 0xa0]) })) as CloudEventDecodeError;
    expect(utf8.code).toBe('CE_INVALID_UTF8');
    const charset = thrown(() => fromBinary({ headers: { ...ceHeaders, 'content-type': 'text/plain; charset=klingon' }, body: Buffer.from('x') })) as CloudEventDecodeError;
    expect([charset.code, charset.status]).toEqual(['CE_UNSUPPORTED_MEDIA_TYPE', 415]);
  });

  it('reads a 0.3 binary message as 1.0', () => {
    expect(
      fromBinary({
        headers: { ...ceHeaders, 'ce-specversion': '0.3', 'ce-schemaurl': 'https://e.com/s', 'ce-datacontentencoding': 'base64', 'content-type': 'text/plain' },
        body: Buffer.from('hi'),
      }),
    ).toEqual({ ...base, dataschema: 'https://e.com/s', datacontenttype: 'text/plain', data: 'hi' });
  });

  it('validates: missing attributes are CE_MISSING_ATTRIBUTE (400)', () => {
    const error = thrown(() => fromBinary({ headers: { 'ce-specversion': '1.0' } })) as CloudEventValidationError;
    expect([error.code, error.status]).toEqual(['CE_MISSING_ATTRIBUTE', 400]);
    expect(error.problems.map((p) => p.attribute)).toEqual(['id', 'source', 'type']);
  });

  it('round-trips what toBinary sends', () => {
    const event: CloudEvent = {
      ...base,
      subject: '100% "quoted" Ünïcödé 😀',
      time: '2018-04-05T17:31:00Z',
      datacontenttype: 'application/json',
      data: { x: [1, 'two'] },
    };
    expect(fromBinary(toBinary(event))).toEqual(event);
  });
});
