import { describe, expect, it } from 'vitest';
import {
  charsetOf,
  isJsonContentType,
  isTextContentType,
  isUtf8Charset,
  isValidMediaType,
  mediaTypeEssence,
} from './media-type.js';

describe('isJsonContentType (JSON format 1.0.2 §3.1.1: */json or */*+json, absent = application/json)', () => {
  it.each([
    undefined,
    'application/json',
    'APPLICATION/JSON',
    'application/json; charset=utf-8',
    'Application/JSON; Charset=UTF-8',
    'text/json',
    'application/cloudevents+json',
    'application/vnd.api+json; version=2',
    ' application/json ',
  ])('%j is JSON', (t) => expect(isJsonContentType(t)).toBe(true));

  it.each(['application/jsonl', 'application/json-seq', 'text/plain', 'application/xml', '+json', 'json', '', 'application/+json'])(
    '%j is not JSON',
    (t) => expect(isJsonContentType(t)).toBe(false),
  );
});

describe('media type helpers', () => {
  it('mediaTypeEssence lower-cases and drops parameters', () => {
    expect(mediaTypeEssence(' Application/CloudEvents+JSON ; charset=UTF-8')).toBe('application/cloudevents+json');
  });

  it('charsetOf reads a token or quoted charset in any case', () => {
    expect(charsetOf('text/plain; charset=UTF-8')).toBe('utf-8');
    expect(charsetOf('text/plain;CHARSET="ISO-8859-1"')).toBe('iso-8859-1');
    expect(charsetOf('text/plain; format=flowed')).toBeUndefined();
    expect(charsetOf('text/plain')).toBeUndefined();
    expect(charsetOf(undefined)).toBeUndefined();
  });

  it('isValidMediaType follows the RFC 2046 / RFC 9110 grammar', () => {
    for (const ok of ['text/plain', 'application/json; charset=utf-8', 'text/plain;a=b;c="d e"', 'application/vnd.a+json'])
      expect(isValidMediaType(ok)).toBe(true);
    for (const bad of ['json', 'text/', '/plain', 'text/plain; charset', 'text /plain', 'text/plain; a=b c', 'text/plain\r\nX: 1',
      'text/plain; a="\r\n"', 'text/plain; a="\u0000"', 'text/plain; a="\u00e9"', 'text/plain; a="\\\n"', 'text/pl\u00e4in', 'text/plain; a="b'])
      expect(isValidMediaType(bad)).toBe(false);
  });

  it('isTextContentType covers text/*, XML and types with a charset', () => {
    for (const t of ['text/plain', 'TEXT/CSV', 'application/xml', 'application/atom+xml', 'application/x-www-form-urlencoded', 'application/foo; charset=utf-8'])
      expect(isTextContentType(t)).toBe(true);
    for (const t of ['image/png', 'application/octet-stream', 'application/vnd.apache.thrift.binary'])
      expect(isTextContentType(t)).toBe(false);
  });

  it('isUtf8Charset', () => {
    expect(isUtf8Charset(undefined)).toBe(true);
    expect(isUtf8Charset('UTF-8')).toBe(true);
    expect(isUtf8Charset('utf8')).toBe(true);
    expect(isUtf8Charset('iso-8859-1')).toBe(false);
  });
});
