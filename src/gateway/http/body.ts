/**
 * Reading a push's body with a limit: from a Node request stream (never past the limit), from what a
 * body parser already made of it when the gateway is mounted inside an app, or from a fetch `Request`.
 */
import type { IncomingMessage } from 'node:http';
import { gatewayError } from '../types.js';
import type { GatewayError } from '../types.js';

const EMPTY = Buffer.alloc(0);

/** Members body parsers leave on a request. */
interface ParsedRequest {
  body?: unknown;
  rawBody?: unknown;
  _body?: unknown;
}

/**
 * The body of a Node request, up to `limit` bytes. A stream already consumed by a body parser gives
 * `req.rawBody` (bytes or text) when kept, else `req.body`: a Buffer or string as is, parsed JSON
 * serialised back. A `Content-Length` over the limit rejects at once, unread; a stream that goes past
 * it rejects as soon as it does, and is read no further. Rejects with a 413 GatewayError
 * (`BODY_TOO_LARGE`).
 *
 * @example
 * const body = await readNodeBody(req, 10 * 1024 * 1024);
 */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const parsed = req as IncomingMessage & ParsedRequest;
  const consumed = req.readableEnded || parsed._body === true || (req.complete && !req.readable);
  if (consumed) return Promise.resolve(limited(parsedBody(parsed), limit));
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onAborted = (): void => onError(new Error('the client aborted the request'));
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

function parsedBody(req: ParsedRequest): Buffer {
  const raw = req.rawBody;
  if (raw instanceof Uint8Array) return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
  const body = req.body;
  if (body === undefined || body === null) return EMPTY;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  // Parsed JSON (express.json(), ...). An empty object is what parsers leave for an empty body.
  if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) return EMPTY;
  return Buffer.from(JSON.stringify(body), 'utf8');
}

function limited(body: Buffer, limit: number): Buffer {
  if (body.length > limit) throw tooLarge(limit);
  return body;
}

/**
 * The body of a fetch `Request`, up to `limit` bytes, read chunk by chunk and cancelled past it.
 *
 * @example
 * const body = await readFetchBody(request, 1024);
 */
export async function readFetchBody(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) throw tooLarge(limit);
  if (request.body === null) return EMPTY;
  const reader = request.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
}

function tooLarge(limit: number): GatewayError {
  return gatewayError(413, 'BODY_TOO_LARGE', `the body is larger than maxBodyBytes (${limit} bytes)`);
}
