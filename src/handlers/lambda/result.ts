import { isUtf8 } from 'node:buffer';
import type { DispatchResponse } from '../../dispatch/types.js';
import { htmlMessage } from './html-text.js';

/**
 * What an invocation returns in event mode (and per record, for sources without partial batch
 * failures): the app's HTTP response as JSON-serialisable data.
 */
export interface HttpResult {
  statusCode: number;
  /** Lower-case names; a repeated header's values joined with `, ` (see `multiValueHeaders`). */
  headers: Record<string, string>;
  /** Present when a header was repeated (set-cookie): every value, in order. */
  multiValueHeaders?: Record<string, string[]>;
  /** UTF-8 text, or base64 when the body is not valid UTF-8. */
  body: string;
  isBase64Encoded: boolean;
}

/** Lambda's partial batch response (SQS, Kinesis, DynamoDB Streams). */
export interface BatchResult {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

/**
 * The result envelope of an app's response.
 *
 * @example
 * toHttpResult({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('ok') });
 * // { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'ok', isBase64Encoded: false }
 */
export function toHttpResult(response: DispatchResponse): HttpResult {
  const headers: Record<string, string> = {};
  let multiValueHeaders: Record<string, string[]> | undefined;
  for (const name in response.headers) {
    const value = response.headers[name] as string | string[];
    if (typeof value === 'string') {
      headers[name] = value;
    } else {
      headers[name] = value.join(', ');
      if (value.length > 1) (multiValueHeaders ??= {})[name] = value;
    }
  }
  const body = response.body;
  const text = isUtf8(body);
  const result: HttpResult = {
    statusCode: response.statusCode,
    headers,
    body: text ? body.toString('utf8') : body.toString('base64'),
    isBase64Encoded: !text,
  };
  if (multiValueHeaders !== undefined) result.multiValueHeaders = multiValueHeaders;
  return result;
}

/**
 * The app's own `{ batchItemFailures }` answer, when its 2xx body is one; else undefined. Read only for
 * batch sources, and only parsed when the body can be one (starts with `{` and names the member).
 *
 * @example
 * appBatchResult(Buffer.from('{"batchItemFailures":[{"itemIdentifier":"m1"}]}'));
 * // { batchItemFailures: [{ itemIdentifier: 'm1' }] }
 */
export function appBatchResult(body: Buffer): BatchResult | undefined {
  if (body.length < 21 || !body.includes('batchItemFailures')) return undefined;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as BatchResult).batchItemFailures)) {
      return parsed as BatchResult;
    }
  } catch {
    // Not JSON: an ordinary body.
  }
  return undefined;
}

/** True for a 2xx status. */
export function isSuccess(statusCode: number): boolean {
  return statusCode >= 200 && statusCode < 300;
}

/**
 * The first `limit` characters of a body as text, for error messages and logs; of an HTML error page
 * (Express's default error handler), its message's first line only (see {@link htmlMessage}).
 *
 * @example
 * bodyExcerpt(Buffer.from('no such book')); // 'no such book'
 */
export function bodyExcerpt(body: Buffer, limit = 500, contentType?: string): string {
  const message = htmlMessage(body, contentType);
  if (message !== undefined) return message;
  const text = body.subarray(0, limit * 4).toString('utf8');
  return text.length > limit ? text.slice(0, limit) + '…' : text;
}

/**
 * A response's content-type, as one string.
 *
 * @example
 * contentTypeOf({ statusCode: 500, headers: { 'content-type': 'text/html' }, body: Buffer.alloc(0) }); // 'text/html'
 */
export function contentTypeOf(response: DispatchResponse): string | undefined {
  const value = response.headers['content-type'];
  return Array.isArray(value) ? value[0] : value;
}
