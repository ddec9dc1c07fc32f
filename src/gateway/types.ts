/** The gateway's own shapes: a push request as read off the wire, and what the sender is answered. */

/** A push request: method, path and query as received, lower-case headers (repeats joined), body bytes. */
export interface PushRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** What the gateway answers the sender. */
export interface GatewayAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** Stable codes of a {@link GatewayError}. */
export type GatewayErrorCode =
  | 'UNRECOGNISED_PUSH'
  | 'MALFORMED_JSON'
  | 'INVALID_CLOUDEVENT'
  | 'BODY_TOO_LARGE'
  | 'UNAUTHORISED'
  | 'SIGNATURE_INVALID'
  | 'TOPIC_NOT_ALLOWED'
  | 'ORIGIN_NOT_ALLOWED'
  | 'CONFIRMATION_FAILED'
  | 'TOO_MANY_IN_FLIGHT'
  | 'CLOSING';

/** A push the gateway refuses, with the HTTP status it is answered with. */
export interface GatewayError extends Error {
  code: GatewayErrorCode;
  status: number;
}

/**
 * Build a {@link GatewayError}.
 *
 * @example
 * throw gatewayError(400, 'MALFORMED_JSON', 'the body is not JSON');
 */
export function gatewayError(status: number, code: GatewayErrorCode, message: string, cause?: unknown): GatewayError {
  const error = new Error(message, cause === undefined ? undefined : { cause }) as GatewayError;
  error.name = 'GatewayError';
  error.code = code;
  error.status = status;
  return error;
}

/** True for a {@link GatewayError}. */
export function isGatewayError(error: unknown): error is GatewayError {
  return error instanceof Error && error.name === 'GatewayError' && typeof (error as GatewayError).status === 'number';
}

/**
 * The JSON error answer: `{ "error": { "code", "message" } }` with the error's status.
 *
 * @example
 * errorAnswer(gatewayError(401, 'UNAUTHORISED', 'no valid credentials')).statusCode; // 401
 */
export function errorAnswer(error: GatewayError, headers: Record<string, string> = {}): GatewayAnswer {
  return jsonAnswer(error.status, { error: { code: error.code, message: error.message } }, headers);
}

/**
 * A JSON answer.
 *
 * @example
 * jsonAnswer(200, { validationResponse: 'abc' });
 */
export function jsonAnswer(statusCode: number, value: unknown, headers: Record<string, string> = {}): GatewayAnswer {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

/** An answer without a body. */
export function emptyAnswer(statusCode: number, headers: Record<string, string> = {}): GatewayAnswer {
  return { statusCode, headers, body: '' };
}
