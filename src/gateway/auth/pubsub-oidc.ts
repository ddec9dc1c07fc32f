/**
 * Google-signed OIDC tokens of Pub/Sub push subscriptions: RS256 JWTs verified with node:crypto against
 * Google's JWKS (cached), checking `aud`, `iss`, `exp`, `iat`, `nbf` and optionally `email`. See
 * docs/decisions.md for node:crypto over a JWT library.
 */
import { createPublicKey, verify } from 'node:crypto';
import type { JsonWebKey, KeyObject } from 'node:crypto';
import type { OutboundFetch } from '../options.js';

const ISSUERS = new Set(['accounts.google.com', 'https://accounts.google.com']);
/** Clock skew allowed on `exp`, `iat` and `nbf`, in seconds. */
const SKEW_SECONDS = 60;
/** How long keys are kept without a `Cache-Control: max-age`; an unknown `kid` refetches at most this often. */
const DEFAULT_KEYS_TTL_MS = 60 * 60 * 1000;
const REFETCH_AFTER_MS = 30_000;
const FETCH_TIMEOUT_MS = 5_000;

/** Options of {@link oidcVerifier}. */
export interface OidcOptions {
  audience: string | readonly string[];
  serviceAccountEmail?: string;
  /** Resolved by the caller (default GOOGLE_JWKS_URI): this module imports nothing the package's entry loads. */
  jwksUri: string;
}

/**
 * A verifier of `Authorization: Bearer <JWT>` headers: resolves `undefined` when the token is valid,
 * else the reason it is not.
 *
 * @example
 * const check = oidcVerifier({ audience: 'https://my-service.run.app/', jwksUri: GOOGLE_JWKS_URI }, fetch);
 * await check(req.headers.authorization); // undefined when valid
 */
export function oidcVerifier(options: OidcOptions, fetchImpl: OutboundFetch): (authorization: string | undefined) => Promise<string | undefined> {
  const audiences = new Set(typeof options.audience === 'string' ? [options.audience] : options.audience);
  const keys = jwksCache(options.jwksUri, fetchImpl);
  return async (authorization) => {
    const match = /^Bearer +([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(authorization?.trim() ?? '');
    if (match === null) return 'no Bearer JWT';
    const [, head, body, signature] = match as unknown as [string, string, string, string];
    const header = decodeJson(head) as { alg?: unknown; kid?: unknown } | undefined;
    if (header?.alg !== 'RS256') return `alg ${JSON.stringify(header?.alg)} is not RS256`;
    const key = await keys(typeof header.kid === 'string' ? header.kid : '');
    if (key === undefined) return `no key ${JSON.stringify(header.kid)} in the JWKS`;
    if (!verify('sha256', Buffer.from(`${head}.${body}`), key, Buffer.from(signature, 'base64url'))) return 'bad signature';
    const claims = decodeJson(body) as Record<string, unknown> | undefined;
    if (claims === undefined) return 'claims are not JSON';
    return claimsProblem(claims, audiences, options.serviceAccountEmail);
  };
}

function claimsProblem(claims: Record<string, unknown>, audiences: ReadonlySet<string>, email: string | undefined): string | undefined {
  const now = Date.now() / 1000;
  const aud = claims.aud;
  if (!(typeof aud === 'string' ? audiences.has(aud) : Array.isArray(aud) && aud.some((a) => audiences.has(a as string)))) return `aud ${JSON.stringify(aud)} is not the audience`;
  if (typeof claims.iss !== 'string' || !ISSUERS.has(claims.iss)) return `iss ${JSON.stringify(claims.iss)} is not Google`;
  if (typeof claims.exp !== 'number' || claims.exp + SKEW_SECONDS < now) return 'expired';
  if (typeof claims.iat === 'number' && claims.iat - SKEW_SECONDS > now) return 'issued in the future';
  if (typeof claims.nbf === 'number' && claims.nbf - SKEW_SECONDS > now) return 'not valid yet';
  if (email !== undefined && (claims.email !== email || claims.email_verified !== true)) return `email ${JSON.stringify(claims.email)} is not ${email} (verified)`;
  return undefined;
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The key of a `kid`: from the cache while fresh; an unknown `kid` refetches (rotation), rate-limited. */
function jwksCache(uri: string, fetchImpl: OutboundFetch): (kid: string) => Promise<KeyObject | undefined> {
  let keys = new Map<string, KeyObject>();
  let expires = 0;
  let fetchedAt = -Infinity;
  let pending: Promise<void> | undefined;
  const refresh = (): Promise<void> =>
    (pending ??= (async () => {
      try {
        const response = await fetchImpl(uri, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
        if (!response.ok) throw new Error(`GET ${uri}: HTTP ${response.status}`);
        const jwks = (await response.json()) as { keys?: Array<JsonWebKey & { kid?: string; alg?: string; kty?: string }> };
        const next = new Map<string, KeyObject>();
        for (const jwk of jwks.keys ?? []) {
          if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || (jwk.alg !== undefined && jwk.alg !== 'RS256')) continue;
          next.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
        }
        keys = next;
        fetchedAt = Date.now();
        const maxAge = /max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1];
        expires = fetchedAt + (maxAge !== undefined ? Number(maxAge) * 1000 : DEFAULT_KEYS_TTL_MS);
      } catch (error) {
        console.error(`cloud-events-handler: cannot fetch the JWKS ${uri}:`, error);
      } finally {
        pending = undefined;
      }
    })());
  return async (kid) => {
    const now = Date.now();
    if (now >= expires || (!keys.has(kid) && now - fetchedAt > REFETCH_AFTER_MS)) await refresh();
    return keys.get(kid);
  };
}
