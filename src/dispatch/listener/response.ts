import { ServerResponse } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders } from 'node:http';
import type { DispatchResponse, ResponseSink } from '../types.js';
// Node's own nextTick: Jest's fake timers must not stall a response (src/timers.ts).
import { nextTick } from '../../timers.js';

type Callback = (error?: Error | null) => void;

/** Called once: with the response when the app ends it, or with an error when it fails or destroys it. */
export type ResponseSettler = (error: Error | undefined, response: DispatchResponse | undefined) => void;

// Node's own long-standing internals that write the status line and headers once; calling them keeps
// `headersSent`, `ERR_HTTP_HEADERS_SENT` and HEAD/204/304 handling exactly Node's.
interface NodeInternals {
  _implicitHeader(): void;
  _hasBody: boolean;
}

const CHUNKS = Symbol('chunks');
const SETTLE = Symbol('settle');
const SINK = Symbol('sink');
const STREAMING = Symbol('streaming');
const SENT_STATUS = Symbol('sentStatus');
const SENT_HEADERS = Symbol('sentHeaders');
const CONGESTED = Symbol('congested');

/** A ServerResponse that keeps its body in memory (see {@link createInMemoryResponse}). */
export type InMemoryResponse = ServerResponse & {
  [CHUNKS]: Buffer[];
  [SETTLE]: ResponseSettler | undefined;
  [SINK]: ResponseSink | undefined;
  /** With a sink: whether the head has gone to it. */
  [STREAMING]: boolean;
  /**
   * The status and headers as they were when the head went out (writeHead, or the implicit head of the
   * first write or of end). What is reported: a real server has sent these, and a status set later (an
   * Express error handler after the answer) never reaches the client.
   */
  [SENT_STATUS]: number;
  [SENT_HEADERS]: Record<string, string | string[]> | undefined;
  /** With a sink: a write found it congested, and `drain` has not been emitted since. */
  [CONGESTED]?: boolean;
};

/**
 * An `http.ServerResponse` that keeps the body in memory. Status, headers and their validation are
 * Node's own (`setHeader`, `writeHead`, `headersSent`, `ERR_HTTP_HEADERS_SENT`...); `write`, `end`,
 * `writeHead`, `flushHeaders` and `destroy` are replaced so that no bytes are framed for a socket: the
 * chunks are collected as they are. `finish` and then `close` follow `end()` asynchronously, as in Node.
 *
 * The replacements are own properties, not a subclass: Express and others swap the response's
 * prototype (`Object.setPrototypeOf(res, app.response)`), which would drop a subclass's methods.
 *
 * @example
 * const res = createInMemoryResponse(req, (error, response) => console.log(response?.statusCode));
 * res.end('hi'); // logs 200 after 'finish'
 */
export function createInMemoryResponse(req: IncomingMessage, settle: ResponseSettler, sink?: ResponseSink): InMemoryResponse {
  const res = new ServerResponse(req) as InMemoryResponse;
  res[CHUNKS] = [];
  res[SETTLE] = settle;
  res[SINK] = sink;
  res[STREAMING] = false;
  res[SENT_STATUS] = 0;
  res[SENT_HEADERS] = undefined;
  // Apps read `res.socket` / `res.connection`; nothing is written to it.
  (res as { socket: unknown }).socket = req.socket;
  const methods = res as unknown as Record<string, unknown>;
  methods.writeHead = writeHead;
  methods.write = write;
  methods.end = end;
  methods.flushHeaders = flushHeaders;
  methods.destroy = destroy;
  // Streaming only (the buffered path never needs a drain): `pipe` checks this before its first write.
  if (sink !== undefined) Object.defineProperty(res, 'writableNeedDrain', { get: needsDrain, configurable: true });
  return res;
}

/**
 * Settle with `error` (the app threw or rejected), unless the app already ended the response: a real
 * server would have sent that answer, so a throw after `end()` does not undo it.
 */
export function failResponse(res: InMemoryResponse, error: unknown): void {
  if (res.finished) return;
  settleResponse(res, error instanceof Error ? error : new Error(String(error)), undefined);
}

/** Settle once; later calls (an answer after a timeout, a throw after the answer) are ignored. */
export function settleResponse(res: InMemoryResponse, error: Error | undefined, response: DispatchResponse | undefined): void {
  const settle = res[SETTLE];
  if (settle === undefined) return;
  res[SETTLE] = undefined;
  settle(error, response);
}

// Node's writeHead(status, headers) without earlier setHeader calls keeps `headers` out of getHeaders();
// routing them through setHeader/appendHeader keeps every header readable, with the same validation.
function writeHead(this: InMemoryResponse, statusCode: number, reason?: string | OutgoingHttpHeaders | OutgoingHttpHeader[], headers?: OutgoingHttpHeaders | OutgoingHttpHeader[]): InMemoryResponse {
  if (typeof reason !== 'string') {
    headers = reason;
    reason = undefined;
  }
  if (headers !== undefined && headers !== null) applyHeaders(this, headers);
  const nodeWriteHead = ServerResponse.prototype.writeHead as (this: ServerResponse, statusCode: number, reason?: string) => ServerResponse;
  nodeWriteHead.call(this, statusCode, reason);
  // Node's _implicitHeader() calls this.writeHead too: every head goes through here, once (a second
  // writeHead throws ERR_HTTP_HEADERS_SENT above).
  this[SENT_STATUS] = this.statusCode;
  this[SENT_HEADERS] = outgoingHeaders(this);
  return this;
}

function write(this: InMemoryResponse, chunk: unknown, encoding?: BufferEncoding | Callback, callback?: Callback): boolean {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = undefined;
  }
  if (this.finished) {
    const error = Object.assign(new Error('write after end'), { code: 'ERR_STREAM_WRITE_AFTER_END' });
    if (callback) nextTick(callback, error);
    return false;
  }
  if (chunk === null || chunk === undefined) throw Object.assign(new TypeError('May not write null values to stream'), { code: 'ERR_STREAM_NULL_VALUES' });
  const internals = this as unknown as NodeInternals;
  if (!this.headersSent) internals._implicitHeader();
  let flowing = true;
  // HEAD, 204 and 304 have no body: Node ignores what is written, and so do we.
  if (internals._hasBody) {
    const sink = this[SINK];
    if (sink === undefined) this[CHUNKS].push(toBuffer(chunk, encoding));
    else flowing = streamChunk(this, sink, toBuffer(chunk, encoding));
  }
  if (callback) nextTick(callback);
  return flowing;
}

/**
 * Send a chunk to the sink. False while the sink is congested, as a socket's write is: `res` emits
 * `drain` when the sink has drained, which is what `pipe`, `pipeline` and careful writers wait for. The
 * chunk is taken either way (the sink buffers it), as Node takes a write that returns false.
 */
function streamChunk(res: InMemoryResponse, sink: ResponseSink, chunk: Buffer): boolean {
  streamHead(res, sink);
  const accepted = sink.write(chunk);
  if (res[CONGESTED] === true) return false;
  if (accepted) return true;
  res[CONGESTED] = true;
  sink.onDrain(() => {
    res[CONGESTED] = false;
    res.emit('drain');
  });
  return false;
}

function needsDrain(this: InMemoryResponse): boolean {
  return this[CONGESTED] === true && !this.finished && !this.destroyed;
}

function end(this: InMemoryResponse, chunk?: unknown, encoding?: BufferEncoding | Callback, callback?: Callback): InMemoryResponse {
  if (typeof chunk === 'function') {
    callback = chunk as Callback;
    chunk = undefined;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = undefined;
  }
  if (this.finished) {
    if (callback) nextTick(callback);
    return this;
  }
  if (chunk !== undefined && chunk !== null) this.write(chunk, encoding as BufferEncoding);
  else if (!this.headersSent) (this as unknown as NodeInternals)._implicitHeader();
  this.finished = true;
  this.emit('prefinish');
  nextTick(finish, this, callback);
  return this;
}

function flushHeaders(this: InMemoryResponse): void {
  if (!this.headersSent) (this as unknown as NodeInternals)._implicitHeader();
  if (this[SINK] !== undefined) streamHead(this, this[SINK]);
}

function destroy(this: InMemoryResponse, error?: Error): InMemoryResponse {
  if (this.destroyed) return this;
  (this as { destroyed: boolean }).destroyed = true;
  if (!this.finished) {
    settleResponse(this, error ?? Object.assign(new Error('the app destroyed the response without answering'), { code: 'ERR_STREAM_DESTROYED' }), undefined);
  }
  nextTick(emitClose, this);
  return this;
}

// 'finish' then 'close' in one tick: Node spaces them a tick apart, but nothing can happen to an
// in-memory response in between, and each tick costs async-hooks work on the per-event path.
function finish(res: InMemoryResponse, callback: Callback | undefined): void {
  const sink = res[SINK];
  if (sink !== undefined) {
    streamHead(res, sink);
    sink.end();
  }
  res.emit('finish');
  if (callback) callback();
  settleResponse(res, undefined, collect(res));
  res.emit('close');
}

function emitClose(res: InMemoryResponse): void {
  res.emit('close');
}

/** Send the head to the sink, once. */
function streamHead(res: InMemoryResponse, sink: ResponseSink): void {
  if (res[STREAMING]) return;
  res[STREAMING] = true;
  sink.head(res[SENT_STATUS], res[SENT_HEADERS] as Record<string, string | string[]>);
}

/** The response as collected: status, lower-case headers (numbers as strings), body bytes. */
function collect(res: InMemoryResponse): DispatchResponse {
  const chunks = res[CHUNKS];
  const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  return { statusCode: res[SENT_STATUS], headers: res[SENT_HEADERS] as Record<string, string | string[]>, body };
}

function outgoingHeaders(res: InMemoryResponse): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  const outgoing = res.getHeaders();
  for (const name in outgoing) {
    const value = outgoing[name];
    if (value !== undefined) headers[name] = typeof value === 'number' ? String(value) : value;
  }
  return headers;
}

function applyHeaders(res: ServerResponse, headers: OutgoingHttpHeaders | OutgoingHttpHeader[]): void {
  if (!Array.isArray(headers)) {
    for (const name in headers) {
      const value = headers[name];
      if (name && value !== undefined) res.setHeader(name, value);
    }
    return;
  }
  // An array is either [[name, value], ...] or Node's flat raw form [name, value, name, value, ...].
  const pairs = Array.isArray(headers[0]);
  const step = pairs ? 1 : 2;
  for (let i = 0; i < headers.length; i += step) {
    const name = String(pairs ? (headers[i] as unknown as unknown[])[0] : headers[i]);
    const value = (pairs ? (headers[i] as unknown as unknown[])[1] : headers[i + 1]) as string | string[];
    if (res.hasHeader(name)) res.appendHeader(name, value);
    else res.setHeader(name, value);
  }
}

function toBuffer(chunk: unknown, encoding: BufferEncoding | undefined): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding ?? 'utf8');
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw Object.assign(new TypeError(`The "chunk" argument must be of type string or an instance of Buffer or Uint8Array. Received ${typeof chunk}`), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
}
