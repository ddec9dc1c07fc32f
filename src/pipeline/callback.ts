import { EventDeliveryError } from '../errors.js';
import type { CallbackOutcome, CallbackRequest, CallbackSource } from '../sources/types.js';
import type { LambdaContext } from '../lambda-context.js';
import type { SyncResult } from './answer.js';
import { appErrorText } from './error-text.js';
import { contentTypeOf, toHttpResult } from './result.js';
import type { Outcome } from './types.js';

/** Sends a callback request no later than `deadline` (epoch ms); rejects with `status` when it cannot. */
export type CallbackSender = (request: CallbackRequest, deadline: number) => Promise<void>;

/** Time kept free for the callback after the app's own deadline: the stack must hear back in time. */
export const DEFAULT_CALLBACK_RESERVE_MS = 3000;

/**
 * The app's deadline for a callback source: `DEFAULT_CALLBACK_RESERVE_MS` before the final deadline,
 * but never less than half the time left.
 *
 * @example
 * appDeadlineBeforeCallback(Date.now() + 10_000); // now + 7000
 */
export function appDeadlineBeforeCallback(finalDeadline: number): number {
  const now = Date.now();
  return Math.max(finalDeadline - DEFAULT_CALLBACK_RESERVE_MS, now + (finalDeadline - now) / 2);
}

/**
 * A source whose caller waits for a callback (CloudFormation custom resources): the callback is sent
 * whatever happened (2xx: success; non-2xx, throw, timeout: failure with the reason), through `send`.
 * The result is the callback's body (CloudFormation's response document); a callback that cannot be
 * sent rejects, so that the platform retries. Without anybody to call back, it answers like a direct
 * invocation (the envelope), and rejects on failure.
 *
 * @example
 * const document = await answerWithCallback(outcome, cloudFormationSource, event, context, '/aws.cloudformation', sendCallback, deadline);
 */
export async function answerWithCallback(
  outcome: Outcome,
  source: CallbackSource,
  event: unknown,
  context: LambdaContext | undefined,
  path: string,
  send: CallbackSender,
  finalDeadline: number,
): Promise<SyncResult> {
  const result = callbackOutcome(outcome);
  if (!result.ok) console.error(`cloud-events-handler: ${source.name} ${path} failed: ${result.reason}`);
  const request = source.callback(result, event, context);
  if (request === undefined) {
    if (result.ok) return toHttpResult(result.response) as unknown as SyncResult;
    throw new EventDeliveryError(result.reason, { code: 'EVENT_REJECTED', statusCode: result.response?.statusCode ?? 500, body: '', path });
  }
  try {
    await send(request, finalDeadline);
  } catch (error) {
    throw new EventDeliveryError(`${(error as Error).message}; the ${source.name} caller was not answered`, {
      code: 'CALLBACK_FAILED',
      statusCode: (error as { status?: number }).status ?? 502,
      body: request.body,
      path,
      cause: error,
    });
  }
  return JSON.parse(request.body) as SyncResult;
}

function callbackOutcome(outcome: Outcome): CallbackOutcome {
  switch (outcome.kind) {
    case 'accepted':
      return { ok: true, response: outcome.response };
    case 'rejected':
      if (outcome.response === undefined) return { ok: false, reason: outcome.cause?.message ?? 'the app threw' };
      return { ok: false, reason: appErrorText(outcome.status, outcome.response.body, contentTypeOf(outcome.response)), response: outcome.response };
    case 'timedOut':
      return { ok: false, reason: outcome.cause.message };
    case 'notSent':
      return { ok: false, reason: outcome.reason };
  }
}
