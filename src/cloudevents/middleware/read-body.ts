/**
 * The body of a Node request for the CloudEvents decoder: what a body parser already made of it, or
 * the bytes of the stream when nobody has read it yet.
 */
import type { IncomingMessage } from 'node:http';
import { CloudEventDecodeError } from '../errors.js';

/** Default cap on a body this layer reads itself: 10 MiB (Lambda payloads stop at 6 MB). */
export const DEFAULT_CLOUDEVENT_BODY_LIMIT = 10 * 1024 * 1024;

/** Body-related members frameworks put on a request or Koa's `ctx.request`. */
interface ParsedBodyHolder {
  body?: unknown;
  rawBody?: unknown;
  _body?: unknown;
}

/**
 * The body to decode: a raw body a framework kept (`rawBody`, as Google Cloud Functions or
 * koa-bodyparser do), else the parsed `body` once the stream has been consumed (body-parser marks it
 * `_body`), else the stream's bytes, read here up to `limit` (`CE_BODY_TOO_LARGE`, 413, beyond).
 * Resolves `undefined` for an empty body.
 *
 * @example
 * const body = await requestBody(req, req, DEFAULT_CLOUDEVENT_BODY_LIMIT);
 */
export async function requestBody(req: IncomingMessage, holder: object, limit: number): Promise<unknown> {
  const h = holder as ParsedBodyHolder;
  if (h.rawBody instanceof Uint8Array || typeof h.rawBody === 'string') return h.rawBody;
  const consumed = req.readableEnded || (req.complete && !req.readable) || (req as ParsedBodyHolder)._body === true;
  if (consumed) return h.body;
  return readStream(req, limit);
}

// Plain 'data'/'end' listeners rather than `for await`, which destroys the stream at its end: fake
// requests (light-my-request, in-memory dispatchers) do not all survive that.
function readStream(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string): void => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      size += buf.length;
      if (size > limit) {
        cleanup();
        req.resume(); // drain the rest, unread
        reject(tooLarge(limit));
        return;
      }
      chunks.push(buf);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(size === 0 ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function tooLarge(limit: number): CloudEventDecodeError {
  return new CloudEventDecodeError('CE_BODY_TOO_LARGE', `request body exceeds ${limit} bytes`);
}
