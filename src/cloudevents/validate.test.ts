// The core spec's MUST rules (CloudEvents 1.0.2, spec.md), one by one, through validateCloudEvent.
import { describe, expect, it } from 'vitest';
import { CloudEventError, CloudEventValidationError } from './errors.js';
import { assertCloudEvent, validateCloudEvent } from './validate.js';

const minimal = { specversion: '1.0', id: 'A234-1234-1234', source: '/mycontext', type: 'com.example.someevent' };
const problemsOf = (event: unknown) => validateCloudEvent(event).map((p) => [p.attribute, p.code]);

describe('validateCloudEvent: core spec 1.0.2', () => {
  it('accepts the minimal event and the spec example (§Example)', () => {
    expect(validateCloudEvent(minimal)).toEqual([]);
    expect(
      validateCloudEvent({
        specversion: '1.0',
        type: 'com.github.pull_request.opened',
        source: 'https://github.com/cloudevents/spec/pull',
        subject: '123',
        id: 'A234-1234-1234',
        time: '2018-04-05T17:31:00Z',
        comexampleextension1: 'value',
        comexampleothervalue: 5,
        datacontenttype: 'text/xml',
        data: '<much wow="xml"/>',
      }),
    ).toEqual([]);
  });

  it.each(['id', 'source', 'specversion', 'type'])('§REQUIRED Attributes: %s MUST be present', (name) => {
    const event: Record<string, unknown> = { ...minimal };
    delete event[name];
    expect(problemsOf(event)).toEqual([[name, 'CE_MISSING_ATTRIBUTE']]);
    expect(problemsOf({ ...minimal, [name]: null })).toEqual([[name, 'CE_MISSING_ATTRIBUTE']]);
  });

  it.each(['id', 'source', 'specversion', 'type'])('§REQUIRED Attributes: %s MUST be a non-empty string', (name) => {
    expect(problemsOf({ ...minimal, [name]: '' })).toEqual([[name, 'CE_INVALID_ATTRIBUTE']]);
    expect(problemsOf({ ...minimal, [name]: 42 })).toEqual([[name, 'CE_INVALID_ATTRIBUTE']]);
  });

  it('§specversion: producers MUST use 1.0 (0.3 must be normalised first)', () => {
    expect(problemsOf({ ...minimal, specversion: '0.3' })).toEqual([['specversion', 'CE_UNSUPPORTED_SPECVERSION']]);
    expect(problemsOf({ ...minimal, specversion: '2.0' })).toEqual([['specversion', 'CE_UNSUPPORTED_SPECVERSION']]);
  });

  it('§source: MUST be a non-empty URI-reference', () => {
    expect(problemsOf({ ...minimal, source: 'not a uri' })).toEqual([['source', 'CE_INVALID_ATTRIBUTE']]);
    expect(validateCloudEvent({ ...minimal, source: 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66' })).toEqual([]);
  });

  it('§Type System String: attribute values MUST NOT contain control characters', () => {
    expect(problemsOf({ ...minimal, id: 'a\nb' })).toEqual([['id', 'CE_INVALID_ATTRIBUTE']]);
    expect(problemsOf({ ...minimal, comexampleext: 'tab\there' })).toEqual([['comexampleext', 'CE_INVALID_ATTRIBUTE']]);
  });

  it('§datacontenttype: if present, MUST adhere to RFC 2046', () => {
    expect(validateCloudEvent({ ...minimal, datacontenttype: 'application/json; charset=utf-8' })).toEqual([]);
    expect(problemsOf({ ...minimal, datacontenttype: 'json' })).toEqual([['datacontenttype', 'CE_INVALID_ATTRIBUTE']]);
  });

  it('§dataschema: if present, MUST be a non-empty URI (absolute, RFC 3986 §4.3)', () => {
    expect(validateCloudEvent({ ...minimal, dataschema: 'https://example.com/s.json' })).toEqual([]);
    expect(problemsOf({ ...minimal, dataschema: '/s.json' })).toEqual([['dataschema', 'CE_INVALID_ATTRIBUTE']]);
    expect(problemsOf({ ...minimal, dataschema: '' })).toEqual([['dataschema', 'CE_INVALID_ATTRIBUTE']]);
  });

  it('§subject: if present, MUST be a non-empty string', () => {
    expect(problemsOf({ ...minimal, subject: '' })).toEqual([['subject', 'CE_INVALID_ATTRIBUTE']]);
    expect(validateCloudEvent({ ...minimal, subject: 'mynewfile.jpg' })).toEqual([]);
  });

  it('§time: if present, MUST adhere to RFC 3339', () => {
    expect(problemsOf({ ...minimal, time: '2018-04-05 17:31:00' })).toEqual([['time', 'CE_INVALID_ATTRIBUTE']]);
    expect(problemsOf({ ...minimal, time: 1522949460000 })).toEqual([['time', 'CE_INVALID_ATTRIBUTE']]);
  });

  it('§Naming Conventions: attribute names MUST consist of lower-case a-z and 0-9', () => {
    expect(problemsOf({ ...minimal, myExt: 'v', 'my-ext': 'v', my_ext: 'v' })).toEqual([
      ['myExt', 'CE_INVALID_ATTRIBUTE_NAME'],
      ['my-ext', 'CE_INVALID_ATTRIBUTE_NAME'],
      ['my_ext', 'CE_INVALID_ATTRIBUTE_NAME'],
    ]);
    expect(validateCloudEvent({ ...minimal, thisnameislongerthantwentychars: 'v' })).toEqual([]);
  });

  it('§Type System: extension values MUST be of the type system (Integer in 32 bits, Boolean, String, Binary)', () => {
    expect(validateCloudEvent({ ...minimal, count: 42, flag: false, bytes: new Uint8Array([1]) })).toEqual([]);
    expect(problemsOf({ ...minimal, big: 2 ** 31, frac: 1.5, obj: { a: 1 }, arr: [1] })).toEqual([
      ['big', 'CE_INVALID_ATTRIBUTE'],
      ['frac', 'CE_INVALID_ATTRIBUTE'],
      ['obj', 'CE_INVALID_ATTRIBUTE'],
      ['arr', 'CE_INVALID_ATTRIBUTE'],
    ]);
  });

  it('JSON format §2.2: a null attribute is unset, not an error', () => {
    expect(validateCloudEvent({ ...minimal, subject: null, time: null, comexampleext: null })).toEqual([]);
  });

  it('JSON format §3.1.1: data and data_base64 are mutually exclusive; data_base64 MUST be base64', () => {
    expect(problemsOf({ ...minimal, data: 1, data_base64: 'AAEC' })).toEqual([['data', 'CE_INVALID_DATA']]);
    expect(problemsOf({ ...minimal, data_base64: 'not base64!' })).toEqual([['data_base64', 'CE_INVALID_DATA']]);
  });

  it('JSON format §3.1.2: non-JSON data must be a string (or bytes)', () => {
    expect(validateCloudEvent({ ...minimal, datacontenttype: 'text/plain', data: 'hi' })).toEqual([]);
    expect(validateCloudEvent({ ...minimal, datacontenttype: 'image/png', data: new Uint8Array([1]) })).toEqual([]);
    expect(problemsOf({ ...minimal, datacontenttype: 'text/plain', data: { a: 1 } })).toEqual([['data', 'CE_INVALID_DATA']]);
    expect(validateCloudEvent({ ...minimal, datacontenttype: 'application/vnd.x+json', data: { a: 1 } })).toEqual([]);
  });

  it('reports a non-object as one problem', () => {
    expect(problemsOf('x')).toEqual([['', 'CE_INVALID_ATTRIBUTE']]);
    expect(problemsOf([minimal])).toEqual([['', 'CE_INVALID_ATTRIBUTE']]);
  });
});

describe('assertCloudEvent', () => {
  it('returns for a valid event', () => {
    expect(() => assertCloudEvent(minimal)).not.toThrow();
  });

  it('throws a CloudEventValidationError listing every problem, code of the first, status 400', () => {
    let caught: unknown;
    try {
      assertCloudEvent({ specversion: '1.0', source: 'a b', type: 't', Bad: 1 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CloudEventValidationError);
    expect(caught).toBeInstanceOf(CloudEventError);
    const error = caught as CloudEventValidationError;
    expect(error.code).toBe('CE_MISSING_ATTRIBUTE');
    expect(error.status).toBe(400);
    expect(error.problems.map((p) => p.attribute)).toEqual(['id', 'source', 'Bad']);
    expect(error.message).toBe(
      'Invalid CloudEvent: id: is required; source: must be a URI-reference (RFC 3986 §4.1); Bad: attribute names must be lower-case a-z and 0-9',
    );
  });
});
