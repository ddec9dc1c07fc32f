import { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { DispatchRequest } from '../types.js';
import { createSocket } from './socket.js';

/**
 * An `http.IncomingMessage` whose body is already in memory. It is a real IncomingMessage (apps and
 * frameworks check the prototype, read `req.socket`, `req.complete`, `rawHeaders`, stream the body with
 * `on('data')`, `pipe` or `for await`), with no parser and no socket behind it.
 *
 * @example
 * const req = createInMemoryRequest({ method: 'POST', url: '/x', headers: {}, body: Buffer.from('hi') });
 * for await (const chunk of req) console.log(String(chunk)); // 'hi'
 */
export function createInMemoryRequest(request: DispatchRequest): IncomingMessage {
  const req = new IncomingMessage(createSocket(request.remoteAddress, request.secure === true) as unknown as Socket);
  // An own property, not a subclass method: Express swaps the request's prototype.
  req._read = readNothing;
  req.method = request.method;
  req.url = request.url;
  req.httpVersion = '1.1';
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;
  req.headers = request.headers;
  req.rawHeaders = toRawHeaders(request.headers);
  // The whole body is here already: the message is complete, and ends after its one chunk.
  req.complete = true;
  const body = request.body;
  if (body !== undefined && body.length > 0) req.push(body);
  req.push(null);
  return req;
}

// Everything was pushed at creation; there is nothing to read from a socket.
function readNothing(): void {}

function toRawHeaders(headers: Record<string, string | string[]>): string[] {
  const raw: string[] = [];
  for (const name in headers) {
    const value = headers[name];
    if (typeof value === 'string') raw.push(name, value);
    else if (value !== undefined) for (const item of value) raw.push(name, item);
  }
  return raw;
}
