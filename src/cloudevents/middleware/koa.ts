/**
 * Middleware for Koa: decodes the request's CloudEvent onto `ctx.state.cloudEvent`.
 */
import type { IncomingMessage } from 'node:http';
import { detectCloudEventMode, fromHttp } from '../http/decode.js';
import type { CloudEvent } from '../types.js';
import type { CloudEventMiddlewareOptions } from './node.js';
import { DEFAULT_CLOUDEVENT_BODY_LIMIT, requestBody } from './read-body.js';

/** The part of a Koa context the middleware uses (so that Koa is not a dependency). */
export interface CloudEventKoaContext {
  req: IncomingMessage;
  request: object;
  state: Record<string, unknown> & { cloudEvent?: CloudEvent | CloudEvent[] };
}

/**
 * Koa middleware that decodes the request's CloudEvent onto `ctx.state.cloudEvent` (an array for a
 * batch). Uses `ctx.request.rawBody` or `ctx.request.body` when a body parser ran, else reads the
 * stream. An invalid event is thrown as a `CloudEventError` with `status` 400/413/415 and
 * `expose: true`, which Koa's default error handler answers with.
 *
 * @example
 * app.use(cloudEventKoaMiddleware());
 * app.use((ctx) => { ctx.body = { id: (ctx.state.cloudEvent as CloudEvent).id }; });
 */
export function cloudEventKoaMiddleware(
  options: CloudEventMiddlewareOptions = {},
): (ctx: CloudEventKoaContext, next: () => Promise<unknown>) => Promise<void> {
  const required = options.required ?? true;
  const limit = options.limit ?? DEFAULT_CLOUDEVENT_BODY_LIMIT;
  return async (ctx, next) => {
    if (required || detectCloudEventMode(ctx.req.headers) !== undefined) {
      const body = await requestBody(ctx.req, ctx.request, limit);
      ctx.state.cloudEvent = fromHttp({ headers: ctx.req.headers, body });
    }
    await next();
  };
}
