import type { Dispatcher, DispatchRequest, DispatchResponse } from '../../dispatch/types.js';
import { isDispatchError } from '../../dispatch/types.js';
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
 * a throw or a timeout is a failed {@link Delivery}. Errors that are not the app's (a bad app, a Promise
 * app that rejected) propagate.
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
  throw error;
}

/** The identity, for callers that want the {@link Delivery} itself. */
export function asDelivery(delivery: Delivery): Delivery {
  return delivery;
}
