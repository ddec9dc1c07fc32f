import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The header that carries the console's per-run token on every API request (the page reads it from its URL). */
export const TOKEN_HEADER = 'x-console-token';

/** Stable codes of a refused console request. */
export type RefusalCode = 'BAD_HOST' | 'BAD_ORIGIN' | 'BAD_TOKEN';

/** Why a request to the console was refused (403): a page of another site, a rebound DNS name, no token. */
export interface Refusal {
  code: RefusalCode;
  message: string;
}

/**
 * A fresh per-run token: 24 random bytes, URL-safe base64 (32 characters).
 *
 * @example
 * const token = consoleToken(); // 'q3J0...'
 */
export function consoleToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The `Host` values the console answers to on `port`: `127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`,
 * and the `--host` it was given. Anything else is a DNS-rebinding attempt: a foreign name resolved to
 * this machine.
 *
 * @example
 * allowedHosts('127.0.0.1', 8787); // Set { '127.0.0.1:8787', 'localhost:8787', '[::1]:8787' }
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (host !== '0.0.0.0' && host !== '::') names.add(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  return new Set([...names].map((name) => `${name.toLowerCase()}:${port}`));
}

/** Compared in constant time: the time taken says nothing about how much of the token was right. */
function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether a request may reach the console, else why not. `Host` must be one of {@link allowedHosts};
 * an `Origin`, when sent, must be `http://` + that same host (a page of another site sends its own);
 * API requests (`needsToken`) must carry the token in {@link TOKEN_HEADER} (or `?token=` for the
 * Server-Sent Events stream, which `EventSource` cannot add headers to).
 *
 * @example
 * const refusal = refusalOf(req.headers, url, { hosts, token, needsToken: true });
 * if (refusal) res.writeHead(403).end(refusal.message);
 */
export function refusalOf(
  headers: IncomingHttpHeaders,
  url: URL,
  policy: { hosts: ReadonlySet<string>; token: string; needsToken: boolean },
): Refusal | undefined {
  const host = (headers.host ?? '').toLowerCase();
  if (!policy.hosts.has(host)) return { code: 'BAD_HOST', message: `Host "${host}" is not this console's (${[...policy.hosts][0]})` };
  const origin = headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
    return { code: 'BAD_ORIGIN', message: `Origin "${origin}" is not this console's: requests from other sites are refused` };
  }
  if (!policy.needsToken) return undefined;
  const given = headers[TOKEN_HEADER];
  const token = typeof given === 'string' ? given : (url.searchParams.get('token') ?? '');
  if (!sameToken(token, policy.token)) return { code: 'BAD_TOKEN', message: `missing or wrong ${TOKEN_HEADER}: open the URL the dev command printed` };
  return undefined;
}
