import type * as Http from 'node:http';
import { builtin } from '../../../../builtins.js';
import type { DispatchResponse } from '../../../../dispatch/types.js';

/**
 * The app's headers as a single-value map. A repeated field is joined with `, ` (RFC 9110 §5.3), except
 * `set-cookie`, which cannot be joined (an `Expires` date holds a comma): its last value is kept, as ALB
 * keeps the last of repeated request headers when multi-value headers are off.
 *
 * @example
 * singleValueHeaders({ vary: ['a', 'b'], 'set-cookie': ['a=1', 'b=2'] }); // { vary: 'a, b', 'set-cookie': 'b=2' }
 */
export function singleValueHeaders(headers: DispatchResponse['headers']): Record<string, string> {
  const single: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (typeof value === 'string') single[name] = value;
    else if (value !== undefined && value.length > 0) {
      single[name] = name === 'set-cookie' ? (value[value.length - 1] as string) : value.join(', ');
    }
  }
  return single;
}

/**
 * The app's headers as a multi-value map: every field as an array of its values.
 *
 * @example
 * multiValueHeaders({ 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] });
 * // { 'content-type': ['text/plain'], 'set-cookie': ['a=1', 'b=2'] }
 */
export function multiValueHeaders(headers: DispatchResponse['headers']): Record<string, string[]> {
  const multi: Record<string, string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (typeof value === 'string') multi[name] = [value];
    else if (value !== undefined && value.length > 0) multi[name] = value.slice();
  }
  return multi;
}

/**
 * The `Set-Cookie` values of a response, in order.
 *
 * @example
 * setCookies({ 'set-cookie': ['a=1', 'b=2'] }); // ['a=1', 'b=2']
 */
export function setCookies(headers: DispatchResponse['headers']): string[] {
  const value = headers['set-cookie'];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value.slice();
}

/**
 * The status line text ALB and VPC Lattice want: `200 OK`, `418 I'm a Teapot`; the bare code for an
 * unknown status.
 *
 * @example
 * statusDescription(404); // '404 Not Found'
 */
export function statusDescription(statusCode: number): string {
  statusCodes ??= builtin<typeof Http>('node:http').STATUS_CODES;
  const reason = statusCodes[statusCode];
  return reason === undefined ? String(statusCode) : `${statusCode} ${reason}`;
}

/** `http.STATUS_CODES`, loaded on first use. */
let statusCodes: typeof Http.STATUS_CODES | undefined;
