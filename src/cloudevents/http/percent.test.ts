import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloudEventDecodeError } from '../errors.js';
import { decodeHeaderValue, percentEncodeHeaderValue } from './percent.js';

/** Independent oracle: per code point, keep U+0021-U+007E except `"` and `%`, else encodeURIComponent (UTF-8, upper-case). */
function oracle(value: string): string {
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0) as number;
    const safe = cp >= 0x21 && cp <= 0x7e && cp !== 0x22 && cp !== 0x25;
    out += safe ? ch : encodeURIComponent(ch);
  }
  return out;
}

// Graphemes (realistic text) and arbitrary code points (controls, astral planes; never lone surrogates).
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

const decode = (v: string): string => decodeHeaderValue(v, 'ce-test');

function decodeError(v: string): CloudEventDecodeError {
  try {
    decode(v);
  } catch (e) {
    if (e instanceof CloudEventDecodeError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(v)} to be rejected`);
}

describe('percentEncodeHeaderValue (HTTP binding 1.0.2 §3.1.3.2)', () => {
  it('encodes the spec example "Euro € 😀" as Euro%20%E2%82%AC%20%F0%9F%98%80', () => {
    expect(percentEncodeHeaderValue('Euro € 😀')).toBe('Euro%20%E2%82%AC%20%F0%9F%98%80');
  });

  it.each([
    [' ', '%20'],
    ['"', '%22'],
    ['%', '%25'],
    ['\u007f', '%7F'],
    ['\u0000', '%00'],
    ['\t', '%09'],
    ['\u0080', '%C2%80'],
    ['é', '%C3%A9'],
  ])('MUST encode %j as %s', (input, expected) => {
    expect(percentEncodeHeaderValue(input)).toBe(expected);
  });

  it('encodes nothing else: every printable ASCII character but space, " and % is kept', () => {
    let printable = '';
    for (let c = 0x21; c <= 0x7e; c++) if (c !== 0x22 && c !== 0x25) printable += String.fromCharCode(c);
    expect(percentEncodeHeaderValue(printable)).toBe(printable);
  });

  it('treats a surrogate pair as one character and an unpaired surrogate as U+FFFD', () => {
    expect(percentEncodeHeaderValue('\uD83D\uDE00')).toBe('%F0%9F%98%80');
    expect(percentEncodeHeaderValue('a\uD83Db')).toBe('a%EF%BF%BDb');
  });

  it('uses upper-case hex (SHOULD)', () => {
    expect(percentEncodeHeaderValue('\u00ff')).toBe('%C3%BF');
  });

  it('agrees with an encodeURIComponent-based oracle on arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(percentEncodeHeaderValue(s)).toBe(oracle(s));
      }),
    );
  });

  it('produces only printable ASCII without space or " , and decodes back to the input', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const encoded = percentEncodeHeaderValue(s);
        expect(encoded).toMatch(/^[\x21\x23-\x7e]*$/);
        expect(decode(encoded)).toBe(s);
      }),
    );
  });
});

describe('decodeHeaderValue (HTTP binding 1.0.2 §3.1.3.2)', () => {
  it('percent-decodes the spec example', () => {
    expect(decode('Euro%20%E2%82%AC%20%F0%9F%98%80')).toBe('Euro € 😀');
  });

  it('MUST accept lower-case hex', () => {
    expect(decode('Euro%20%e2%82%ac')).toBe('Euro €');
  });

  it('MUST accept unnecessarily percent-encoded characters', () => {
    expect(decode('%41%62%2F')).toBe('Ab/');
  });

  it('performs a single round of percent-decoding', () => {
    expect(decode('100%2525')).toBe('100%25');
  });

  it('MUST reject the overlong encoding %C0%A0 of U+0020 (CE_INVALID_UTF8, 400)', () => {
    const error = decodeError('a%C0%A0b');
    expect(error.code).toBe('CE_INVALID_UTF8');
    expect(error.status).toBe(400);
    expect(error.header).toBe('ce-test');
  });

  it.each(['%E2%82', '%FF', '%ED%A0%80'])('MUST reject invalid UTF-8 %s', (v) => {
    expect(decodeError(v).code).toBe('CE_INVALID_UTF8');
  });

  it('MUST first unescape a double-quoted string (RFC 7230 §3.2.6), backslash escapes included', () => {
    expect(decode('"hello world"')).toBe('hello world');
    expect(decode('"say \\"hi\\" \\\\o/"')).toBe('say "hi" \\o/');
  });

  it('unquotes, then percent-decodes once', () => {
    expect(decode('"Euro %E2%82%AC"')).toBe('Euro €');
  });

  it('keeps a " inside an unquoted value as sent (lenient towards senders that do not encode)', () => {
    expect(decode('5" disk')).toBe('5" disk');
  });

  it.each([
    ['"unterminated', 'unterminated'],
    ['"a"b', 'after the closing quote'],
    ['"a\\', 'unterminated'],
  ])('rejects the malformed quoted-string %s (CE_INVALID_HEADER)', (v, why) => {
    const error = decodeError(v);
    expect(error.code).toBe('CE_INVALID_HEADER');
    expect(error.message).toContain(why);
  });

  it.each(['%', '%4', '%G1', 'a%2'])('rejects the broken escape %s (CE_INVALID_HEADER)', (v) => {
    expect(decodeError(v).code).toBe('CE_INVALID_HEADER');
  });

  it('rejects control characters (CE_INVALID_HEADER)', () => {
    expect(decodeError('a\nb').code).toBe('CE_INVALID_HEADER');
    expect(decodeError('a\u007fb').code).toBe('CE_INVALID_HEADER');
  });

  it('trims optional whitespace around the value', () => {
    expect(decode('  /s \t')).toBe('/s');
  });

  it('returns a plain value unchanged', () => {
    expect(decode('com.example.someevent')).toBe('com.example.someevent');
  });
});
