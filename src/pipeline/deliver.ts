import type { Dispatcher, DispatchRequest, DispatchResponse } from '../dispatch/types.js';
import { isDispatchError } from '../dispatch/types.js';
import { ConfigurationError, describeError, EventDeliveryError } from '../errors.js';
import { runInInvocation } from '../invocation.js';
import type { Invocation } from '../invocation.js';
import type { Outcome } from './types.js';

/** The outcome of a delivery whose deadline had come before it could start. */
export const DEADLINE_PASSED: Outcome = { kind: 'notSent', reason: "not delivered: the app's deadline had passed" };

/**
 * Whether nothing may be started any more: `deadline` (epoch ms) has come. The one test of it, for a
 * single delivery ({@link deliver}) and for the records of a batch (`runRecords`).
 *
 * @example
 * if (pastDeadline(deadline)) return DEADLINE_PASSED;
 */
export function pastDeadline(deadline: number): boolean {
  return !(Date.now() < deadline);
}

/**
 * Send one request to the app inside `invocation` (for `getInvocation()`), no later than `deadline`
 * (epoch ms), and settle with `finish(outcome)`. A request is never started at or after the deadline:
 * its outcome is then `notSent` ({@link DEADLINE_PASSED}), so that the handler answers before Lambda's
 * own deadline. Never rejects for what the app does: a non-2xx answer, a throw or a timeout is an
 * {@link Outcome}. An app that cannot be started (a Promise app that rejected, or resolved to something
 * no dispatcher can drive) rejects with `ConfigurationError` `APP_START_FAILED`; what `finish` throws
 * propagates.
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
  if (pastDeadline(deadline)) {
    try {
      return Promise.resolve(finish(DEADLINE_PASSED)) as Promise<Awaited<T>>;
    } catch (error) {
      return Promise.reject(error);
    }
  }
  // One `then` with both outcomes: each promise costs async-hooks work on Node 20 (AsyncLocalStorage).
  return runInInvocation(invocation, () => dispatch(request, Math.max(1, deadline - Date.now()))).then(
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
  if (!isDispatchError(error)) throw startError(error);
  if (error.code === 'APP_TIMEOUT') return { kind: 'timedOut', cause: error };
  return { kind: 'rejected', status: 500, response: undefined, cause: error };
}

/** The identity, for callers that want the {@link Outcome} itself. */
export function asOutcome(outcome: Outcome): Outcome {
  return outcome;
}

/**
 * An error that is not the app's answer but its start (a Promise app that rejected or resolved to
 * something no dispatcher can drive, a failed `ready()`), as a `ConfigurationError` `APP_START_FAILED`,
 * so that every rejection carries a code; typed errors of this package pass as they are.
 *
 * @example
 * throw startError(new Error('database unreachable')); // ConfigurationError APP_START_FAILED
 */
export function startError(error: unknown): Error {
  if (error instanceof ConfigurationError || error instanceof EventDeliveryError) return error;
  return new ConfigurationError(`cloud-events-handler could not start the app: ${describeError(error)}`, 'APP_START_FAILED', error);
}
