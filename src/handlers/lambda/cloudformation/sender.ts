import type { CallbackRequest } from '../../../sources/types.js';
// Node's own setTimeout for the retry pause: fake timers must not stall it (src/timers.ts).
import { setTimeout } from '../../../timers.js';

/** Attempts at sending a callback before giving up. */
export const DEFAULT_CALLBACK_ATTEMPTS = 5;

/** Stable codes of {@link CallbackError}. */
export type CallbackErrorCode =
  /** No attempt got a 2xx answer before the deadline (network errors, 4xx, 5xx). */
  | 'CALLBACK_FAILED'
  /** The callback URL answered a redirect: not followed, since a redirect would send the document elsewhere. */
  | 'CALLBACK_REDIRECTED';

/**
 * The callback could not be delivered; `status` is the last HTTP status, if any. Its message, and every
 * message and stack in its `cause` chain, name the URL without its query (presigned URLs carry
 * credentials there).
 */
export class CallbackError extends Error {
  readonly code: CallbackErrorCode;
  readonly status: number | undefined;
  constructor(message: string, status: number | undefined, cause?: unknown, code: CallbackErrorCode = 'CALLBACK_FAILED') {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CallbackError';
    this.code = code;
    this.status = status;
  }
}

/**
 * Lambda's callback sender (injected into `answerWithCallback`): send a callback request
 * (CloudFormation's response document), retrying network errors, 5xx and 429
 * with exponential backoff (100 ms, 200 ms, 400 ms...), never past `deadline` (epoch ms). A 4xx other
 * than 429 is final: an expired or malformed presigned URL does not heal. A 3xx is final too, and never
 * followed: a 303 would turn the PUT into a bodyless GET, a 302/307 would resend the document (NoEcho
 * data included) to another host.
 *
 * @throws CallbackError after the last attempt, naming the URL without its query (presigned URLs carry
 *   credentials).
 * @example
 * await sendCallback({ url, method: 'PUT', headers: {}, body: '{}' }, Date.now() + 5000);
 */
export async function sendCallback(request: CallbackRequest, deadline: number, attempts = DEFAULT_CALLBACK_ATTEMPTS): Promise<void> {
  const target = withoutQuery(request.url);
  let lastStatus: number | undefined;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        // Whole milliseconds: AbortSignal.timeout throws on a fraction (a deadline of `now + 2999.5`).
        signal: AbortSignal.timeout(Math.max(1, Math.floor(Math.min(remaining, 10_000)))),
      });
      await response.arrayBuffer();
      if (response.ok) return;
      lastStatus = response.status;
      lastError = undefined;
      if (response.status >= 300 && response.status < 400) {
        throw new CallbackError(`could not ${request.method} the response to ${target}: it answered ${response.status}, a redirect (not followed)`, response.status, undefined, 'CALLBACK_REDIRECTED');
      }
      if (response.status < 500 && response.status !== 429) break;
    } catch (error) {
      if (error instanceof CallbackError) throw error;
      lastError = error;
    }
    const pause = Math.min(100 * 2 ** attempt, deadline - Date.now());
    if (pause > 0 && attempt + 1 < attempts) await new Promise((resolve) => setTimeout(resolve, pause));
  }
  const cause = lastError === undefined ? undefined : redactError(lastError, request.url);
  const why = lastStatus !== undefined ? `it answered ${lastStatus}` : cause instanceof Error ? errorText(cause) : 'no time left';
  throw new CallbackError(`could not ${request.method} the response to ${target}: ${why}`, lastStatus, cause);
}

/** `scheme://host/path` of a URL, without user info, query or fragment; also for a URL `new URL` rejects. */
function withoutQuery(url: string): string {
  const [head = ''] = url.split(/[?#]/, 1);
  return head.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

/** `message (cause's message)`: undici's own message is only "fetch failed". */
function errorText(error: Error): string {
  const cause = error.cause instanceof Error ? error.cause : undefined;
  return cause !== undefined && cause.message !== error.message ? `${error.message} (${cause.message})` : error.message;
}

/**
 * A copy of `error` and its cause chain (and an AggregateError's `errors`) with `url` redacted from every
 * message and stack: undici quotes the URL it was given (`Failed to parse URL from ...`, an `input`
 * property), query and all. Only name, message, stack, `code`, `cause` and `errors` are kept.
 */
function redactError(error: unknown, url: string, depth = 0): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redactText(original.message, url));
  copy.name = original.name;
  copy.stack = original.stack !== undefined ? redactText(original.stack, url) : undefined;
  const code = (original as { code?: unknown }).code;
  if (typeof code === 'string') (copy as Error & { code: string }).code = code;
  if (depth < 8 && original.cause !== undefined) copy.cause = redactError(original.cause, url, depth + 1);
  const errors = (original as { errors?: unknown }).errors;
  if (depth < 8 && Array.isArray(errors)) (copy as Error & { errors: Error[] }).errors = errors.map((item) => redactError(item, url, depth + 1));
  return copy;
}

/** `text` with `url` shortened to {@link withoutQuery}, and its query removed wherever else it appears. */
function redactText(text: string, url: string): string {
  let safe = text.split(url).join(withoutQuery(url));
  const start = url.search(/[?#]/);
  const queries = start >= 0 ? [url.slice(start)] : [];
  // The URL as parsed too (percent-encoded, normalised), as undici may quote that form.
  if (URL.canParse(url)) queries.push(new URL(url).search);
  for (const query of queries) if (query.length > 1) safe = safe.split(query).join('');
  return safe;
}
