import { traceparentOf } from '../../pipeline/request.js';
import type { LambdaContext } from '../../lambda-context.js';
import type { ResolvedOptions } from './options.js';

// Characters a header value may not carry as is (Node rejects them; undici too, and CR/LF would split
// the header). JSON escapes control characters below 0x20 itself; DEL and non-ASCII are escaped here.
const NON_ASCII_OR_DEL = /[\u007f-\uffff]/g;
const HAS_NON_ASCII_OR_DEL = /[\u007f-\uffff]/;
const UNSAFE_HEADER_CHARS = /[^\x20-\x7e]/gu;

/**
 * The headers that carry the invocation into the app: `x-amzn-request-id`, `x-amzn-trace-id` (the
 * context's `xRayTraceId`, else `_X_AMZN_TRACE_ID`, read per invocation because the runtime changes it) with the same trace
 * as a W3C `traceparent` (a message's own trace context replaces it, see `pipeline/request.ts`) and
 * `x-amzn-lambda-context` (JSON of the context's plain fields and the deadline in epoch milliseconds).
 *
 * @example
 * invocationHeaders({ awsRequestId: 'abc', functionName: 'f' }, Date.now() + 3000)['x-amzn-request-id']; // 'abc'
 */
export function invocationHeaders(context: LambdaContext | undefined, deadline: number): Record<string, string> {
  const headers: Record<string, string> = {};
  if (context === undefined || context === null) return headers;
  if (typeof context.awsRequestId === 'string') headers['x-amzn-request-id'] = toHeaderValue(context.awsRequestId);
  // Under multi-concurrency (AWS_LAMBDA_MAX_CONCURRENCY: several invocations in one process) the
  // runtime cannot use one environment variable for all of them and puts the trace on the context.
  const trace = typeof context.xRayTraceId === 'string' && context.xRayTraceId !== '' ? context.xRayTraceId : process.env._X_AMZN_TRACE_ID;
  if (trace) {
    headers['x-amzn-trace-id'] = toHeaderValue(trace);
    // The same trace as W3C trace context, for OpenTelemetry-instrumented apps (as its X-Ray propagator reads it).
    const traceparent = traceparentOf(trace);
    if (traceparent !== undefined) headers.traceparent = traceparent;
  }
  headers['x-amzn-lambda-context'] = contextJson(context, deadline);
  return headers;
}

// The context's fields other than the request id and the deadline are the same for every invocation of
// a function instance: their JSON is kept and reused while they stay the same.
let cachedFields: unknown[] = [];
let cachedPrefix = '';

/** JSON of the context's plain fields and the deadline, ASCII only (a header value). */
function contextJson(context: LambdaContext, deadline: number): string {
  const fields = [context.functionName, context.functionVersion, context.invokedFunctionArn, context.memoryLimitInMB];
  if (fields.some((value, i) => value !== cachedFields[i])) {
    cachedFields = fields;
    const json = JSON.stringify({ functionName: fields[0], functionVersion: fields[1], invokedFunctionArn: fields[2], memoryLimitInMB: fields[3] });
    cachedPrefix = json.slice(0, -1);
  }
  const rest = JSON.stringify({ awsRequestId: context.awsRequestId, logGroupName: context.logGroupName, logStreamName: context.logStreamName, deadline });
  const json = (cachedPrefix.length > 1 ? cachedPrefix + ',' : '{') + rest.slice(1);
  return HAS_NON_ASCII_OR_DEL.test(json) ? json.replace(NON_ASCII_OR_DEL, escapeJsonChar) : json;
}

/**
 * The epoch millisecond by which the app must have answered: the Lambda deadline less the margin (but
 * never less than half the remaining time), or `timeoutMs` from now without a Lambda context, or when
 * its `getRemainingTimeInMillis` throws or returns something other than a finite number (a hand-made
 * context: the event is still delivered, with the time limit of a local run).
 *
 * @example
 * appDeadline({ getRemainingTimeInMillis: () => 3000 }, options); // now + 2750 with the default margin
 */
export function appDeadline(context: LambdaContext | undefined, options: ResolvedOptions): number {
  const now = Date.now();
  const remaining = remainingTime(context);
  if (remaining === undefined) return now + options.timeoutMs;
  return now + Math.max(remaining - options.timeoutMarginMs, remaining / 2);
}

function remainingTime(context: LambdaContext | undefined): number | undefined {
  if (typeof context?.getRemainingTimeInMillis !== 'function') return undefined;
  try {
    const remaining: unknown = context.getRemainingTimeInMillis();
    return typeof remaining === 'number' && Number.isFinite(remaining) ? remaining : undefined;
  } catch {
    return undefined;
  }
}

/** A value that is safe as a header value: non-printable and non-ASCII characters percent-encoded. */
export function toHeaderValue(value: string): string {
  return value.replace(UNSAFE_HEADER_CHARS, (char) => encodeURIComponent(char.toWellFormed?.() ?? char));
}

function escapeJsonChar(char: string): string {
  return '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0');
}
