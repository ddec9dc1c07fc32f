/**
 * DynamoDB's typed JSON (`{ "S": "x" }`, `{ "N": "1" }`, ...) to plain JSON, for stream images.
 * Written here rather than taken from `@aws-sdk/util-dynamodb` to keep the package free of runtime
 * dependencies, and because the SDK's choices (sets as `Set`, numbers as wrappers) do not serialise.
 */

/** Significant digits any IEEE double reproduces exactly (DBL_DIG). */
const EXACT_DIGITS = 15;

/** Count significant digits of a decimal numeral (`-0012.3400e5` has 4: 1, 2, 3, 4). */
function significantDigits(numeral: string): number {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 0; i < numeral.length; i++) {
    const c = numeral.charCodeAt(i);
    if (c === 0x65 || c === 0x45) break; // exponent
    if (c < 0x30 || c > 0x39) continue; // sign, decimal point
    if (first === -1 && c === 0x30) continue; // leading zeros
    if (first === -1) first = i;
    count++;
    if (c !== 0x30) last = count;
  }
  return first === -1 ? 0 : last;
}

/**
 * A DynamoDB number (a decimal string of up to 38 digits) as a JS number when that is exact, else the
 * string unchanged: safe integers, and numerals of at most 15 significant digits.
 *
 * @example
 * toNumber('123.45');                    // 123.45
 * toNumber('12345678901234567890');      // '12345678901234567890'
 */
export function toNumber(numeral: string): number | string {
  const value = Number(numeral);
  if (numeral.trim() === '' || !Number.isFinite(value)) return numeral;
  if (Number.isSafeInteger(value) || significantDigits(numeral) <= EXACT_DIGITS) return value;
  return numeral;
}

function toNumbers(values: unknown): unknown {
  return Array.isArray(values) ? values.map((value) => (typeof value === 'string' ? toNumber(value) : value)) : values;
}

/**
 * One DynamoDB attribute value to plain JSON: S → string, N → number (string when not exact),
 * B → base64 string, BOOL → boolean, NULL → null, M → object, L → array, SS/BS → arrays of strings,
 * NS → array of numbers. Anything else (an unknown type descriptor) is returned as it is.
 *
 * @example
 * unmarshallValue({ M: { n: { N: '1' }, tags: { SS: ['a'] } } }); // { n: 1, tags: ['a'] }
 */
export function unmarshallValue(attribute: unknown): unknown {
  if (typeof attribute !== 'object' || attribute === null || Array.isArray(attribute)) return attribute;
  const typed = attribute as Record<string, unknown>;
  if ('S' in typed) return typed.S;
  if ('N' in typed) return typeof typed.N === 'string' ? toNumber(typed.N) : typed.N;
  if ('BOOL' in typed) return typed.BOOL;
  if ('NULL' in typed) return null;
  if ('M' in typed) return unmarshall(typed.M);
  if ('L' in typed) return Array.isArray(typed.L) ? typed.L.map(unmarshallValue) : typed.L;
  if ('B' in typed) return typed.B;
  if ('SS' in typed) return typed.SS;
  if ('NS' in typed) return toNumbers(typed.NS);
  if ('BS' in typed) return typed.BS;
  return attribute;
}

/**
 * A DynamoDB item (`{ name: { S: 'x' } }`) to a plain object (`{ name: 'x' }`). A value that is not an
 * item is returned as it is.
 *
 * @example
 * unmarshall({ id: { S: 'a' }, n: { N: '2' } }); // { id: 'a', n: 2 }
 */
export function unmarshall(item: unknown): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(item)) {
    const value = unmarshallValue((item as Record<string, unknown>)[key]);
    // An attribute named `__proto__` must stay an attribute, not become the object's prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}
