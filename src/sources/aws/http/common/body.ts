import type { DispatchResponse } from '../../../../dispatch/types.js';
import { encodeBody } from '../../../../pipeline/result.js';
import type { EncodedBody } from '../../../../pipeline/result.js';

/**
 * The request body of an HTTP event as bytes: base64-decoded when `isBase64Encoded`, else the text's
 * UTF-8 bytes; `undefined` when there is none (missing, not a string, or empty).
 *
 * @example
 * requestBody('aGk=', true);  // <68 69>
 * requestBody('', false);     // undefined
 */
export function requestBody(body: unknown, isBase64Encoded: unknown): Buffer | undefined {
  if (typeof body !== 'string' || body === '') return undefined;
  const bytes = Buffer.from(body, isBase64Encoded === true ? 'base64' : 'utf8');
  return bytes.length === 0 ? undefined : bytes;
}

// One rule for every result shape lives in the pipeline; HTTP events decode by media type.
export { isTextualType, type EncodedBody } from '../../../../pipeline/result.js';

/**
 * The app's response body for an HTTP event's result: text when the content type is textual, the body
 * is not content-encoded and its bytes are valid UTF-8; otherwise base64 (`encodeBody` by content type).
 *
 * @example
 * responseBody({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('hi') });
 * // { body: 'hi', isBase64Encoded: false }
 */
export function responseBody(response: DispatchResponse): EncodedBody {
  return encodeBody(response, true);
}
