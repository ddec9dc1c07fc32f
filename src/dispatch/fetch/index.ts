import { unwatch, watch } from '../deadline.js';
import { dispatchError, isDispatchError } from '../types.js';
import type { Dispatcher, DispatchRequest, DispatchResponse, ResponseSink } from '../types.js';

/** A WHATWG fetch handler: Hono's `app.fetch`, itty-router, Elysia-style apps, or a plain function. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

// A Host header that cannot be a URL's authority falls back to this, so the Request can always be built.
const SAFE_HOST = /^[A-Za-z0-9.\-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/**
 * A dispatcher that drives a fetch handler with a WHATWG `Request` and reads its `Response` back.
 *
 * @example
 * const dispatch = fetchDispatcher((request) => new Response('hi'));
 * const response = await dispatch({ method: 'GET', url: '/', headers: {} }, 1000);
 * response.body.toString(); // 'hi'
 */
export function fetchDispatcher(handler: FetchHandler): Dispatcher {
  return (request: DispatchRequest, timeoutMs: number, sink?: ResponseSink): Promise<DispatchResponse> =>
    new Promise<DispatchResponse>((resolve, reject) => {
      let settled = false;
      const watched = watch(Date.now() + timeoutMs, () => {
        settled = true;
        reject(dispatchError('APP_TIMEOUT', `the app did not answer ${request.method} ${request.url} within ${Math.round(timeoutMs)} ms`));
      });
      const settle = (error: unknown, response?: DispatchResponse) => {
        if (settled) return;
        settled = true;
        unwatch(watched);
        if (response !== undefined) resolve(response);
        else reject(isDispatchError(error) ? error : dispatchError('APP_ERROR', `the app failed: ${error instanceof Error ? error.message : String(error)}`, error));
      };
      try {
        answer(handler, toFetchRequest(request), request.method === 'HEAD', sink).then((response) => settle(undefined, response), settle);
      } catch (error) {
        settle(error);
      }
    });
}

async function answer(handler: FetchHandler, request: Request, isHead: boolean, sink: ResponseSink | undefined): Promise<DispatchResponse> {
  const response: unknown = await handler(request);
  if (!(response instanceof Response)) {
    throw new TypeError(`the fetch handler returned ${describe(response)} instead of a Response`);
  }
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  if (sink !== undefined) {
    // Streaming: the head now, then each chunk as the app produces it, read no faster than the sink
    // drains (the stream's own queue then holds the app back: its pull() is not called).
    sink.head(response.status, headers);
    if (!isHead && response.body !== null) {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        if (!sink.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))) await new Promise<void>((resolve) => sink.onDrain(resolve));
      }
    }
    sink.end();
    return { statusCode: response.status, headers, body: Buffer.alloc(0) };
  }
  // HEAD has no body, whatever the handler put in its Response.
  const body = isHead || response.body === null ? Buffer.alloc(0) : Buffer.from(await response.arrayBuffer());
  return { statusCode: response.status, headers, body };
}

/**
 * The WHATWG `Request` for a dispatch request: `http://<host><url>` (`https://` for a `secure` one), headers as given (repeated values
 * appended), the body for methods that carry one.
 *
 * @example
 * toFetchRequest({ method: 'POST', url: '/aws.sqs', headers: { host: 'localhost' }, body: Buffer.from('{}') }).url;
 * // 'http://localhost/aws.sqs'
 */
export function toFetchRequest(request: DispatchRequest): Request {
  const host = request.headers.host;
  const authority = typeof host === 'string' && SAFE_HOST.test(host) ? host : 'localhost';
  const headers: [string, string][] = [];
  for (const name in request.headers) {
    const value = request.headers[name];
    if (typeof value === 'string') headers.push([name, value]);
    else if (value !== undefined) for (const item of value) headers.push([name, item]);
  }
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body;
  return new Request(`${request.secure === true ? 'https' : 'http'}://${authority}${request.url}`, { method: request.method, headers, body });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'no prototype'})`;
  return typeof value;
}
