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
 * (epoch ms). Never rejects for what the app does: a non-2xx answer, a throw or a timeout is a failed
 * {@link Delivery}. Errors that are not the app's (a bad app, a Promise app that rejected) propagate.
 *
 * @example
 * const delivery = await deliver(dispatch, request, { event, context }, Date.now() + 1000);
 * if (!delivery.ok) console.error(delivery.error ?? delivery.response.statusCode);
 */
export function deliver(dispatch: Dispatcher, request: DispatchRequest, invocation: Invocation, deadline: number): Promise<Delivery> {
  // `then` rather than async/await: one promise less per request on the hot path.
  return runInInvocation(invocation, () => dispatch(request, Math.max(1, deadline - Date.now()))).then(delivered, undelivered);
}

function delivered(response: DispatchResponse): Delivery {
  return { ok: response.statusCode >= 200 && response.statusCode < 300, response } as Delivery;
}

function undelivered(error: unknown): Delivery {
  if (isDispatchError(error)) return { ok: false, error };
  throw error;
}
