import type * as Net from 'node:net';
import { builtin } from '../../../../builtins.js';

/**
 * The value when it is an IP address (v4 or v6), else `undefined`: it becomes
 * `req.socket.remoteAddress`, which apps log and rate-limit on, so nothing else gets through.
 *
 * @example
 * ipAddress('1.2.3.4'); // '1.2.3.4'
 * ipAddress('x');       // undefined
 */
export function ipAddress(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  isIP ??= builtin<typeof Net>('node:net').isIP;
  return isIP(value) === 0 ? undefined : value;
}

/** `net.isIP`, loaded on first use. */
let isIP: typeof Net.isIP | undefined;

/**
 * The peer address behind ALB and VPC Lattice, which give no source IP field: the last entry of
 * `x-forwarded-for`. Decision: the last, not the first, entry: the load balancer appends the address
 * it saw connect, while every entry before it was written by the client or proxies and can be forged.
 *
 * @example
 * forwardedFor({ 'x-forwarded-for': '10.0.0.1, 54.240.196.186' }); // '54.240.196.186'
 */
export function forwardedFor(headers: Record<string, string | string[]>): string | undefined {
  const value = headers['x-forwarded-for'];
  const list = typeof value === 'string' ? value : value?.join(', ');
  if (list === undefined) return undefined;
  const comma = list.lastIndexOf(',');
  return ipAddress(list.slice(comma + 1).trim());
}

/**
 * Whether the client reached ALB or VPC Lattice over https: their `x-forwarded-proto` header (the last
 * entry, as for `forwardedFor`: the load balancer's own). API Gateway and Function URLs need no header:
 * they accept https alone.
 *
 * @example
 * forwardedHttps({ 'x-forwarded-proto': 'https' }); // true
 * forwardedHttps({});                               // false
 */
export function forwardedHttps(headers: Record<string, string | string[]>): boolean {
  const value = headers['x-forwarded-proto'];
  const list = typeof value === 'string' ? value : value?.join(', ');
  if (list === undefined) return false;
  return list.slice(list.lastIndexOf(',') + 1).trim().toLowerCase() === 'https';
}
