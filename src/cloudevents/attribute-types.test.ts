import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isAbsoluteUri,
  isBase64,
  isCloudEventAttributeName,
  isCloudEventInteger,
  isCloudEventString,
  isRfc3339Timestamp,
  isUriReference,
} from './attribute-types.js';

describe('attribute names (core spec 1.0.2, Naming Conventions)', () => {
  it('MUST consist of lower-case a-z and 0-9: accepted', () => {
    for (const name of ['id', 'comexampleextension1', '0', 'a1b2']) expect(isCloudEventAttributeName(name)).toBe(true);
  });

  it('names longer than 20 characters are accepted (the limit is a SHOULD)', () => {
    expect(isCloudEventAttributeName('averyveryverylongextensionname')).toBe(true);
  });

  it.each(['', 'Id', 'my-ext', 'my_ext', 'ext.name', 'ümlaut', 'a b'])('rejects %j', (name) => {
    expect(isCloudEventAttributeName(name)).toBe(false);
  });

  it('agrees with the a-z0-9 rule on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (s) => {
        const expected = s.length > 0 && [...s].every((c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
        expect(isCloudEventAttributeName(s)).toBe(expected);
      }),
    );
  });
});

describe('String (core spec 1.0.2, Type System)', () => {
  it('accepts any Unicode text, astral characters as proper surrogate pairs', () => {
    expect(isCloudEventString('Euro € 😀 \uD800\uDEAD')).toBe(true);
  });

  it.each([
    ['U+0000', '\u0000'],
    ['U+000A (newline)', 'a\nb'],
    ['U+001F', '\u001f'],
    ['U+007F', '\u007f'],
    ['U+0080', '\u0080'],
    ['U+009F', '\u009f'],
    ['an unpaired surrogate \\uDEAD', '\uDEAD'],
    ['a lone high surrogate', 'a\uD800'],
    ['the noncharacter U+FDD0', '\uFDD0'],
    ['the noncharacter U+FFFE', '\uFFFE'],
    ['the noncharacter U+1FFFF', '\u{1FFFF}'],
    ['the noncharacter U+10FFFE', '\u{10FFFE}'],
  ])('disallows %s', (_, value) => {
    expect(isCloudEventString(value)).toBe(false);
  });

  it('is not a number or a boolean', () => {
    expect(isCloudEventString(1)).toBe(false);
    expect(isCloudEventString(true)).toBe(false);
  });
});

describe('Integer (core spec 1.0.2, Type System): signed 32-bit', () => {
  it.each([0, 42, -1, 2147483647, -2147483648])('accepts %d', (n) => expect(isCloudEventInteger(n)).toBe(true));
  it.each([2147483648, -2147483649, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '42'])('rejects %s', (n) =>
    expect(isCloudEventInteger(n)).toBe(false),
  );
});

describe('URI-reference (RFC 3986 §4.1) and URI (§4.3)', () => {
  it.each([
    'https://github.com/cloudevents',
    'mailto:cncf-wg-serverless@lists.cncf.io',
    'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66',
    '/cloudevents/spec/pull/123',
    '/sensors/tn-1234567/alerts',
    '1-555-123-4567',
    'arn:aws:sqs:us-east-1:123456789012:queue',
    '//host:8080/p?q=1#frag',
    'http://[::1]/x',
    'a%20b',
    '#only-fragment',
  ])('the URI-reference %s is accepted', (v) => expect(isUriReference(v)).toBe(true));

  it.each(['has space', 'a%zz', 'x#a#b', 'http://h/<x>', ':nocheme', '1b:c'])(
    'the string %j is not a URI-reference',
    (v) => expect(isUriReference(v)).toBe(false),
  );

  it('an absolute URI needs a scheme and has no fragment', () => {
    expect(isAbsoluteUri('https://example.com/schema.json')).toBe(true);
    expect(isAbsoluteUri('urn:example:schema')).toBe(true);
    expect(isAbsoluteUri('/schema.json')).toBe(false);
    expect(isAbsoluteUri('https://example.com/schema.json#/defs/a')).toBe(false);
  });
});

describe('Timestamp (RFC 3339 §5.6)', () => {
  it.each([
    '2018-04-05T17:31:00Z',
    '2018-04-05T17:31:00.123456789Z',
    '2018-04-05t17:31:00z',
    '2018-04-05T17:31:00+01:00',
    '2018-04-05T17:31:00-23:59',
    '2020-02-29T00:00:00Z',
    '2016-12-31T23:59:60Z',
  ])('accepts %s', (v) => expect(isRfc3339Timestamp(v)).toBe(true));

  it.each([
    '2018-04-05',
    '2018-04-05 17:31:00Z',
    '2018-04-05T17:31:00',
    '2018-04-05T17:31Z',
    '2018-13-05T17:31:00Z',
    '2018-00-05T17:31:00Z',
    '2019-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2018-04-31T00:00:00Z',
    '2018-04-05T24:00:00Z',
    '2018-04-05T17:60:00Z',
    '2018-04-05T17:31:61Z',
    '2018-04-05T17:31:00+24:00',
    '2018-04-05T17:31:00+0100',
  ])('rejects %s', (v) => expect(isRfc3339Timestamp(v)).toBe(false));
});

describe('Binary (RFC 4648 base64)', () => {
  it('accepts padded base64 and the empty string', () => {
    for (const v of ['', 'AA==', 'AAE=', 'AAEC', 'SGVsbG8gV29ybGQh']) expect(isBase64(v)).toBe(true);
  });

  it('rejects unpadded, url-safe or foreign characters', () => {
    for (const v of ['AAE', 'A===', 'AB-_', 'AA AA', '====']) expect(isBase64(v)).toBe(false);
  });

  it('agrees with Buffer on random bytes, and stays linear on a 6 MB payload', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        expect(isBase64(Buffer.from(b).toString('base64'))).toBe(true);
      }),
    );
    const big = Buffer.alloc(6 * 1024 * 1024, 7).toString('base64');
    expect(isBase64(big)).toBe(true);
    expect(isBase64(big + '!')).toBe(false);
  });
});
