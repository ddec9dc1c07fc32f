/**
 * Header value encoding of the CloudEvents HTTP binding 1.0.2, §3.1.3.2: on send, percent-encode space,
 * `"`, `%` and everything outside printable ASCII (U+0021-U+007E) as UTF-8 bytes, nothing else; on
 * receipt, unescape an RFC 7230 quoted-string, then percent-decode once, rejecting invalid UTF-8.
 */
import { CloudEventDecodeError } from '../errors.js';

/** Any character that must be encoded: outside U+0021-U+007E, or `"` (U+0022), or `%` (U+0025). */
const NEEDS_ENCODING = /[^\x21\x23\x24\x26-\x7e]/;
const HEX = '0123456789ABCDEF';

/**
 * Percent-encode an attribute's canonical string for an HTTP header (binding §3.1.3.2). Characters that
 * need no encoding are returned as the same string (one regex test, no allocation). Surrogate pairs are
 * one character; an unpaired surrogate (not a valid String) is encoded as U+FFFD, as `TextEncoder` does.
 *
 * @example
 * percentEncodeHeaderValue('Euro € 😀'); // 'Euro%20%E2%82%AC%20%F0%9F%98%80'
 * percentEncodeHeaderValue('/mycontext'); // '/mycontext' (same string)
 */
export function percentEncodeHeaderValue(value: string): string {
  if (!NEEDS_ENCODING.test(value)) return value;
  let out = '';
  let start = 0; // start of the pending run of characters that need no encoding
  for (let i = 0; i < value.length; i++) {
    let c = value.charCodeAt(i);
    if (c >= 0x21 && c <= 0x7e && c !== 0x22 && c !== 0x25) continue;
    out += value.slice(start, i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const low = value.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // unpaired surrogate
    out += utf8Escapes(c);
    start = i + 1;
  }
  return out + value.slice(start);
}

function utf8Escapes(cp: number): string {
  if (cp < 0x80) return pct(cp);
  if (cp < 0x800) return pct(0xc0 | (cp >> 6)) + pct(0x80 | (cp & 0x3f));
  if (cp < 0x10000) return pct(0xe0 | (cp >> 12)) + pct(0x80 | ((cp >> 6) & 0x3f)) + pct(0x80 | (cp & 0x3f));
  return (
    pct(0xf0 | (cp >> 18)) + pct(0x80 | ((cp >> 12) & 0x3f)) + pct(0x80 | ((cp >> 6) & 0x3f)) + pct(0x80 | (cp & 0x3f))
  );
}

function pct(byte: number): string {
  return '%' + HEX.charAt(byte >> 4) + HEX.charAt(byte & 0xf);
}

/** Characters no header value may carry: controls other than HTAB (RFC 9110 §5.5), and DEL. */
const FORBIDDEN = /[\x00-\x08\x0a-\x1f\x7f]/;
/**
 * Made on the first percent-encoded header value, not at import: a TextDecoder costs ~0.15 ms of CPU
 * to create, which every cold start paid, and only binary-mode CloudEvent requests with escapes use it.
 */
let utf8: InstanceType<typeof TextDecoder> | undefined;

/**
 * Decode an HTTP header value into an attribute value (binding §3.1.3.2): trim optional whitespace;
 * if the value is an RFC 7230 §3.2.6 quoted-string, unescape it; then percent-decode once (hex in any
 * case). Throws `CloudEventDecodeError` `CE_INVALID_HEADER` for control characters, a malformed
 * quoted-string or a bad `%` escape, and `CE_INVALID_UTF8` when the escaped bytes are not UTF-8
 * (e.g. the overlong `%C0%A0`). A `"` inside an unquoted value is kept as is, for senders that do not
 * encode; characters above U+007E are kept as received.
 *
 * @example
 * decodeHeaderValue('Euro%20%e2%82%ac', 'ce-subject'); // 'Euro €'
 * decodeHeaderValue('"a \\"b\\" c"', 'ce-subject');     // 'a "b" c'
 */
export function decodeHeaderValue(raw: string, header: string): string {
  let value = raw;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first === 0x20 || first === 0x09 || last === 0x20 || last === 0x09) value = value.trim();
  if (FORBIDDEN.test(value)) throw invalid(header, 'control characters are not allowed in a header value');
  if (value.charCodeAt(0) === 0x22) value = unquote(value, header);
  return value.indexOf('%') === -1 ? value : percentDecode(value, header);
}

function unquote(value: string, header: string): string {
  let out = '';
  let i = 1;
  while (i < value.length) {
    const c = value.charCodeAt(i);
    if (c === 0x22) {
      if (i !== value.length - 1) throw invalid(header, 'text after the closing quote of a quoted-string');
      return out;
    }
    if (c === 0x5c) {
      if (i + 1 >= value.length) break;
      i++; // quoted-pair: the next character stands for itself
    }
    out += value.charAt(i);
    i++;
  }
  throw invalid(header, 'unterminated quoted-string');
}

function percentDecode(value: string, header: string): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const pctAt = value.indexOf('%', i);
    if (pctAt === -1) return out + value.slice(i);
    out += value.slice(i, pctAt);
    // Collect one run of consecutive escapes: a multi-byte character is always a single run.
    const bytes: number[] = [];
    i = pctAt;
    while (i < value.length && value.charCodeAt(i) === 0x25) {
      const byte = hexByte(value, i + 1);
      if (byte < 0) throw invalid(header, `'${value.slice(i, i + 3)}' is not a percent-encoded byte`);
      bytes.push(byte);
      i += 3;
    }
    try {
      out += (utf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })).decode(Uint8Array.from(bytes));
    } catch (cause) {
      throw new CloudEventDecodeError('CE_INVALID_UTF8', `${header}: percent-encoded bytes are not valid UTF-8`, {
        header,
        cause,
      });
    }
  }
  return out;
}

function hexByte(s: string, at: number): number {
  if (at + 1 >= s.length) return -1;
  const hi = hexDigit(s.charCodeAt(at));
  const lo = hexDigit(s.charCodeAt(at + 1));
  return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function invalid(header: string, why: string): CloudEventDecodeError {
  return new CloudEventDecodeError('CE_INVALID_HEADER', `${header}: ${why}`, { header });
}
