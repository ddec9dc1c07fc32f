import { describe, expect, it } from 'vitest';
import { CloudEventDecodeError } from '../errors.js';
import { fromBatch, toBatch } from './batch.js';
import { fromStructured, toStructured } from './structured.js';

const base = { specversion: '1.0', id: '1', source: '/s', type: 't' } as const;
const json = JSON.stringify(base);

function thrown(fn: () => unknown): CloudEventDecodeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CloudEventDecodeError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('structured mode', () => {
  it('toStructured: one content-type header, the event as UTF-8 JSON', () => {
    const { headers, body } = toStructured({ ...base, subject: 'é', data: { a: 1 } });
    expect(headers).toEqual({ 'content-type': 'application/cloudevents+json; charset=utf-8' });
    expect(body?.toString('utf8')).toBe('{"specversion":"1.0","id":"1","source":"/s","type":"t","subject":"é","data":{"a":1}}');
  });

  it('fromStructured: media type in any case, with parameters', () => {
    for (const ct of ['application/cloudevents+json', 'Application/CloudEvents+JSON; charset=UTF-8', 'APPLICATION/CLOUDEVENTS+JSON;charset="utf-8"']) {
      expect(fromStructured({ headers: { 'Content-Type': ct }, body: Buffer.from(json) })).toEqual(base);
    }
  });

  it('decodes the body in its charset', () => {
    const latin1 = Buffer.from('{"specversion":"1.0","id":"1","source":"/s","type":"t","subject":"caf\xe9"}', 'latin1');
    expect(fromStructured({ headers: { 'content-type': 'application/cloudevents+json; charset=iso-8859-1' }, body: latin1 }).subject).toBe('café');
    const invalid = thrown(() => fromStructured({ headers: { 'content-type': 'application/cloudevents+json' }, body: latin1 }));
    expect(invalid.code).toBe('CE_INVALID_UTF8');
  });

  it('takes a parsed body, text or an ArrayBuffer', () => {
    const headers = { 'content-type': 'application/cloudevents+json' };
    expect(fromStructured({ headers, body: { ...base } })).toEqual(base);
    expect(fromStructured({ headers, body: json })).toEqual(base);
    expect(fromStructured({ headers, body: new TextEncoder().encode(json).buffer })).toEqual(base);
  });

  it('a missing body is CE_INVALID_BODY; another media type is 415', () => {
    expect(thrown(() => fromStructured({ headers: { 'content-type': 'application/cloudevents+json' } })).code).toBe('CE_INVALID_BODY');
    expect(thrown(() => fromStructured({ headers: { 'content-type': 'application/cloudevents+json' }, body: Buffer.alloc(0) })).code).toBe(
      'CE_INVALID_BODY',
    );
    const wrong = thrown(() => fromStructured({ headers: { 'content-type': 'application/json' }, body: json }));
    expect([wrong.code, wrong.status]).toEqual(['CE_UNSUPPORTED_MEDIA_TYPE', 415]);
    expect(thrown(() => fromStructured({ headers: {}, body: json })).status).toBe(415);
  });

  it('round-trips binary data through data_base64', () => {
    const message = toStructured({ ...base, datacontenttype: 'image/png', data: new Uint8Array([0, 255]) });
    expect(fromStructured(message)).toEqual({ ...base, datacontenttype: 'image/png', data_base64: 'AP8=' });
  });
});

describe('batched mode', () => {
  it('toBatch: the batch content type and a JSON array', () => {
    const { headers, body } = toBatch([base, { ...base, id: '2', data: 'x' }]);
    expect(headers).toEqual({ 'content-type': 'application/cloudevents-batch+json; charset=utf-8' });
    expect(body?.toString()).toBe(`[${json},{"specversion":"1.0","id":"2","source":"/s","type":"t","data":"x"}]`);
  });

  it('fromBatch reads what toBatch writes, and an empty batch', () => {
    expect(fromBatch(toBatch([base, { ...base, id: '2' }]))).toEqual([base, { ...base, id: '2' }]);
    expect(fromBatch({ headers: { 'Content-Type': 'Application/CloudEvents-Batch+JSON; charset=UTF-8' }, body: '[]' })).toEqual([]);
  });

  it('rejects a non-array body and another media type', () => {
    expect(thrown(() => fromBatch({ headers: { 'content-type': 'application/cloudevents-batch+json' }, body: json })).code).toBe(
      'CE_INVALID_BODY',
    );
    expect(thrown(() => fromBatch({ headers: { 'content-type': 'application/cloudevents+json' }, body: '[]' })).status).toBe(415);
  });
});
