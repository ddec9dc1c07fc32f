import type { DispatchResponse } from '../dispatch/types.js';
import { EventDeliveryError } from '../errors.js';
import type { EventSource } from '../sources/types.js';
import { appErrorText, bodyExcerpt } from './error-text.js';
import { contentTypeOf, toHttpResult } from './result.js';
import type { HttpResult } from './result.js';
import type { Outcome } from './types.js';

/** Lambda's partial batch response (SQS, Kinesis, DynamoDB Streams). */
export interface BatchResult {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

/**
 * What a request-response source's caller gets: the app's 2xx JSON body, in whatever shape that caller
 * expects (the Cognito event with its `response`, a Lex or Alexa response, an authorizer's policy...).
 */
export type SyncResult = { [key: string]: unknown } | unknown[] | string | number | boolean | null;

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

/**
 * The caller's answer to one delivery, by the source's answer strategy (an unrecognised event: `envelope`),
 * or the {@link EventDeliveryError} it rejects with. `callback` sources are answered by `answerWithCallback`.
 *
 * @example
 * answerOutcome({ kind: 'accepted', response }, sqsSource, event, '/aws.sqs', 'POST'); // { statusCode: 200, ... }
 */
export function answerOutcome(outcome: Outcome, source: EventSource | undefined, event: unknown, path: string, method: string): unknown {
  if (outcome.kind === 'timedOut' || outcome.kind === 'notSent') {
    if (source?.answer !== 'http') throw timeoutError(outcome, path);
    // Answered as a gateway would (a rejection would show the client API Gateway's bare 502), and logged.
    console.error(`cloud-events-handler: ${outcome.kind === 'timedOut' ? outcome.cause.message : outcome.reason}: answering 504`);
    return source.respond(plainAnswer(504, 'Gateway Timeout'), event);
  }
  const strategy = source === undefined ? 'envelope' : source.answer;
  if (outcome.kind === 'rejected' && outcome.response === undefined) {
    const cause = outcome.cause?.cause ?? outcome.cause;
    if (source?.answer === 'http') {
      console.error(`cloud-events-handler: the app threw while handling ${method} ${path}:`, cause);
      return source.respond(plainAnswer(500, 'Internal Server Error'), event);
    }
    if (strategy === 'envelope' || strategy === 'callback') {
      // A caller that reads the result gets what a web server would answer, and the cause is logged.
      console.error(`cloud-events-handler: the app threw while handling ${method} ${path}:`, cause);
      return { statusCode: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Internal Server Error', isBase64Encoded: false };
    }
    throw rejectionOf(outcome, path, method) as EventDeliveryError;
  }
  const response = outcome.response as NonNullable<typeof outcome.response>;
  switch (source?.answer) {
    case 'http':
    case 'response':
      return source.respond(response, event);
    case 'json':
      if (outcome.kind !== 'accepted') throw rejection(appErrorText(response.statusCode, response.body, contentTypeOf(response)), response.statusCode, response.body, path);
      return source.respond !== undefined ? source.respond(response, event) : jsonBody(response.body);
    case 'reject':
      if (outcome.kind !== 'accepted') throw rejectionOf(outcome, path, method) as EventDeliveryError;
      if (source.records?.identifier !== undefined) return appBatchResult(response.body) ?? toHttpResult(response);
      return toHttpResult(response);
    default:
      return toHttpResult(response);
  }
}

/**
 * The {@link EventDeliveryError} a sender that retries is given for a delivery the app did not accept,
 * or undefined when it did: `EVENT_REJECTED` (the app's status and body), `APP_ERROR` (it threw: 500),
 * `APP_TIMEOUT` (no answer in time, or never sent: 504). The `reject` strategy, for any entry point.
 *
 * @example
 * const error = rejectionOf(outcome, '/google.pubsub', 'POST');
 * if (error !== undefined) throw error;
 */
export function rejectionOf(outcome: Outcome, path: string, method: string): EventDeliveryError | undefined {
  if (outcome.kind === 'accepted') return undefined;
  if (outcome.kind === 'timedOut' || outcome.kind === 'notSent') return timeoutError(outcome, path);
  const response = outcome.response;
  if (response === undefined) {
    const cause = outcome.cause?.cause ?? outcome.cause;
    return new EventDeliveryError(`the app threw while handling ${method} ${path}: ${messageOf(cause)}`, { code: 'APP_ERROR', statusCode: 500, body: '', path, cause });
  }
  const excerpt = bodyExcerpt(response);
  return rejection(`the app answered ${response.statusCode} to ${method} ${path}${excerpt ? `: ${excerpt}` : ''}`, response.statusCode, response.body, path);
}

/**
 * Record mode, `envelope` sources (a direct invocation, a client's CloudEvent): each record's envelope,
 * whatever its status (a throw: 500), as event mode answers; a record nobody answered rejects.
 *
 * @example
 * envelopes([{ kind: 'rejected', status: 500, response, cause: undefined }], paths, 'POST'); // [{ statusCode: 500, ... }]
 */
export function envelopes(outcomes: readonly Outcome[], pathOf: (index: number) => string, method: string): HttpResult[] {
  return outcomes.map((outcome, index) => answerOutcome(outcome, undefined, undefined, pathOf(index), method) as HttpResult);
}

/**
 * The app's own `{ batchItemFailures }` answer, when its 2xx body is one; else undefined. Only parsed
 * when the body can be one (names the member).
 *
 * @example
 * appBatchResult(Buffer.from('{"batchItemFailures":[{"itemIdentifier":"m1"}]}'));
 * // { batchItemFailures: [{ itemIdentifier: 'm1' }] }
 */
export function appBatchResult(body: Buffer): BatchResult | undefined {
  if (body.length < 21 || !body.includes('batchItemFailures')) return undefined;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as BatchResult).batchItemFailures)) return parsed as BatchResult;
  } catch {
    // Not JSON: an ordinary body.
  }
  return undefined;
}

/**
 * The {@link EventDeliveryError} of a delivery that timed out or was never sent (status 504).
 *
 * @example
 * throw timeoutError({ kind: 'timedOut', cause }, '/aws.s3');
 */
export function timeoutError(outcome: Outcome & { kind: 'timedOut' | 'notSent' }, path: string): EventDeliveryError {
  const message = outcome.kind === 'timedOut' ? outcome.cause.message : outcome.reason;
  return new EventDeliveryError(`${message}: failing the invocation before its deadline`, { code: 'APP_TIMEOUT', statusCode: 504, body: '', path, cause: outcome.cause });
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

/** A fresh text response (fresh: a source's `respond` may change what it is given). */
function plainAnswer(statusCode: number, text: string): DispatchResponse {
  return { statusCode, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(text) };
}

function rejection(message: string, statusCode: number, body: Buffer, path: string): EventDeliveryError {
  return new EventDeliveryError(message, { code: 'EVENT_REJECTED', statusCode, body: body.toString('utf8'), path });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
