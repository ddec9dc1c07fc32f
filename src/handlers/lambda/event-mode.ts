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
): Promise<HttpResult | BatchResult | HttpEventResult> {
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
): Promise<HttpResult | BatchResult | HttpEventResult> {
  const source = findSource(event);
  if (source?.delivery === 'http') return sendHttpEvent(dispatch, options, source, event, context);
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

/**
 * An HTTP event (API Gateway, ALB, Function URL, VPC Lattice): the request it carries goes to the app as
 * is, and the app's response, whatever its status, is answered in the event's own format. The request
 * defaults' headers are added, the event's own win; an app that throws is answered 500, logged.
 */
function sendHttpEvent(
  dispatch: Dispatcher,
  options: ResolvedOptions,
  source: EventSource,
  event: unknown,
  context: LambdaContext | undefined,
): Promise<HttpEventResult> {
  const toRequest = source.toRequest as NonNullable<EventSource['toRequest']>;
  const respond = source.respond as NonNullable<EventSource['respond']>;
  const deadline = appDeadline(context, options);
  const carried = toRequest(event);
  const headers = Object.assign({}, options.headers, invocationHeaders(context, deadline), carried.headers);
  const request = { ...carried, headers };
  return deliver(dispatch, request, { event, context }, deadline, (delivery) => {
    if (delivery.error === undefined) return respond(delivery.response, event) as HttpEventResult;
    if (delivery.error.code === 'APP_TIMEOUT') throw timeoutError(delivery.error, carried.url);
    console.error(`cloud-events-handler: the app threw while handling ${carried.method} ${carried.url}:`, delivery.error.cause ?? delivery.error);
    const failure = { statusCode: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('Internal Server Error') };
    return respond(failure, event) as HttpEventResult;
  });
}

/**
 * What an HTTP event's caller gets: the event's own response format. API Gateway (REST and HTTP APIs),
 * Function URLs, ALB and VPC Lattice all answer with these members, plus their own (`cookies`,
 * `multiValueHeaders`, `statusDescription`).
 */
export interface HttpEventResult {
  statusCode: number;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  cookies?: string[];
  statusDescription?: string;
  body: string;
  isBase64Encoded: boolean;
}

function timeoutError(error: Error, path: string): EventDeliveryError {
  return new EventDeliveryError(`${error.message}: failing the invocation before Lambda's deadline`, {
    code: 'APP_TIMEOUT',
    statusCode: 504,
    body: '',
    path,
    cause: error,
  });
}

/** The invocation's result for a delivery, or the EventDeliveryError to reject with. */
function answer(delivery: Delivery, source: EventSource | undefined, path: string, options: ResolvedOptions): HttpResult | BatchResult {
  const retried = source?.delivery === 'async';
  if (delivery.error !== undefined) {
    if (delivery.error.code === 'APP_TIMEOUT') throw timeoutError(delivery.error, path);
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
