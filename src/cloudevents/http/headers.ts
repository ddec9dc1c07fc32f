/**
 * Incoming HTTP headers, as Node gives them (`IncomingHttpHeaders`: lower-case names, values string,
 * string[] or undefined), as a plain object in any case, or as a WHATWG `Headers`, reduced to what the
 * binding reads: `content-type` and the `ce-` headers, names lower-cased (header names are
 * case-insensitive, RFC 9110 §5.1; binding §3.1.3.1).
 */
import { CloudEventDecodeError } from '../errors.js';

/** Headers the decoders accept: a WHATWG `Headers`, or an object of name to value(s) in any case. */
export type CloudEventHttpHeaders =
  | Headers
  | Readonly<Record<string, string | readonly string[] | number | boolean | undefined>>;

/** An HTTP message to decode: its headers and its body (bytes, text, or a value a body parser made). */
export interface CloudEventHttpInput {
  headers: CloudEventHttpHeaders;
  body?: unknown;
}

/** The headers the binding reads, lower-case name to single value. */
export type BindingHeaders = Record<string, string>;

function isWhatwgHeaders(headers: CloudEventHttpHeaders): headers is Headers {
  return typeof (headers as Headers).get === 'function' && typeof (headers as Headers).forEach === 'function';
}

function isBindingHeader(lowerName: string): boolean {
  return lowerName.startsWith('ce-') || lowerName === 'content-type';
}

/**
 * Lower-case `content-type` and `ce-*` headers, one value each. A header given twice (an array of
 * several values, or two names differing only in case) is a `CE_INVALID_HEADER`: each attribute
 * appears at most once (core spec, "Context Attributes").
 *
 * @example
 * bindingHeaders({ 'CE-ID': '1', 'Content-Type': ['application/json'], host: 'x' });
 * // { 'ce-id': '1', 'content-type': 'application/json' }
 */
export function bindingHeaders(headers: CloudEventHttpHeaders): BindingHeaders {
  const out: BindingHeaders = {};
  if (isWhatwgHeaders(headers)) {
    // WHATWG Headers already lower-case names and join repeated values.
    headers.forEach((value, name) => {
      if (isBindingHeader(name)) out[name] = value;
    });
    return out;
  }
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (!isBindingHeader(lower)) continue;
    let single: string;
    if (typeof value === 'string') single = value;
    else if (typeof value === 'number' || typeof value === 'boolean') single = String(value);
    else if (value.length === 1) single = value[0] as string;
    else if (value.length === 0) continue;
    else throw duplicate(lower);
    if (out[lower] !== undefined) throw duplicate(lower);
    out[lower] = single;
  }
  return out;
}

function duplicate(name: string): CloudEventDecodeError {
  return new CloudEventDecodeError('CE_INVALID_HEADER', `${name}: header appears more than once`, { header: name });
}
