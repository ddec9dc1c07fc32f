import type { CloudEvent } from '../../cloudevents/types.js';
import { ConfigurationError } from '../../errors.js';

/** Defaults merged into every request the handler makes (the seed's WSGI_ENVIRON). */
export interface RequestDefaults {
  /** Default `POST`. GET and HEAD carry no body. */
  method?: string;
  /** Used when no route applies (an empty or unrecognised event). Default `/`. */
  path?: string;
  /** Added to every request; the event's own headers win on a clash. */
  headers?: Record<string, string>;
}

/** Record mode routing: CloudEvent type pattern (`com.amazonaws.s3.*`) to path, or a function. */
export type RecordRoutes = Record<string, string> | ((event: CloudEvent) => string | undefined);

/** Options of {@link createLambdaHandler}. */
export interface LambdaOptions {
  /** `event` (default): one request per invocation with the raw event; `record`: one CloudEvent request per record. */
  mode?: 'event' | 'record';
  request?: RequestDefaults;
  /** Record mode: where each CloudEvent goes. Unmatched events go to the invocation's event-mode path. */
  routes?: RecordRoutes;
  /** Record mode: how many records of a standard SQS queue (or other unordered batch) are in flight at once. */
  concurrency?: number;
  /**
   * Record mode, ordered batches with message groups (SQS FIFO): `batch` (default, as AWS advises): after
   * a failure nothing later in the batch is delivered; `group`: only that message group is held back,
   * groups run concurrently (`concurrency` at once), each in order.
   */
  fifo?: 'batch' | 'group';
  /**
   * Milliseconds kept free before the Lambda deadline: an app that has not answered by then fails the
   * invocation (or its record) with a timeout, so the handler always answers before Lambda kills it.
   */
  timeoutMarginMs?: number;
  /** The time limit for the app when the context has no `getRemainingTimeInMillis` (local runs, tests). */
  timeoutMs?: number;
}

/**
 * Every option key `createLambdaHandler` knows, and those of `request`: the one list that unknown keys
 * are checked against (a typo such as `rotues` must fail at creation, not route nothing in production).
 * `satisfies` keeps it complete: a key added to {@link LambdaOptions} must be added here.
 */
export const OPTION_KEYS = {
  mode: true,
  request: ['method', 'path', 'headers'],
  routes: true,
  concurrency: true,
  fifo: true,
  timeoutMarginMs: true,
  timeoutMs: true,
} as const satisfies { [K in keyof Required<LambdaOptions>]: true | ReadonlyArray<keyof Required<RequestDefaults>> };

/** Default request method. */
export const DEFAULT_METHOD = 'POST';
/** Default path of an unrecognised event. */
export const DEFAULT_PATH = '/';
/** Default Host header: apps that build absolute URLs (fetch apps, `req.hostname`) need one. */
export const DEFAULT_HOST = 'localhost';
/** Default number of unordered records in flight at once. */
export const DEFAULT_RECORD_CONCURRENCY = 10;
/** Default margin kept before the Lambda deadline. */
export const DEFAULT_TIMEOUT_MARGIN_MS = 250;
/** Default app time limit without a Lambda context. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The longest delay a Node timer honours (2^31-1 ms, about 24.8 days); `timeoutMs` and `timeoutMarginMs` stay within it. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Options with every default applied and header names lower-cased, computed once per handler. */
export interface ResolvedOptions {
  mode: 'event' | 'record';
  method: string;
  hasBody: boolean;
  path: string;
  headers: Record<string, string>;
  routeRecord: (event: CloudEvent) => string | undefined;
  concurrency: number;
  fifo: 'batch' | 'group';
  timeoutMarginMs: number;
  timeoutMs: number;
}

/**
 * Apply defaults and check every option, so that a bad option fails at `createLambdaHandler` time.
 *
 * @example
 * resolveOptions({ request: { method: 'put' } }).method; // 'PUT'
 */
export function resolveOptions(options: LambdaOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) invalidOption('options', options, 'an object');
  rejectUnknownKeys(options, Object.keys(OPTION_KEYS), '');
  if (options.request !== undefined) {
    if (typeof options.request !== 'object' || options.request === null) invalidOption('request', options.request, 'an object');
    rejectUnknownKeys(options.request, OPTION_KEYS.request, 'request.');
  }
  const mode = options.mode ?? 'event';
  if (mode !== 'event' && mode !== 'record') invalidOption('mode', mode, "'event' or 'record'");
  const method = (options.request?.method ?? DEFAULT_METHOD).toUpperCase();
  if (!/^[A-Z!#$%&'*+.^_`|~0-9-]+$/.test(method)) invalidOption('request.method', method, 'an HTTP method token');
  const path = options.request?.path ?? DEFAULT_PATH;
  if (typeof path !== 'string' || !path.startsWith('/') || /[\s#]/.test(path)) invalidOption('request.path', path, "a path starting with '/'");
  const headers: Record<string, string> = { host: DEFAULT_HOST };
  for (const [name, value] of Object.entries(options.request?.headers ?? {})) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) invalidOption(`request.headers[${JSON.stringify(name)}]`, name, 'a header name that is an HTTP token');
    if (/[^\t\x20-\x7e\x80-\xff]/.test(String(value))) invalidOption(`request.headers.${name}`, value, 'a header value without control characters');
    headers[name.toLowerCase()] = String(value);
  }
  const concurrency = options.concurrency ?? DEFAULT_RECORD_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) invalidOption('concurrency', concurrency, 'a whole number of at least 1');
  const fifo = options.fifo ?? 'batch';
  if (fifo !== 'batch' && fifo !== 'group') invalidOption('fifo', fifo, "'batch' or 'group'");
  const timeoutMarginMs = options.timeoutMarginMs ?? DEFAULT_TIMEOUT_MARGIN_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // At most 2^31-1: a longer timer fires at once (Node clamps it to 1 ms), and Infinity never would.
  if (!(timeoutMarginMs >= 0 && timeoutMarginMs <= MAX_TIMER_MS)) invalidOption('timeoutMarginMs', timeoutMarginMs, `a number of milliseconds from 0 to ${MAX_TIMER_MS}`);
  if (!(timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS)) invalidOption('timeoutMs', timeoutMs, `a positive number of milliseconds up to ${MAX_TIMER_MS}`);
  return {
    mode,
    method,
    hasBody: method !== 'GET' && method !== 'HEAD',
    path,
    headers,
    routeRecord: compileRoutes(options.routes),
    concurrency,
    fifo,
    timeoutMarginMs,
    timeoutMs,
  };
}

/**
 * A function from CloudEvent to path: the first `routes` entry whose type pattern matches (`*` matches
 * any run of characters), else undefined.
 *
 * @example
 * compileRoutes({ 'com.amazonaws.s3.*': '/uploads' })({ type: 'com.amazonaws.s3.ObjectCreated:Put' } as CloudEvent);
 * // '/uploads'
 */
export function compileRoutes(routes: RecordRoutes | undefined): (event: CloudEvent) => string | undefined {
  if (routes === undefined) return () => undefined;
  if (typeof routes === 'function') return routes;
  const matchers = Object.entries(routes).map(([pattern, path]) => {
    if (typeof path !== 'string' || !path.startsWith('/')) invalidOption(`routes['${pattern}']`, path, "a path starting with '/'");
    if (!pattern.includes('*')) return (type: string) => (type === pattern ? path : undefined);
    const regex = new RegExp('^' + pattern.split('*').map(escapeRegex).join('.*') + '$', 's');
    return (type: string) => (regex.test(type) ? path : undefined);
  });
  return (event) => {
    for (const match of matchers) {
      const path = match(event.type);
      if (path !== undefined) return path;
    }
    return undefined;
  };
}

/**
 * Throws `UNKNOWN_OPTION` for the first key of `given` not in `known`, with the closest known key.
 *
 * @example
 * rejectUnknownKeys({ rotues: {} }, ['mode', 'routes'], ''); // throws: no option rotues (did you mean routes?)
 */
export function rejectUnknownKeys(given: object, known: ReadonlyArray<string>, prefix: string): void {
  for (const key of Object.keys(given)) {
    if (known.includes(key)) continue;
    const closest = closestKey(key, known);
    const hint = closest !== undefined ? ` (did you mean ${prefix}${closest}?)` : '';
    throw new ConfigurationError(
      `cloud-events-handler has no option ${prefix}${key}${hint}; the options${prefix === '' ? '' : ` of ${prefix.slice(0, -1)}`} are ${known.join(', ')}`,
      'UNKNOWN_OPTION',
    );
  }
}

/** The known key within 2 edits of `key` (case ignored; a swap of two letters is 1 edit), if any. */
function closestKey(key: string, known: ReadonlyArray<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(key.length / 2));
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance <= bestDistance) [best, bestDistance] = [candidate, distance - 1];
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Throw the `ConfigurationError` (`INVALID_OPTION`) for an option whose value is wrong, naming the
 * option, the value and what was expected: every entry point's option checks use it.
 *
 * @example
 * invalidOption('maxInFlight', 0, 'a whole number of at least 1');
 * // throws: cloud-events-handler option maxInFlight is 0: expected a whole number of at least 1
 */
export function invalidOption(option: string, value: unknown, expected: string): never {
  const shown = typeof value === 'number' ? String(value) : JSON.stringify(value);
  throw new ConfigurationError(`cloud-events-handler option ${option} is ${shown}: expected ${expected}`, 'INVALID_OPTION');
}
