import { describe, expect, it } from 'vitest';
import { RAW_DATA } from '../../cloudevents/types.js';
import { buildCloudEvent, invocationCloudEvent, mapRecords } from './build.js';
import { base64Payload, jsonPayload, textPayload } from './payload.js';
import { fromEpochMillis, fromEpochSeconds, toRfc3339 } from './time.js';

describe('time', () => {
  it('converts epoch milliseconds and seconds (numbers or numeric strings)', () => {
    expect(fromEpochMillis(1520621625029)).toBe('2018-03-09T18:53:45.029Z');
    expect(fromEpochMillis('1520621625029')).toBe('2018-03-09T18:53:45.029Z');
    expect(fromEpochMillis(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(fromEpochSeconds(1480641523.477)).toBe('2016-12-02T01:18:43.477Z');
    expect(fromEpochSeconds('1428537600')).toBe('2015-04-09T00:00:00.000Z');
  });

  it('gives undefined for values RFC 3339 cannot hold', () => {
    for (const value of [NaN, Infinity, 8.64e15 + 1, 1e20, -1e14, '', 'abc', null, undefined, {}]) {
      expect(fromEpochMillis(value)).toBeUndefined();
    }
    expect(fromEpochMillis(253402300800000)).toBeUndefined(); // year 10000
    expect(fromEpochMillis(253402300799999)).toBe('9999-12-31T23:59:59.999Z');
  });

  it('keeps RFC 3339 strings, normalises other parseable ones, drops the rest', () => {
    expect(toRfc3339('2017-06-26T18:41:00.9584103Z')).toBe('2017-06-26T18:41:00.9584103Z');
    expect(toRfc3339('2018-04-05T17:31:00+01:00')).toBe('2018-04-05T17:31:00+01:00');
    expect(toRfc3339('2018-01-26T15:58:33.475+0000')).toBe('2018-01-26T15:58:33.475Z');
    expect(toRfc3339('Mon, 5 Dec 2016 18:40:08 -0800')).toBe('2016-12-06T02:40:08.000Z');
    expect(toRfc3339('2018-01-26t15:58:33z')).toBe('2018-01-26T15:58:33.000Z');
    expect(toRfc3339('2019-13-45T00:00:00Z')).toBeUndefined();
    expect(toRfc3339('soon')).toBeUndefined();
    expect(toRfc3339(1520621625029)).toBeUndefined();
  });
});

describe('payloads', () => {
  it('detects JSON text, keeping the text as raw', () => {
    expect(textPayload('{"a":1}')).toEqual({ datacontenttype: 'application/json', data: { a: 1 }, raw: '{"a":1}' });
    expect(textPayload('null')).toEqual({ datacontenttype: 'application/json', data: null, raw: 'null' });
    expect(textPayload('-1')).toEqual({ datacontenttype: 'application/json', data: -1, raw: '-1' });
    expect(textPayload('hello')).toEqual({ datacontenttype: 'text/plain; charset=utf-8', data: 'hello', raw: 'hello' });
    expect(textPayload('{not json')).toEqual({ datacontenttype: 'text/plain; charset=utf-8', data: '{not json', raw: '{not json' });
    expect(textPayload('   ')).toEqual({ datacontenttype: 'text/plain; charset=utf-8', data: '   ', raw: '   ' });
  });

  it('decodes base64: UTF-8 JSON as JSON, anything else as bytes', () => {
    expect(base64Payload(Buffer.from('[1,2]').toString('base64'))).toEqual({ datacontenttype: 'application/json', data: [1, 2], raw: '[1,2]' });
    const text = base64Payload(Buffer.from('Hello').toString('base64'));
    expect(text.datacontenttype).toBe('application/octet-stream');
    expect(text.data_base64).toBe('SGVsbG8=');
    expect(Buffer.from(text.raw as Uint8Array).toString()).toBe('Hello');
    // Invalid UTF-8 that would parse as JSON after replacement characters: stays bytes.
    const invalid = base64Payload(Buffer.from([0x22, 0xff, 0x22]).toString('base64'));
    expect(invalid).toMatchObject({ datacontenttype: 'application/octet-stream', data_base64: 'Iv8i' });
    expect(base64Payload('')).toMatchObject({ datacontenttype: 'application/octet-stream', data_base64: '' });
  });
});

describe('building CloudEvents', () => {
  it('leaves out absent and empty attributes and attaches raw data under the symbol', () => {
    const event = buildCloudEvent({ id: '1', source: 's', type: 't', subject: '', time: undefined }, textPayload('x'));
    expect(Object.keys(event)).toEqual(['specversion', 'id', 'source', 'type', 'datacontenttype', 'data']);
    expect(event[RAW_DATA]).toBe('x');
    expect(JSON.stringify(event)).toBe('{"specversion":"1.0","id":"1","source":"s","type":"t","datacontenttype":"text/plain; charset=utf-8","data":"x"}');
  });

  it('builds the generic invocation CloudEvent, per record with an index suffix', () => {
    expect(invocationCloudEvent({ a: 1 }, { awsRequestId: 'r' }, 3)).toEqual({
      specversion: '1.0', id: 'r-3', source: 'urn:aws:lambda', type: 'com.amazonaws.lambda.invoke', datacontenttype: 'application/json', data: { a: 1 },
    });
    expect(invocationCloudEvent(undefined, { awsRequestId: '' }).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('replaces a record whose conversion throws, keeping the order', () => {
    const events = mapRecords(['a', 'b', 'c'], (record, index) => {
      if (record === 'b') throw new Error('bad record');
      return buildCloudEvent({ id: String(index), source: 's', type: 't' }, jsonPayload(record));
    }, { awsRequestId: 'r' });
    expect(events.map((e) => [e.id, e.type, e.data])).toEqual([
      ['0', 't', 'a'],
      ['r-1', 'com.amazonaws.lambda.invoke', 'b'],
      ['2', 't', 'c'],
    ]);
  });
});

describe('fromEpochMillis agrees with Date#toISOString', () => {
  it('over the whole RFC 3339 range', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        expect(fromEpochMillis(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
    for (const ms of [-62_167_219_200_000, -1, 0, 951_782_400_000, 951_868_799_999, 4_107_542_400_000, 253_402_300_799_999]) {
      expect(fromEpochMillis(ms)).toBe(new Date(ms).toISOString());
    }
    expect(fromEpochMillis(-62_167_219_200_001)).toBeUndefined();
    expect(fromEpochMillis(1.9)).toBe('1970-01-01T00:00:00.001Z');
    expect(fromEpochMillis(-1.9)).toBe(new Date(-1.9).toISOString());
  });
});
