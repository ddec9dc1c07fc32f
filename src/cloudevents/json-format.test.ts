// The JSON event format 1.0.2 (formats/json-format.md), section by section.
import { describe, expect, it } from 'vitest';
import { CloudEventDecodeError, CloudEventValidationError } from './errors.js';
import {
  cloudEventToJsonObject,
  formatCloudEventBatchJson,
  formatCloudEventJson,
  normalizeCloudEvent,
  parseCloudEventBatchJson,
  parseCloudEventJson,
} from './json-format.js';

const base = { specversion: '1.0', id: '1', source: '/s', type: 't' } as const;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('JSON format: serialising', () => {
  it('§3: attributes become members; unset and null ones are omitted', () => {
    expect(formatCloudEventJson({ ...base, subject: undefined, time: null as unknown as string, ext: 5 })).toBe(
      '{"specversion":"1.0","id":"1","source":"/s","type":"t","ext":5}',
    );
  });

  it('§3.1.1: Binary data MUST be data_base64', () => {
    expect(cloudEventToJsonObject({ ...base, datacontenttype: 'image/png', data: new Uint8Array([0, 1, 2, 255]) })).toEqual({
      ...base,
      datacontenttype: 'image/png',
      data_base64: 'AAEC/w==',
    });
  });

  it('§3.1.1: JSON data MUST be stored directly as a JSON value, not as an encoded string', () => {
    expect(formatCloudEventJson({ ...base, datacontenttype: 'application/json', data: { a: [1, true, null] } })).toBe(
      '{"specversion":"1.0","id":"1","source":"/s","type":"t","datacontenttype":"application/json","data":{"a":[1,true,null]}}',
    );
  });

  it('§3.1.1: a string under a JSON type is a JSON string value', () => {
    expect(JSON.parse(formatCloudEventJson({ ...base, data: "I'm just a string" })).data).toBe("I'm just a string");
  });

  it('§3.1.1: non-JSON data is stored as a string', () => {
    expect(JSON.parse(formatCloudEventJson({ ...base, datacontenttype: 'application/xml', data: '<much wow="xml"/>' })).data).toBe(
      '<much wow="xml"/>',
    );
  });

  it('§3.1.1: data may be an explicit null, distinct from absent', () => {
    expect(formatCloudEventJson({ ...base, data: null })).toContain('"data":null');
    expect(formatCloudEventJson({ ...base })).not.toContain('"data"');
  });

  it('keeps data_base64 as given and renders Binary extensions as base64', () => {
    expect(cloudEventToJsonObject({ ...base, data_base64: 'AAEC', sig: new Uint8Array([1, 2]) })).toEqual({
      ...base,
      sig: 'AQI=',
      data_base64: 'AAEC',
    });
  });

  it('§4: a batch is a JSON array; it may be empty', () => {
    expect(formatCloudEventBatchJson([])).toBe('[]');
    expect(JSON.parse(formatCloudEventBatchJson([base, { ...base, id: '2' }]))).toEqual([base, { ...base, id: '2' }]);
  });

  it('HTTP binding §3.3.2: all batched events MUST have the same specversion', () => {
    expect(thrown(() => formatCloudEventBatchJson([base, { ...base, specversion: '0.3' }]))).toBeInstanceOf(
      CloudEventValidationError,
    );
  });
});

describe('JSON format: parsing', () => {
  it('§3.1.2: data_base64 is kept as base64 (bytes on demand)', () => {
    expect(parseCloudEventJson('{"specversion":"1.0","id":"1","source":"/s","type":"t","data_base64":"AAEC"}')).toEqual({
      ...base,
      data_base64: 'AAEC',
    });
  });

  it('§3.1.2: a string data under a JSON type MUST NOT be parsed again', () => {
    const event = parseCloudEventJson({ ...base, datacontenttype: 'application/json', data: '{"a":1}' });
    expect(event.data).toBe('{"a":1}');
  });

  it('§2.2: a null attribute MUST be treated as unset; data: null is kept', () => {
    expect(parseCloudEventJson({ ...base, subject: null, time: null, ext: null, data: null })).toEqual({ ...base, data: null });
  });

  it('rejects invalid JSON (CE_INVALID_JSON) and a non-object (CE_INVALID_BODY)', () => {
    const bad = thrown(() => parseCloudEventJson('{"specversion":')) as CloudEventDecodeError;
    expect([bad.code, bad.status]).toEqual(['CE_INVALID_JSON', 400]);
    expect((thrown(() => parseCloudEventJson('[1]')) as CloudEventDecodeError).code).toBe('CE_INVALID_BODY');
  });

  it('validates: a missing attribute is CE_MISSING_ATTRIBUTE', () => {
    const error = thrown(() => parseCloudEventJson({ specversion: '1.0', id: '1', type: 't' })) as CloudEventValidationError;
    expect(error.code).toBe('CE_MISSING_ATTRIBUTE');
    expect(error.problems[0]?.attribute).toBe('source');
  });

  it('a batch: each event validated, problems name the index', () => {
    expect(parseCloudEventBatchJson('[]')).toEqual([]);
    const error = thrown(() => parseCloudEventBatchJson([base, { ...base, id: '' }, 3])) as CloudEventValidationError;
    expect(error.problems.map((p) => p.attribute)).toEqual(['[1].id', '[2]']);
    expect((thrown(() => parseCloudEventBatchJson({})) as CloudEventDecodeError).code).toBe('CE_INVALID_BODY');
  });

  it('a batch with mixed specversions is rejected (HTTP binding §3.3.2)', () => {
    const error = thrown(() =>
      parseCloudEventBatchJson([base, { specversion: '0.3', id: '2', source: '/s', type: 't' }]),
    ) as CloudEventValidationError;
    expect(error.problems[0]?.attribute).toBe('[1].specversion');
  });
});

describe('normalizeCloudEvent: 0.3 accepted on receipt, as 1.0', () => {
  it('renames schemaurl to dataschema and turns base64 data into data_base64', () => {
    const v03 = {
      specversion: '0.3',
      id: '1',
      source: '/s',
      type: 't',
      schemaurl: 'https://example.com/schema',
      datacontentencoding: 'base64',
      datacontenttype: 'application/octet-stream',
      data: 'AAEC',
    };
    expect(normalizeCloudEvent(v03)).toEqual({
      specversion: '1.0',
      id: '1',
      source: '/s',
      type: 't',
      dataschema: 'https://example.com/schema',
      datacontenttype: 'application/octet-stream',
      data_base64: 'AAEC',
    });
    expect(v03.specversion).toBe('0.3'); // input untouched
  });

  it('parses a 0.3 structured event as a valid 1.0 event', () => {
    expect(parseCloudEventJson({ specversion: '0.3', id: '1', source: '/s', type: 't', data: { a: 1 } })).toEqual({
      ...base,
      data: { a: 1 },
    });
  });

  it('leaves 1.0 events as they are', () => {
    expect(normalizeCloudEvent({ ...base, schemaurl: 'x' })).toEqual({ ...base, schemaurl: 'x' });
  });
});
