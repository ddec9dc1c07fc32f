/**
 * The CloudEvents type system (core spec 1.0.2, "Type System") and attribute naming ("Naming
 * Conventions"), as predicates. Regular expressions are compiled once, at module load.
 */

/** Attribute names MUST consist of lower-case ASCII letters and digits (length is only a SHOULD ≤ 20). */
const ATTRIBUTE_NAME = /^[a-z0-9]+$/;

/**
 * Whether a string is a valid CloudEvents attribute name: one or more of `a-z`, `0-9`. Longer than 20
 * characters is accepted (the spec's limit is a SHOULD).
 *
 * @example
 * isCloudEventAttributeName('comexampleextension1'); // true
 * isCloudEventAttributeName('Content-Type');         // false
 */
export function isCloudEventAttributeName(name: string): boolean {
  return ATTRIBUTE_NAME.test(name);
}

// String: no control characters (U+0000-U+001F, U+007F-U+009F), no unpaired surrogates, no Unicode
// noncharacters (U+FDD0-U+FDEF and the last two code points of every plane).
const PLANE_NONCHARACTERS = Array.from({ length: 16 }, (_, i) => {
  const plane = (i + 1).toString(16).toUpperCase();
  return `\\u{${plane}FFFE}\\u{${plane}FFFF}`;
}).join('');
const NOT_STRING_CHAR = new RegExp(
  `[\\u0000-\\u001F\\u007F-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${PLANE_NONCHARACTERS}]|\\p{Cs}`,
  'u',
);

/**
 * Whether a value is a valid CloudEvents `String`: a string without control characters, unpaired
 * surrogates or Unicode noncharacters.
 *
 * @example
 * isCloudEventString('Euro € 😀'); // true
 * isCloudEventString('a\nb');      // false
 */
export function isCloudEventString(value: unknown): value is string {
  return typeof value === 'string' && !NOT_STRING_CHAR.test(value);
}

/**
 * Whether a value is a CloudEvents `Integer`: a whole number in the signed 32-bit range.
 *
 * @example
 * isCloudEventInteger(2147483647); // true
 * isCloudEventInteger(2 ** 31);    // false
 */
export function isCloudEventInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
}

// RFC 3986 building blocks (section numbers are RFC 3986's).
const HEX2 = '%[0-9A-Fa-f]{2}';
const UNRESERVED_SUB = "A-Za-z0-9\\-._~!$&'()*+,;="; // unreserved (2.3) + sub-delims (2.2)
const PCHAR = `(?:[${UNRESERVED_SUB}:@]|${HEX2})`; // 3.3
const PCHAR_NC = `(?:[${UNRESERVED_SUB}@]|${HEX2})`; // segment-nz-nc: no colon (4.2)
const QUERY = `(?:${PCHAR}|[/?])*`; // 3.4, 3.5
const USERINFO = `(?:(?:[${UNRESERVED_SUB}:]|${HEX2})*@)?`; // 3.2.1
const HOST = `(?:\\[[0-9A-Za-z:.\\-_~!$&'()*+,;=]+\\]|(?:[${UNRESERVED_SUB}]|${HEX2})*)`; // 3.2.2, loosely for IP-literal
const AUTHORITY = `${USERINFO}${HOST}(?::[0-9]*)?`; // 3.2
const PATH_ABEMPTY = `(?:/${PCHAR}*)*`;
const PATH_ABSOLUTE = `/(?:${PCHAR}+${PATH_ABEMPTY})?`;
const PATH_ROOTLESS = `${PCHAR}+${PATH_ABEMPTY}`;
const PATH_NOSCHEME = `${PCHAR_NC}+${PATH_ABEMPTY}`;
const SCHEME = '[A-Za-z][A-Za-z0-9+.\\-]*'; // 3.1
const HIER_PART = `(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_ROOTLESS}|)`; // 3
const RELATIVE_PART = `(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_NOSCHEME}|)`; // 4.2

const ABSOLUTE_URI = new RegExp(`^${SCHEME}:${HIER_PART}(?:\\?${QUERY})?$`); // 4.3: no fragment
const URI_REFERENCE = new RegExp(
  `^(?:${SCHEME}:${HIER_PART}|${RELATIVE_PART})(?:\\?${QUERY})?(?:#${QUERY})?$`, // 4.1
);

/**
 * Whether a string is an RFC 3986 `URI-reference` (§4.1): an absolute URI or a relative reference.
 *
 * @example
 * isUriReference('/mycontext/subcontext'); // true
 * isUriReference('1-555-123-4567');        // true
 * isUriReference('has space');             // false
 */
export function isUriReference(value: string): boolean {
  return URI_REFERENCE.test(value);
}

/**
 * Whether a string is an RFC 3986 `absolute-URI` (§4.3): a scheme, and no fragment. The CloudEvents
 * `URI` type (`dataschema`) is defined as exactly this.
 *
 * @example
 * isAbsoluteUri('https://example.com/schema.json'); // true
 * isAbsoluteUri('/schema.json');                    // false
 */
export function isAbsoluteUri(value: string): boolean {
  return ABSOLUTE_URI.test(value);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a string is an RFC 3339 `date-time` (§5.6), with its ranges checked (month 01-12, day within
 * the month, hour 00-23, minute 00-59, second 00-60 for leap seconds, offset hours 00-23).
 *
 * @example
 * isRfc3339Timestamp('2018-04-05T17:31:00Z');        // true
 * isRfc3339Timestamp('2018-02-30T00:00:00+01:00');   // false: no 30 February
 * isRfc3339Timestamp('2018-04-05 17:31:00Z');        // false: a space is not the date-time separator
 */
export function isRfc3339Timestamp(value: string): boolean {
  const m = RFC3339.exec(value);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const maxDay = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day > maxDay) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 60) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return true;
}

// A single greedy character class (no per-group backtracking) stays linear on megabyte payloads.
const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Whether a string is canonical base64 (RFC 4648 §4, padded), the string encoding of `Binary`.
 *
 * @example
 * isBase64('AAEC'); // true
 * isBase64('AAE');  // false: unpadded
 */
export function isBase64(value: string): boolean {
  return value.length % 4 === 0 && BASE64_CHARS.test(value);
}
