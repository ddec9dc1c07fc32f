import type { Dispatcher } from '../../dispatch/types.js';
import { findSource } from '../../sources/index.js';
import { InvalidRequestError, invalidRequestBody } from '../../sources/aws/http/common/index.js';
import type { EventSource } from '../../sources/types.js';
import type { LambdaContext } from '../../lambda-context.js';
import { answerOutcome } from '../../pipeline/answer.js';
import type { BatchResult, HttpEventResult, SyncResult } from '../../pipeline/answer.js';
import { answerWithCallback, appDeadlineBeforeCallback } from '../../pipeline/callback.js';
import { deliver } from '../../pipeline/deliver.js';
import { carriedRequest, eventRequest } from '../../pipeline/request.js';
import type { HttpResult } from '../../pipeline/result.js';
import { sendCallback } from './cloudformation/sender.js';
import { appDeadline, invocationHeaders } from './invocation-headers.js';
import type { ResolvedOptions } from './options.js';

/** What an event-mode invocation resolves with. */
export type EventModeResult = HttpResult | BatchResult | HttpEventResult | SyncResult;

/**
 * Lambda event mode: one request per invocation (`POST <routeFor(event)>` with the event's JSON, or the
 * request an HTTP event carries), answered by the source's strategy (`pipeline/answer.ts`).
 *
 * @example
 * const result = await handleEvent(dispatch, options, s3Event, context);
 */
export function handleEvent(dispatch: Dispatcher, options: ResolvedOptions, event: unknown, context: LambdaContext | undefined): Promise<EventModeResult> {
  try {
    return sendEvent(dispatch, options, findSource(event), event, context);
  } catch (error) {
    // An event that cannot be sent (it cannot be serialised): a rejection, never a synchronous throw.
    return Promise.reject(error);
  }
}

/**
 * {@link handleEvent} for an event whose source is already known (record mode hands over the events it
 * delivers as one request), so that the source is looked up once.
 *
 * @example
 * return sendEvent(dispatch, options, source, event, context);
 */
export function sendEvent(
  dispatch: Dispatcher,
  options: ResolvedOptions,
  source: EventSource | undefined,
  event: unknown,
  context: LambdaContext | undefined,
): Promise<EventModeResult> {
  const finalDeadline = appDeadline(context, options);
  if (source?.answer === 'callback') {
    // The caller waits for a PUT, not for this result: the app gets less time, the PUT the rest.
    const deadline = appDeadlineBeforeCallback(finalDeadline);
    const path = source.route(event);
    const request = eventRequest(options, event, path, invocationHeaders(context, deadline), source.metadata?.(event, undefined));
    return deliver(dispatch, request, { event, context }, deadline, (outcome) =>
      answerWithCallback(outcome, source, event, context, path, sendCallback, finalDeadline),
    );
  }
  const invocation = invocationHeaders(context, finalDeadline);
  if (source?.answer === 'http') {
    let carried;
    try {
      carried = source.toRequest(event);
    } catch (error) {
      // A method or header name no HTTP request could carry: 400, as a server's parser would answer.
      if (!(error instanceof InvalidRequestError)) throw error;
      const body = Buffer.from(invalidRequestBody(error));
      return Promise.resolve(source.respond({ statusCode: 400, headers: { 'content-type': 'application/json' }, body }, event) as EventModeResult);
    }
    const request = carriedRequest(carried, options.headers, invocation);
    return deliver(dispatch, request, { event, context }, finalDeadline, (outcome) => answerOutcome(outcome, source, event, request.url, request.method) as EventModeResult);
  }
  const request =
    eventRequest(options, event, source !== undefined ? source.route(event) : options.path, invocation, source?.metadata?.(event, undefined));
  return deliver(dispatch, request, { event, context }, finalDeadline, (outcome) => answerOutcome(outcome, source, event, request.url, request.method) as EventModeResult);
}
