import type { Dispatcher, DispatchRequest, DispatchResponse } from '../../dispatch/types.js';
import { isDispatchError } from '../../dispatch/types.js';
import { ConfigurationError, describeError, EventDeliveryError } from '../../errors.js';
import { runInInvocation } from '../../invocation.js';
import type { Invocation } from '../../invocation.js';

/** How one delivery ended: the app's response, or why there is none. */
export type Delivery =
  | { ok: true; response: DispatchResponse; error?: undefined }
  | { ok: false; response: DispatchResponse; error?: undefined }
  | { ok: false; response?: undefined; error: Error & { code: string } };

/**
 * Send one request to the app inside `invocation` (for `getInvocation()`), no later than `deadline`
 * (epoch ms), and settle with `finish(delivery)`. Never rejects for what the app does: a non-2xx answer,
 * a throw or a timeout is a failed {@link Delivery}. An app that cannot be started (a Promise app that
 * rejected, or resolved to something it cannot drive) rejects with `ConfigurationError` `APP_START_FAILED`.
 *
 * @example
 * const ok = await deliver(dispatch, request, { event, context }, Date.now() + 1000, (d) => d.ok);
 */
export function deliver<T>(
  dispatch: Dispatcher,
  request: DispatchRequest,
  invocation: Invocation,
  deadline: number,
  finish: (delivery: Delivery) => T,
): Promise<Awaited<T>> {
  // One `then` with both outcomes: each promise costs async-hooks work on Node 20 (AsyncLocalStorage).
  return runInInvocation(invocation, () => dispatch(request, Math.max(1, deadline - Date.now()))).then(
    (response) => finish(delivered(response)),
    (error: unknown) => finish(undelivered(error)),
  ) as Promise<Awaited<T>>;
}

function delivered(response: DispatchResponse): Delivery {
  return { ok: response.statusCode >= 200 && response.statusCode < 300, response } as Delivery;
}

function undelivered(error: unknown): Delivery {
  if (isDispatchError(error)) return { ok: false, error };
  throw startError(error);
}

/**
 * Not the app's answer but its start (a Promise app that rejected or resolved to something no dispatcher
 * can drive, a failed `ready()`): a `ConfigurationError`, so that every rejection carries a code.
 */
function startError(error: unknown): Error {
  if (error instanceof ConfigurationError || error instanceof EventDeliveryError) return error;
  return new ConfigurationError(`cloud-events-handler could not start the app: ${describeError(error)}`, 'APP_START_FAILED', error);
}

/** The identity, for callers that want the {@link Delivery} itself. */
export function asDelivery(delivery: Delivery): Delivery {
  return delivery;
}
