import type { Dispatcher, DispatchRequest } from '../../dispatch/types.js';
import { EventDeliveryError } from '../../errors.js';
import { findSource } from '../../sources/index.js';
import type { LambdaContext } from '../../types.js';
import { deliver } from './deliver.js';
import { DEFAULT_CALLBACK_RESERVE_MS, sendCallback } from './callback.js';
import type { CallbackError } from './callback.js';
import type { Delivery } from './deliver.js';
import type { CallbackOutcome, EventSource } from '../../sources/types.js';
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
): Promise<HttpResult | BatchResult | HttpEventResult | SyncResult> {
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
): Promise<HttpResult | BatchResult | HttpEventResult | SyncResult> {
  const source = findSource(event);
  if (source?.delivery === 'http') return sendHttpEvent(dispatch, options, source, event, context);
  if (source?.callback !== undefined) return sendWithCallback(dispatch, options, source, event, context);
  const path = source !== undefined ? source.route(event) : options.path;
  const deadline = appDeadline(context, options);
  const request = eventRequest(options, event, path, context, deadline);
  return deliver(dispatch, request, { event, context }, deadline, (delivery) => answer(delivery, source, event, path, options));
}

/**
 * The event-mode request: `request.method` to `path`, the event's JSON as body (none for GET and HEAD).
 *
 * @example
 * eventRequest(options, s3Event, '/aws.s3', context, Date.now() + 3000).url; // '/aws.s3'
 */
export function eventRequest(options: ResolvedOptions, event: unknown, path: string, context: LambdaContext | undefined, deadline: number): DispatchRequest {
  // Object.assign, not spread: properties added later to a spread copy are slow on Node 20 (~0.5 µs each).
  const headers: Record<string, string> = Object.assign({}, options.headers);
  let body: Buffer | undefined;
  if (options.hasBody) {
    body = event === undefined ? EMPTY : Buffer.from(JSON.stringify(event), 'utf8');
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(body.length);
  }
  Object.assign(headers, invocationHeaders(context, deadline));
  return { method: options.method, url: path, headers, body };
}

/**
 * The HTTP request an HTTP event carries, with the request defaults' headers and the invocation headers
 * added; the event's own headers win.
 */
export function carriedRequest(source: EventSource, event: unknown, options: ResolvedOptions, context: LambdaContext | undefined, deadline: number): DispatchRequest {
  const carried = (source.toRequest as NonNullable<EventSource['toRequest']>)(event);
  return { ...carried, headers: Object.assign({}, options.headers, invocationHeaders(context, deadline), carried.headers) };
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
  const respond = source.respond as NonNullable<EventSource['respond']>;
  const deadline = appDeadline(context, options);
  const carried = carriedRequest(source, event, options, context, deadline);
  return deliver(dispatch, carried, { event, context }, deadline, (delivery) => {
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

/**
 * A source whose caller waits for a callback (CloudFormation custom resources): the event is delivered as
 * usual, but with `DEFAULT_CALLBACK_RESERVE_MS` kept back from the app's time; then the callback is sent
 * whatever happened (2xx: SUCCESS; non-2xx, throw, timeout: FAILED with the reason), with retries.
 * The result is the callback's body (CloudFormation's response document); if the callback cannot be
 * delivered the invocation rejects, so that Lambda retries it.
 */
async function sendWithCallback(
  dispatch: Dispatcher,
  options: ResolvedOptions,
  source: EventSource,
  event: unknown,
  context: LambdaContext | undefined,
): Promise<SyncResult> {
  const callback = source.callback as NonNullable<EventSource['callback']>;
  const path = source.route(event);
  const finalDeadline = appDeadline(context, options);
  const now = Date.now();
  const deadline = Math.max(finalDeadline - DEFAULT_CALLBACK_RESERVE_MS, now + (finalDeadline - now) / 2);
  const outcome = await deliver(dispatch, eventRequest(options, event, path, context, deadline), { event, context }, deadline, (delivery): CallbackOutcome => {
    if (delivery.error !== undefined) return { ok: false, reason: delivery.error.message };
    if (delivery.ok) return { ok: true, response: delivery.response };
    return { ok: false, reason: appErrorText(delivery.response.statusCode, delivery.response.body), response: delivery.response };
  });
  if (!outcome.ok) console.error(`cloud-events-handler: ${source.name} ${path} failed: ${outcome.reason}`);
  const request = callback(outcome, event, context);
  if (request === undefined) {
    // Nobody to call back (no ResponseURL): answer like a direct invocation.
    if (outcome.ok) return toHttpResult(outcome.response) as unknown as SyncResult;
    throw new EventDeliveryError(outcome.reason, { code: 'EVENT_REJECTED', statusCode: outcome.response?.statusCode ?? 500, body: '', path });
  }
  try {
    await sendCallback(request, finalDeadline);
  } catch (error) {
    throw new EventDeliveryError(`${(error as Error).message}; the ${source.name} caller was not answered`, {
      code: 'CALLBACK_FAILED',
      statusCode: (error as CallbackError).status ?? 502,
      body: request.body,
      path,
      cause: error,
    });
  }
  return JSON.parse(request.body) as SyncResult;
}

/** The invocation's result for a delivery, or the EventDeliveryError to reject with. */
function answer(delivery: Delivery, source: EventSource | undefined, event: unknown, path: string, options: ResolvedOptions): HttpResult | BatchResult | SyncResult {
  const retried = source?.delivery === 'async' || source?.delivery === 'sync';
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
  if (source?.delivery === 'sync') return syncResult(delivery, source, event, path);
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

/**
 * What a request-response source's caller gets: the app's 2xx JSON body, in whatever shape that caller
 * expects (the Cognito event with its `response`, a Lex or Alexa response, an authorizer's policy...).
 */
export type SyncResult = { [key: string]: unknown } | unknown[] | string | number | boolean | null;

/**
 * A request-response source (Cognito, Lex, Alexa, authorizers, ...): a 2xx answer becomes the result in
 * the caller's own shape; any other status rejects with the app's error text as the message, which is
 * what these callers show (Cognito displays it to the user, Lex and authorizers log it).
 */
function syncResult(delivery: Delivery & { error?: undefined }, source: EventSource, event: unknown, path: string): SyncResult {
  const response = delivery.response;
  if (!delivery.ok && !(source.respondsToAnyStatus === true && source.respond !== undefined)) {
    throw new EventDeliveryError(appErrorText(response.statusCode, response.body), {
      code: 'EVENT_REJECTED',
      statusCode: response.statusCode,
      body: response.body.toString('utf8'),
      path,
    });
  }
  return (source.respond !== undefined ? source.respond(response, event) : jsonBody(response.body)) as SyncResult;
}

/**
 * The app's error text: `message`, `errorMessage` or `error` of a JSON body, else the body as text, else
 * `HTTP <status>`.
 *
 * @example
 * appErrorText(400, Buffer.from('{"message":"User is not allowed"}')); // 'User is not allowed'
 */
export function appErrorText(statusCode: number, body: Buffer): string {
  const text = body.toString('utf8').trim();
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      for (const key of ['message', 'errorMessage', 'error']) {
        if (typeof parsed[key] === 'string' && parsed[key] !== '') return parsed[key] as string;
      }
    } catch {
      // Not JSON: the text itself.
    }
  }
  return text !== '' ? text : `HTTP ${statusCode}`;
}

/** A 2xx body as the caller's result: JSON parsed, `null` when empty, else the text. */
function jsonBody(body: Buffer): SyncResult {
  if (body.length === 0) return null;
  const text = body.toString('utf8');
  try {
    return JSON.parse(text) as SyncResult;
  } catch {
    return text;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
