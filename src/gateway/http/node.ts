/** The gateway as a Node request listener: `IncomingMessage` to push, answer to `ServerResponse`. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorAnswer, isGatewayError } from '../types.js';
import type { GatewayAnswer, PushRequest } from '../types.js';
import { readNodeBody } from './body.js';

/** Lower-case header names (Node's already are), repeated values joined as one list. */
function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * A Node listener around `handle`: reads the body (with its limit), hands the push over, writes the
 * answer. A body over the limit is answered 413 with `Connection: close` and the rest of it is not
 * read. An answer coming after the client left is dropped.
 *
 * @example
 * http.createServer(nodeListener((push) => core.handle(push), 1024 * 1024));
 */
export function nodeListener(handle: (push: PushRequest) => Promise<GatewayAnswer>, limit: number): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    readNodeBody(req, limit).then(
      (body) => handle({ method: req.method ?? 'GET', url: req.originalUrl ?? req.url ?? '/', headers: headersOf(req), body }).then((answer) => writeAnswer(res, answer)),
      (error: unknown) => {
        if (isGatewayError(error)) {
          writeAnswer(res, errorAnswer(error, { connection: 'close' }));
          // The rest of the body is not read: the connection closes once the answer is out.
          res.on('finish', () => req.socket?.destroySoon?.());
        } else {
          res.destroy();
        }
      },
    ).catch((error: unknown) => {
      console.error('cloud-events-handler: the gateway failed:', error);
      if (!res.headersSent) writeAnswer(res, { statusCode: 500, headers: {}, body: '' });
    });
  };
}

function writeAnswer(res: ServerResponse, answer: GatewayAnswer): void {
  if (res.writableEnded || res.destroyed) return;
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  res.statusCode = answer.statusCode;
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.setHeader('content-length', body.length);
  res.end(body);
}

declare module 'node:http' {
  interface IncomingMessage {
    /** Express's URL before mounting stripped the prefix. */
    originalUrl?: string;
  }
}
