import type { CallbackRequest } from '../../../sources/types.js';
// Node's own setTimeout for the retry pause: fake timers must not stall it (src/timers.ts).
import { setTimeout } from '../../../timers.js';

/** Attempts at sending a callback before giving up. */
export const DEFAULT_CALLBACK_ATTEMPTS = 5;

/** The callback could not be delivered; `status` is the last HTTP status, if any. */
export class CallbackError extends Error {
  readonly code = 'CALLBACK_FAILED';
  readonly status: number | undefined;
  constructor(message: string, status: number | undefined, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CallbackError';
    this.status = status;
  }
}

/**
 * Lambda's callback sender (injected into `answerWithCallback`): send a callback request
 * (CloudFormation's response document), retrying network errors, 5xx and 429
 * with exponential backoff (100 ms, 200 ms, 400 ms...), never past `deadline` (epoch ms). A 4xx other
 * than 429 is final: an expired or malformed presigned URL does not heal.
 *
 * @throws CallbackError after the last attempt, naming the URL without its query (presigned URLs carry
 *   credentials).
 * @example
 * await sendCallback({ url, method: 'PUT', headers: {}, body: '{}' }, Date.now() + 5000);
 */
export async function sendCallback(request: CallbackRequest, deadline: number, attempts = DEFAULT_CALLBACK_ATTEMPTS): Promise<void> {
  const target = redact(request.url);
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
        signal: AbortSignal.timeout(Math.max(1, Math.min(remaining, 10_000))),
      });
      await response.arrayBuffer();
      if (response.ok) return;
      lastStatus = response.status;
      lastError = undefined;
      if (response.status < 500 && response.status !== 429) break;
    } catch (error) {
      lastError = error;
    }
    const pause = Math.min(100 * 2 ** attempt, deadline - Date.now());
    if (pause > 0 && attempt + 1 < attempts) await new Promise((resolve) => setTimeout(resolve, pause));
  }
  const why = lastStatus !== undefined ? `it answered ${lastStatus}` : `${lastError instanceof Error ? lastError.message : String(lastError ?? 'no time left')}`;
  throw new CallbackError(`could not ${request.method} the response to ${target}: ${why}`, lastStatus, lastError);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'an invalid URL';
  }
}
