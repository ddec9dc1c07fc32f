import { htmlMessage } from './html-text.js';

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
