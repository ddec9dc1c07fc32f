import { ServerResponse } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders } from 'node:http';
import type { DispatchResponse } from '../types.js';

type Callback = (error?: Error | null) => void;

// Node's own (undocumented but long-standing) method that writes the status line and headers once;
// calling it keeps `headersSent`, `ERR_HTTP_HEADERS_SENT` and HEAD/204/304 handling Node's.
interface NodeInternals {
  _implicitHeader(): void;
  _hasBody: boolean;
}

/** Called once: with the response when the app ends it, or with an error when it destroys it. */
export type ResponseSettler = (error: Error | undefined, response: DispatchResponse | undefined) => void;

/**
 * An `http.ServerResponse` that keeps the body in memory. Status, headers and their validation are
 * Node's own (`setHeader`, `writeHead`, `headersSent`, `ERR_HTTP_HEADERS_SENT`...); only `write` and
 * `end` are replaced, so that no bytes are framed for a socket: the chunks are collected as they are.
 * `finish` and then `close` are emitted after `end()`, in that order and asynchronously, as Node does.
 */
export class InMemoryResponse extends ServerResponse {
  private readonly chunks: Buffer[] = [];
  private settle: ResponseSettler | undefined;

  constructor(req: IncomingMessage, settle: ResponseSettler) {
    super(req);
    this.settle = settle;
    // Apps read `res.socket` / `res.connection`; nothing is written to it.
    (this as { socket: unknown }).socket = req.socket;
  }

  // Node's writeHead(status, headers) without earlier setHeader calls would keep `headers` out of
  // getHeaders(); routing them through setHeader/appendHeader keeps every header readable, with the
  // same validation.
  override writeHead(statusCode: number, reason?: string | OutgoingHttpHeaders | OutgoingHttpHeader[], headers?: OutgoingHttpHeaders | OutgoingHttpHeader[]): this {
    if (typeof reason !== 'string') {
      headers = reason;
      reason = undefined;
    }
    if (headers !== undefined && headers !== null) this.applyHeaders(headers);
    return reason === undefined ? super.writeHead(statusCode) : super.writeHead(statusCode, reason);
  }

  override write(chunk: unknown, encoding?: BufferEncoding | Callback, callback?: Callback): boolean {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    if (this.finished) {
      const error = Object.assign(new Error('write after end'), { code: 'ERR_STREAM_WRITE_AFTER_END' });
      if (callback) process.nextTick(callback, error);
      return false;
    }
    if (chunk === null || chunk === undefined) throw Object.assign(new TypeError('May not write null values to stream'), { code: 'ERR_STREAM_NULL_VALUES' });
    if (!this.headersSent) (this as unknown as NodeInternals)._implicitHeader();
    // HEAD, 204 and 304 have no body: Node ignores what is written, and so do we.
    if ((this as unknown as NodeInternals)._hasBody) this.chunks.push(toBuffer(chunk, encoding));
    if (callback) process.nextTick(callback);
    return true;
  }

  override end(chunk?: unknown, encoding?: BufferEncoding | Callback, callback?: Callback): this {
    if (typeof chunk === 'function') {
      callback = chunk as Callback;
      chunk = undefined;
    } else if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    if (this.finished) {
      if (callback) process.nextTick(callback);
      return this;
    }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    else if (!this.headersSent) (this as unknown as NodeInternals)._implicitHeader();
    this.finished = true;
    this.emit('prefinish');
    process.nextTick(finish, this, callback);
    return this;
  }

  override flushHeaders(): void {
    if (!this.headersSent) (this as unknown as NodeInternals)._implicitHeader();
  }

  override destroy(error?: Error): this {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (!this.finished) {
      this.finishWith(error ?? Object.assign(new Error('the app destroyed the response without answering'), { code: 'ERR_STREAM_DESTROYED' }), undefined);
    }
    process.nextTick(emitClose, this);
    return this;
  }

  /** Settle with `error` unless already settled (the app threw, or time ran out). */
  fail(error: unknown): void {
    this.finishWith(error instanceof Error ? error : new Error(String(error)), undefined);
  }

  /** The response as collected so far, for the settler. */
  collect(): DispatchResponse {
    const headers: Record<string, string | string[]> = {};
    const outgoing = this.getHeaders();
    for (const name in outgoing) {
      const value = outgoing[name];
      if (value !== undefined) headers[name] = typeof value === 'number' ? String(value) : value;
    }
    const chunks = this.chunks;
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    return { statusCode: this.statusCode, headers, body };
  }

  finishWith(error: Error | undefined, response: DispatchResponse | undefined): void {
    const settle = this.settle;
    if (settle === undefined) return;
    this.settle = undefined;
    settle(error, response);
  }

  private applyHeaders(headers: OutgoingHttpHeaders | OutgoingHttpHeader[]): void {
    if (!Array.isArray(headers)) {
      for (const name in headers) {
        const value = headers[name];
        if (name && value !== undefined) this.setHeader(name, value);
      }
      return;
    }
    // An array is either [[name, value], ...] or Node's flat raw form [name, value, name, value, ...].
    const pairs = Array.isArray(headers[0]);
    const step = pairs ? 1 : 2;
    for (let i = 0; i < headers.length; i += step) {
      const name = String(pairs ? (headers[i] as unknown as unknown[])[0] : headers[i]);
      const value = (pairs ? (headers[i] as unknown as unknown[])[1] : headers[i + 1]) as string | string[];
      if (this.hasHeader(name)) this.appendHeader(name, value);
      else this.setHeader(name, value);
    }
  }
}

function finish(res: InMemoryResponse, callback: Callback | undefined): void {
  res.emit('finish');
  if (callback) callback();
  res.finishWith(undefined, res.collect());
  process.nextTick(emitClose, res);
}

function emitClose(res: InMemoryResponse): void {
  res.emit('close');
}

function toBuffer(chunk: unknown, encoding: BufferEncoding | undefined): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding ?? 'utf8');
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw Object.assign(new TypeError(`The "chunk" argument must be of type string or an instance of Buffer or Uint8Array. Received ${typeof chunk}`), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
}
