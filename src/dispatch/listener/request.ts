import { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { DispatchRequest } from '../types.js';
import { createSocket } from './socket.js';

/**
 * An `http.IncomingMessage` whose body is already in memory. It is a real IncomingMessage (apps and
 * frameworks check the prototype, read `req.socket`, `req.complete`, `rawHeaders`, stream the body with
 * `on('data')`, `pipe` or `for await`), with no parser and no socket behind it.
 */
export class InMemoryRequest extends IncomingMessage {
  constructor(request: DispatchRequest) {
    super(createSocket(request.remoteAddress) as unknown as Socket);
    this.method = request.method;
    this.url = request.url;
    this.httpVersion = '1.1';
    this.httpVersionMajor = 1;
    this.httpVersionMinor = 1;
    this.headers = request.headers;
    this.rawHeaders = toRawHeaders(request.headers);
    // The whole body is here already: the message is complete, and ends after its one chunk.
    this.complete = true;
    const body = request.body;
    if (body !== undefined && body.length > 0) this.push(body);
    this.push(null);
  }

  // Everything was pushed in the constructor; there is nothing to read from a socket.
  override _read(): void {}
}

function toRawHeaders(headers: Record<string, string | string[]>): string[] {
  const raw: string[] = [];
  for (const name in headers) {
    const value = headers[name];
    if (typeof value === 'string') raw.push(name, value);
    else if (value !== undefined) for (const item of value) raw.push(name, item);
  }
  return raw;
}
