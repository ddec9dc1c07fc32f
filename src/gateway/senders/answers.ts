/** Answers the senders share: all accepted, or the first outcome that was not. */
import { outcomeStatus } from '../deliver.js';
import type { Outcome } from '../deliver.js';
import { emptyAnswer, jsonAnswer } from '../types.js';
import type { GatewayAnswer } from '../types.js';

/**
 * The answer for a push whose events were not all accepted: the first failing outcome's status (504 for
 * a timeout, 500 for a throw), with the app's own body and content type when it answered.
 *
 * @example
 * failureAnswer({ state: 'timedOut', path: '/aws.sns' }).statusCode; // 504
 */
export function failureAnswer(outcome: Outcome): GatewayAnswer {
  const statusCode = outcomeStatus(outcome);
  if (outcome.state === 'rejected') {
    const type = outcome.headers['content-type'];
    const headers: Record<string, string> = typeof type === 'string' ? { 'content-type': type } : {};
    return { statusCode, headers, body: outcome.body };
  }
  if (outcome.state === 'timedOut') return jsonAnswer(statusCode, { error: { code: 'APP_TIMEOUT', message: `the app did not answer ${outcome.path} in time` } });
  const reason = outcome.state === 'notSent' ? outcome.reason : 'not delivered';
  return jsonAnswer(statusCode, { error: { code: 'NOT_SENT', message: reason } });
}

/** The first outcome that is not `accepted`, if any. */
export function firstFailure(outcomes: readonly Outcome[]): Outcome | undefined {
  for (const outcome of outcomes) if (outcome.state !== 'accepted') return outcome;
  return undefined;
}

/**
 * `success` when every outcome was accepted (an empty batch too), else {@link failureAnswer} of the first
 * that was not.
 *
 * @example
 * allOrFirstFailure(outcomes, 200);
 */
export function allOrFirstFailure(outcomes: readonly Outcome[], success: number): GatewayAnswer {
  const failed = firstFailure(outcomes);
  return failed === undefined ? emptyAnswer(success) : failureAnswer(failed);
}

/**
 * The app's own answer, passed through (status, content type, body): for callers that read it.
 *
 * @example
 * passThrough(outcomes[0]);
 */
export function passThrough(outcome: Outcome): GatewayAnswer {
  if (outcome.state !== 'accepted') return failureAnswer(outcome);
  const type = outcome.headers['content-type'];
  return { statusCode: outcome.statusCode, headers: typeof type === 'string' ? { 'content-type': type } : {}, body: outcome.body };
}

/** Parse JSON text, or undefined when it is not JSON. */
export function parseJson(body: Buffer): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return undefined;
  }
}
