import type { DispatchResponse } from '../dispatch/types.js';
import { htmlMessage } from './html-text.js';
import { contentTypeOf } from './result.js';

/**
 * The app's error text: `message`, `errorMessage` or `error` of a JSON body; the first line of an HTML
 * error page's `<pre>`, `<title>` or `<body>` (Express's default error handler), tags and stack trace
 * left out; else the body as text; else `HTTP <status>`.
 *
 * @example
 * appErrorText(400, Buffer.from('{"message":"User is not allowed"}')); // 'User is not allowed'
 * appErrorText(500, Buffer.from('<!DOCTYPE html>...<pre>Error: boom<br> &nbsp;at ...</pre>...')); // 'Error: boom'
 */
export function appErrorText(statusCode: number, body: Buffer, contentType?: string): string {
  const message = htmlMessage(body, contentType);
  if (message !== undefined) return message;
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

/**
 * The first `limit` characters of a response's body as text, for error messages and logs; of an HTML
 * error page (Express's default error handler), its message's first line only (see {@link htmlMessage}).
 *
 * @example
 * bodyExcerpt({ statusCode: 404, headers: {}, body: Buffer.from('no such book') }); // 'no such book'
 */
export function bodyExcerpt(response: DispatchResponse, limit = 500): string {
  const message = htmlMessage(response.body, contentTypeOf(response));
  if (message !== undefined) return message;
  const text = response.body.subarray(0, limit * 4).toString('utf8');
  return text.length > limit ? text.slice(0, limit) + '…' : text;
}
