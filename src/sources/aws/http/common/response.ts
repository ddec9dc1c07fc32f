import type * as Http from 'node:http';
import { builtin } from '../../../../builtins.js';
import type { DispatchResponse } from '../../../../dispatch/types.js';
import { flattenHeaders } from '../../../../pipeline/result.js';

/**
 * The app's headers as a single-value map: a repeated field joined with `, `, except `set-cookie`, whose
 * last value is kept, as ALB keeps the last of repeated request headers when multi-value headers are off.
 *
 * @example
 * singleValueHeaders({ vary: ['a', 'b'], 'set-cookie': ['a=1', 'b=2'] }); // { vary: 'a, b', 'set-cookie': 'b=2' }
 */
export function singleValueHeaders(headers: DispatchResponse['headers']): Record<string, string> {
  return flattenHeaders(headers, 'last');
}

export { multiValueHeaders, setCookies } from '../../../../pipeline/result.js';

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
