import type { IncomingMessage, ServerResponse } from 'node:http';
import { unwatch, watch } from '../deadline.js';
import { dispatchError, isDispatchError } from '../types.js';
import type { Dispatcher, DispatchRequest, DispatchResponse, ResponseSink } from '../types.js';
import { createInMemoryRequest } from './request.js';
import { createInMemoryResponse, failResponse, settleResponse } from './response.js';

/** A Node request listener: Express, Connect, Koa's `callback()`, Fastify's `routing`, a raw listener. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * A dispatcher that drives a Node request listener with an in-memory request and response.
 *
 * @example
 * const dispatch = listenerDispatcher((req, res) => res.end('hi'));
 * const response = await dispatch({ method: 'GET', url: '/', headers: {} }, 1000);
 * response.body.toString(); // 'hi'
 */
export function listenerDispatcher(listener: NodeListener): Dispatcher {
  return (request: DispatchRequest, timeoutMs: number, sink?: ResponseSink) =>
    new Promise<DispatchResponse>((resolve, reject) => {
      const req = createInMemoryRequest(request);
      const res = createInMemoryResponse(req, (error, response) => {
        unwatch(watched);
        if (error !== undefined) reject(isDispatchError(error) ? error : dispatchError('APP_ERROR', `the app failed: ${error.message}`, error));
        else resolve(response as DispatchResponse);
      }, sink);
      const watched = watch(Date.now() + timeoutMs, () => {
        settleResponse(res, dispatchError('APP_TIMEOUT', `the app did not answer ${request.method} ${request.url} within ${Math.round(timeoutMs)} ms`), undefined);
      });
      try {
        const returned = listener(req, res);
        // Async listeners (Koa's callback, user code) report failures by rejecting.
        if (returned !== null && typeof returned === 'object' && typeof (returned as PromiseLike<unknown>).then === 'function') {
          (returned as PromiseLike<unknown>).then(undefined, (error: unknown) => failResponse(res, error));
        }
      } catch (error) {
        failResponse(res, error);
      }
    });
}
