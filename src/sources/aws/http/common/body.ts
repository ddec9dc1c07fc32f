import { isUtf8 } from 'node:buffer';
import type { DispatchResponse } from '../../../../dispatch/types.js';

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

/** Media types whose bodies are text, beyond `text/*`: by subtype, suffix, or name. */
const TEXTUAL = /^(?:text\/|[^/]+\/(?:[^;]*[+.-])?(?:json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql|yaml|x-yaml|csv|html)\s*(?:;|$))/i;

/**
 * Whether a `content-type` names text: `text/*`, JSON, XML, JavaScript, form-urlencoded, GraphQL,
 * YAML and their `+json`/`+xml` kin (`application/problem+json`, `image/svg+xml`).
 *
 * @example
 * isTextualType('application/json; charset=utf-8'); // true
 * isTextualType('image/png');                       // false
 */
export function isTextualType(contentType: string | undefined): boolean {
  return contentType !== undefined && TEXTUAL.test(contentType);
}

/** A Lambda result body: text, or base64 with `isBase64Encoded: true`. */
export interface EncodedBody {
  body: string;
  isBase64Encoded: boolean;
}

/**
 * The app's response body for a Lambda result: text when the content type is textual, the body is not
 * content-encoded (gzip of text is bytes) and its bytes are valid UTF-8; otherwise base64. An empty
 * body is `''`, not base64.
 *
 * @example
 * responseBody({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('hi') });
 * // { body: 'hi', isBase64Encoded: false }
 */
export function responseBody(response: DispatchResponse): EncodedBody {
  const bytes = response.body;
  if (bytes.length === 0) return { body: '', isBase64Encoded: false };
  const type = response.headers['content-type'];
  const encoding = response.headers['content-encoding'];
  const identity = encoding === undefined || encoding === 'identity';
  if (identity && isTextualType(typeof type === 'string' ? type : type?.[0]) && isUtf8(bytes)) {
    return { body: bytes.toString('utf8'), isBase64Encoded: false };
  }
  return { body: bytes.toString('base64'), isBase64Encoded: true };
}
