/**
 * The request an HTTP event carries cannot be delivered as sent: its method or a header name is not
 * what an HTTP/1.1 request line or field could hold. A real server's parser would have answered 400
 * before the app saw anything; the handler does the same, in the event's own response format.
 */

/**
 * An HTTP event whose request is malformed: `code` `INVALID_REQUEST`, `statusCode` 400, `field` the
 * event field at fault (`httpMethod`, `requestContext.http.method`, `headers`, ...).
 *
 * @example
 * throw new InvalidRequestError('httpMethod', 'httpMethod "G\r\nET" is not an HTTP method token');
 */
export class InvalidRequestError extends Error {
  readonly code = 'INVALID_REQUEST';
  readonly statusCode = 400;
  /** The event field at fault. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'InvalidRequestError';
    this.field = field;
  }
}

/** An RFC 9110 token: what a method must be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * The method of an HTTP event: the value when it is an RFC 9110 token (`GET`, `PATCH`, `PROPFIND`),
 * `GET` when the event has none; anything else (empty, `GET /x`, `G\r\nET`, a number) throws an
 * {@link InvalidRequestError} naming `field`. The common methods skip the regex.
 *
 * @example
 * requestMethod('POST', 'httpMethod');     // 'POST'
 * requestMethod(undefined, 'httpMethod');  // 'GET'
 * requestMethod('GET /x', 'httpMethod');   // throws InvalidRequestError (field 'httpMethod')
 */
export function requestMethod(value: unknown, field: string): string {
  if (value === 'GET' || value === 'POST') return value;
  if (value === undefined) return 'GET';
  if (typeof value === 'string' && TOKEN.test(value)) return value;
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : `a ${value === null ? 'null' : typeof value}`;
  throw new InvalidRequestError(field, `${field} ${shown} is not an HTTP method token`);
}

/**
 * The JSON body of the 400 answer to an {@link InvalidRequestError}: `{ message, code, field }`.
 *
 * @example
 * invalidRequestBody(new InvalidRequestError('headers', 'header name "a b" is not an HTTP token'));
 * // '{"message":"Bad Request: header name \"a b\" is not an HTTP token","code":"INVALID_REQUEST","field":"headers"}'
 */
export function invalidRequestBody(error: InvalidRequestError): string {
  return JSON.stringify({ message: `Bad Request: ${error.message}`, code: error.code, field: error.field });
}
