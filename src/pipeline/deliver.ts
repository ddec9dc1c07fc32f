import type { Dispatcher, DispatchRequest, DispatchResponse } from '../dispatch/types.js';
import { isDispatchError } from '../dispatch/types.js';
import { runInInvocation } from '../invocation.js';
import type { Invocation } from '../invocation.js';
import type { Outcome } from './types.js';

/**
 * Send one request to the app inside `invocation` (for `getInvocation()`), no later than `deadline`
 * (epoch ms; a request started at or after it still gets 1 ms, so that what the app saw is what is
 * reported), and settle with `finish(outcome)`. Never
 * rejects for what the app does: a non-2xx answer, a throw or a timeout is an {@link Outcome}. Errors
 * that are not the app's (a bad app, a Promise app that rejected) propagate, as does what `finish` throws.
 *
 * @example
 * const accepted = await deliver(dispatch, request, { event, context }, Date.now() + 1000, (o) => o.kind === 'accepted');
 */
export function deliver<T>(
  dispatch: Dispatcher,
  request: DispatchRequest,
  invocation: Invocation,
  deadline: number,
  finish: (outcome: Outcome) => T,
): Promise<Awaited<T>> {
  const remaining = Math.max(1, deadline - Date.now());
  // One `then` with both outcomes: each promise costs async-hooks work on Node 20 (AsyncLocalStorage).
  return runInInvocation(invocation, () => dispatch(request, remaining)).then(
    (response) => finish(answered(response)),
    (error: unknown) => finish(unanswered(error)),
  ) as Promise<Awaited<T>>;
}

function answered(response: DispatchResponse): Outcome {
  const status = response.statusCode;
  if (status >= 200 && status < 300) return { kind: 'accepted', response };
  return { kind: 'rejected', status, response, cause: undefined };
}

function unanswered(error: unknown): Outcome {
  if (!isDispatchError(error)) throw error;
  if (error.code === 'APP_TIMEOUT') return { kind: 'timedOut', cause: error };
  return { kind: 'rejected', status: 500, response: undefined, cause: error };
}

/** The identity, for callers that want the {@link Outcome} itself. */
export function asOutcome(outcome: Outcome): Outcome {
  return outcome;
}
