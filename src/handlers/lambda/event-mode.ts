import type { Dispatcher } from '../../dispatch/types.js';
import { EventDeliveryError } from '../../errors.js';
import { findSource } from '../../sources/index.js';
import type { LambdaContext } from '../../types.js';
import { deliver } from './deliver.js';
import type { Delivery } from './deliver.js';
import type { EventSource } from '../../sources/types.js';
import { appDeadline, invocationHeaders } from './invocation-headers.js';
import type { ResolvedOptions } from './options.js';
import { appBatchResult, bodyExcerpt, toHttpResult } from './result.js';
import type { BatchResult, HttpResult } from './result.js';

const EMPTY = Buffer.alloc(0);

/**
 * Event mode: one request per invocation, `POST <routeFor(event)>` with the event's JSON as body.
 * A failed delivery of an event whose caller retries rejects with {@link EventDeliveryError}; other
 * callers get the result envelope whatever the status. A timeout always rejects.
 *
 * @example
 * const result = await handleEvent(dispatch, options, s3Event, context);
 */
export function handleEvent(
  dispatch: Dispatcher,
  options: ResolvedOptions,
  event: unknown,
  context: LambdaContext | undefined,
): Promise<HttpResult | BatchResult> {
  try {
    return sendEvent(dispatch, options, event, context);
  } catch (error) {
    // An event that cannot be sent (it cannot be serialised): a rejection, never a synchronous throw.
    return Promise.reject(error);
  }
}

function sendEvent(
  dispatch: Dispatcher,
  options: ResolvedOptions,
  event: unknown,
  context: LambdaContext | undefined,
): Promise<HttpResult | BatchResult> {
  const source = findSource(event);
  const path = source !== undefined ? source.route(event) : options.path;
  const deadline = appDeadline(context, options);
  // Object.assign, not spread: properties added later to a spread copy are slow on Node 20 (~0.5 µs each).
  const headers: Record<string, string> = Object.assign({}, options.headers);
  let body: Buffer | undefined;
  if (options.hasBody) {
    body = event === undefined ? EMPTY : Buffer.from(JSON.stringify(event), 'utf8');
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(body.length);
  }
  Object.assign(headers, invocationHeaders(context, deadline));

  const request = { method: options.method, url: path, headers, body };
  return deliver(dispatch, request, { event, context }, deadline, (delivery) => answer(delivery, source, path, options));
}

/** The invocation's result for a delivery, or the EventDeliveryError to reject with. */
function answer(delivery: Delivery, source: EventSource | undefined, path: string, options: ResolvedOptions): HttpResult | BatchResult {
  const retried = source?.delivery === 'async';
  if (delivery.error !== undefined) {
    if (delivery.error.code === 'APP_TIMEOUT') {
      throw new EventDeliveryError(`${delivery.error.message}: failing the invocation before Lambda's deadline`, {
        code: 'APP_TIMEOUT',
        statusCode: 504,
        body: '',
        path,
        cause: delivery.error,
      });
    }
    const cause = delivery.error.cause ?? delivery.error;
    if (retried) {
      throw new EventDeliveryError(`the app threw while handling ${options.method} ${path}: ${messageOf(cause)}`, {
        code: 'APP_ERROR',
        statusCode: 500,
        body: '',
        path,
        cause,
      });
    }
    // A caller that reads the result gets what a web server would answer, and the cause is logged.
    console.error(`cloud-events-handler: the app threw while handling ${options.method} ${path}:`, cause);
    return { statusCode: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Internal Server Error', isBase64Encoded: false };
  }
  const response = delivery.response;
  if (!delivery.ok && retried) {
    const excerpt = bodyExcerpt(response.body);
    throw new EventDeliveryError(`the app answered ${response.statusCode} to ${options.method} ${path}${excerpt ? `: ${excerpt}` : ''}`, {
      code: 'EVENT_REJECTED',
      statusCode: response.statusCode,
      body: response.body.toString('utf8'),
      path,
    });
  }
  if (delivery.ok && source?.batch !== undefined) {
    const batch = appBatchResult(response.body);
    if (batch !== undefined) return batch;
  }
  return toHttpResult(response);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
