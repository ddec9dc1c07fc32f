/** An HTTP request to drive an app with, in memory. Header names are lower-case. */
export interface DispatchRequest {
  method: string;
  /** Path and query, starting with `/`. */
  url: string;
  headers: Record<string, string | string[]>;
  /** Body bytes; absent for GET and HEAD. */
  body?: Buffer | undefined;
  /** What `req.socket.remoteAddress` reports (default `127.0.0.1`). */
  remoteAddress?: string | undefined;
  /**
   * The request reached the platform over TLS (API Gateway, Function URLs; ALB and VPC Lattice by
   * `x-forwarded-proto`): a listener app's socket is `encrypted` (Express's `req.secure` and
   * `req.protocol`, Koa's `ctx.protocol`), a fetch app's Request URL is `https://`. Default false.
   */
  secure?: boolean | undefined;
}

/** What the app answered. Header names are lower-case; repeated headers (set-cookie) are arrays. */
export interface DispatchResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * Drives one app: sends a request, resolves with the response. Rejects with a {@link DispatchError} when
 * the app throws, rejects, destroys the response, or does not answer within `timeoutMs`.
 */
export type Dispatcher = (request: DispatchRequest, timeoutMs: number, sink?: ResponseSink) => Promise<DispatchResponse>;

/**
 * Where a streamed response goes (Lambda response streaming): the status and headers once, when the app
 * sends its head, then each body chunk as the app writes it, then the end. With a sink, the
 * dispatcher's resolved response has an empty body: the bytes went to the sink.
 *
 * Backpressure is the sink's, as a Node Writable's: `write()` returns false when the sink is congested,
 * and `onDrain` calls its listener once when it can take more. A listener app's `res.write()` then
 * returns false and `res` emits `drain` (so `pipe` and `pipeline` slow down); a fetch app's body is read
 * no faster than the sink drains.
 */
export interface ResponseSink {
  head(statusCode: number, headers: Record<string, string | string[]>): void;
  /** False when the sink is congested: wait for {@link ResponseSink.onDrain} before writing more. */
  write(chunk: Buffer): boolean;
  /** Call `listener` once, when the sink has drained after a `write()` that returned false. */
  onDrain(listener: () => void): void;
  end(): void;
}

/** Stable codes of {@link DispatchError}. */
export type DispatchErrorCode = 'APP_ERROR' | 'APP_TIMEOUT';

/**
 * The app failed to answer: it threw or rejected (`APP_ERROR`, with the thrown value as `cause`), or did
 * not answer in time (`APP_TIMEOUT`).
 */
export interface DispatchError extends Error {
  code: DispatchErrorCode;
}

/**
 * Build a {@link DispatchError}.
 *
 * @example
 * throw dispatchError('APP_TIMEOUT', 'the app did not answer within 2750 ms');
 */
export function dispatchError(code: DispatchErrorCode, message: string, cause?: unknown): DispatchError {
  const error = new Error(message, cause === undefined ? undefined : { cause }) as DispatchError;
  error.name = 'DispatchError';
  error.code = code;
  return error;
}

/** True for a {@link DispatchError}. */
export function isDispatchError(error: unknown): error is DispatchError {
  return error instanceof Error && error.name === 'DispatchError' && typeof (error as DispatchError).code === 'string';
}
