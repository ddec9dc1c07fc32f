import { invalidOption, rejectUnknownKeys, resolveOptions } from './lambda/options.js';
import type { LambdaOptions, ResolvedOptions } from './lambda/options.js';

/**
 * Options of the Google Cloud Functions and Azure Functions entry points: the delivery options every
 * entry point takes (`mode`, `request`, `routes`, as `createLambdaHandler`) and the app's time limit.
 * - `mode`: `record` (default here: both platforms hand over events one at a time or as a batch of
 *   items): each event one request in binary content mode; `event`: the invocation's events as one
 *   request, structured (one event) or batched (several) content mode.
 * - `timeoutMs`: how long the app may take per request before the event is failed (and retried).
 */
export type FunctionOptions = Pick<LambdaOptions, 'mode' | 'request' | 'routes' | 'timeoutMs'>;

/** Resolved function options: the Lambda resolution, and the time limit per request in milliseconds. */
export interface ResolvedFunctionOptions extends ResolvedOptions {
  /** Milliseconds the app has per request. */
  timeLimitMs: number;
}

/**
 * Every option key of these entry points (`satisfies` keeps the list complete), checked like Lambda's: a
 * typo, or a Lambda-only option (`concurrency`, `fifo`, `timeoutMarginMs`: a batch here is delivered in
 * order, with no Lambda deadline), fails at creation instead of being ignored. `request`'s keys are
 * checked by `resolveOptions`.
 */
const FUNCTION_OPTION_KEYS = Object.keys({ mode: true, request: true, routes: true, timeoutMs: true } as const satisfies { [K in keyof Required<FunctionOptions>]: true });

/** Kept free before a platform deadline read from the environment, so the rejection is still heard. */
const PLATFORM_MARGIN_MS = 1000;

/**
 * Apply defaults (`mode: 'record'`) and check every option (a bad one throws `ConfigurationError` at
 * creation: `UNKNOWN_OPTION` for a key these entry points do not have, `INVALID_OPTION` for a bad value). The time limit is `timeoutMs` when given, else the platform's own request timeout when the
 * environment tells it (`CLOUD_RUN_TIMEOUT_SECONDS`, which the Functions Framework reads too) less one
 * second, else the Lambda default (`DEFAULT_TIMEOUT_MS`).
 *
 * @example
 * resolveFunctionOptions({ routes: { 'google.cloud.storage.*': '/uploads' } }).mode; // 'record'
 */
export function resolveFunctionOptions(options: FunctionOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedFunctionOptions {
  if (typeof options !== 'object' || options === null) invalidOption('options', options, 'an object');
  rejectUnknownKeys(options, FUNCTION_OPTION_KEYS, '');
  const resolved = resolveOptions({ mode: options.mode ?? 'record', request: options.request, routes: options.routes, timeoutMs: options.timeoutMs });
  let timeLimitMs = resolved.timeoutMs;
  if (options.timeoutMs === undefined) {
    const seconds = Number(env.CLOUD_RUN_TIMEOUT_SECONDS);
    if (Number.isFinite(seconds) && seconds > 0) timeLimitMs = Math.max(seconds * 1000 - PLATFORM_MARGIN_MS, (seconds * 1000) / 2);
  }
  return { ...resolved, timeLimitMs };
}
