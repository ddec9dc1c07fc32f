import { invalidOption, rejectUnknownKeys, resolveOptions } from '../handlers/lambda/options.js';
import type { RecordRoutes, RequestDefaults, ResolvedOptions } from '../handlers/lambda/options.js';

/** Largest push body read by default: 10 MiB. Larger bodies are answered 413 unread. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** The app's time per push request by default; then 504. */
export const DEFAULT_GATEWAY_TIMEOUT_MS = 60_000;
/** Push requests being delivered at once by default; beyond it: 429 with `Retry-After`. */
export const DEFAULT_MAX_IN_FLIGHT = 256;
/** Seconds `Retry-After` asks a sender to wait after a 429 or 503. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;
/** Google's JWKS for the OIDC tokens of Pub/Sub push subscriptions. */
export const GOOGLE_JWKS_URI = 'https://www.googleapis.com/oauth2/v3/certs';

/** Who may push; each optional. With `token`, `pubsub` or `sns` set, a push satisfying none of them is 401. */
export interface GatewayAuth {
  /** A shared secret in a header (default `authorization`), compared in constant time. */
  token?: { header?: string; value: string };
  /** Google-signed OIDC tokens (RS256) of Pub/Sub push subscriptions, `Authorization: Bearer ...`. */
  pubsub?: { audience: string | readonly string[]; serviceAccountEmail?: string; jwksUri?: string };
  /** SNS topics whose (signature-verified) messages are accepted and whose subscriptions are confirmed. */
  sns?: { topicArns: readonly string[] };
  /** Origins whose CloudEvents webhook `OPTIONS` handshake is answered (`*`: any). Authenticates nothing else. */
  eventGrid?: { allowedOrigins: readonly string[] };
}

/** The fetch the gateway uses for its own outgoing requests (JWKS, SNS certificates, SNS SubscribeURL). */
export type OutboundFetch = (url: string, init?: { method?: string; signal?: AbortSignal }) => Promise<Response>;

/** Options of {@link createEventGateway}. */
export interface GatewayOptions {
  /** As `createLambdaHandler`: `event` (default) or `record` (one binary-mode CloudEvent per event). */
  mode?: 'event' | 'record';
  request?: RequestDefaults;
  routes?: RecordRoutes;
  /** Default {@link DEFAULT_MAX_BODY_BYTES}. */
  maxBodyBytes?: number;
  /** The app's time per push request, default {@link DEFAULT_GATEWAY_TIMEOUT_MS}; then 504. */
  timeoutMs?: number;
  /** Push requests delivered at once, default {@link DEFAULT_MAX_IN_FLIGHT}; beyond it 429 + `Retry-After`. */
  maxInFlight?: number;
  auth?: GatewayAuth;
  /** Replaces `globalThis.fetch` for the gateway's outgoing requests (tests, proxies). */
  outboundFetch?: OutboundFetch;
}

/** Gateway options checked, with defaults applied. */
export interface ResolvedGatewayOptions {
  delivery: ResolvedOptions;
  maxBodyBytes: number;
  timeoutMs: number;
  maxInFlight: number;
  auth: GatewayAuth;
  outboundFetch: OutboundFetch;
}

/** Every option key `createEventGateway` knows (`satisfies` keeps the list complete), checked like Lambda's. */
const GATEWAY_OPTION_KEYS = Object.keys({
  mode: true,
  request: true,
  routes: true,
  maxBodyBytes: true,
  timeoutMs: true,
  maxInFlight: true,
  auth: true,
  outboundFetch: true,
} as const satisfies { [K in keyof Required<GatewayOptions>]: true });
const GATEWAY_AUTH_KEYS = Object.keys({ token: true, pubsub: true, sns: true, eventGrid: true } as const satisfies { [K in keyof Required<GatewayAuth>]: true });

/**
 * Check every gateway option and apply the defaults, so that a bad option fails at
 * `createEventGateway` time.
 *
 * @example
 * resolveGatewayOptions({ timeoutMs: 5000 }).delivery.timeoutMs; // 5000
 */
export function resolveGatewayOptions(options: GatewayOptions = {}): ResolvedGatewayOptions {
  // `null` and non-objects are refused here, not as a TypeError from reading their keys.
  if (!isObject(options)) invalidOption('options', options, 'an object');
  rejectUnknownKeys(options, GATEWAY_OPTION_KEYS, '');
  if (options.auth !== undefined) {
    if (!isObject(options.auth)) invalidOption('auth', options.auth, 'an object');
    rejectUnknownKeys(options.auth, GATEWAY_AUTH_KEYS, 'auth.');
    for (const key of GATEWAY_AUTH_KEYS) {
      const member: unknown = options.auth[key as keyof GatewayAuth];
      if (member !== undefined && !isObject(member)) invalidOption(`auth.${key}`, member, 'an object');
    }
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_GATEWAY_TIMEOUT_MS;
  const delivery = resolveOptions({ mode: options.mode, request: options.request, routes: options.routes, timeoutMs });
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) invalidOption('maxBodyBytes', maxBodyBytes, 'a whole number of bytes');
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1) invalidOption('maxInFlight', maxInFlight, 'a whole number of at least 1');
  const auth = options.auth ?? {};
  if (auth.token !== undefined && (typeof auth.token.value !== 'string' || auth.token.value === '')) invalidOption('auth.token.value', auth.token.value, 'a non-empty string');
  if (auth.pubsub !== undefined && !(typeof auth.pubsub.audience === 'string' ? auth.pubsub.audience !== '' : Array.isArray(auth.pubsub.audience) && auth.pubsub.audience.length > 0)) {
    invalidOption('auth.pubsub.audience', auth.pubsub.audience, 'the push endpoint URL (or the audience the subscription sets)');
  }
  if (auth.sns !== undefined && !Array.isArray(auth.sns.topicArns)) invalidOption('auth.sns.topicArns', auth.sns.topicArns, 'an array of topic ARNs');
  if (auth.eventGrid !== undefined && !Array.isArray(auth.eventGrid.allowedOrigins)) invalidOption('auth.eventGrid.allowedOrigins', auth.eventGrid.allowedOrigins, 'an array of origins');
  const outboundFetch = options.outboundFetch ?? ((url, init) => globalThis.fetch(url, init));
  return { delivery, maxBodyBytes, timeoutMs, maxInFlight, auth, outboundFetch };
}

// Not convert/values.ts isObject: its `value is JsonObject` would narrow the typed options to JSON values.
function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

