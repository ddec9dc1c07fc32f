/**
 * Middleware for Node request-listener apps (Express 4/5, Connect, NestJS on Express, Polka): decodes
 * the CloudEvent of each request onto `req.cloudEvent`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { detectCloudEventMode } from '../http/decode.js';
import { fromHttp } from '../http/decode.js';
import type { CloudEvent } from '../types.js';
import { DEFAULT_CLOUDEVENT_BODY_LIMIT, requestBody } from './read-body.js';

/** Options of {@link cloudEventMiddleware} and {@link cloudEventKoaMiddleware}. */
export interface CloudEventMiddlewareOptions {
  /**
   * `true` (default): every request must carry a CloudEvent; one that does not is an error (400).
   * `false`: a request with neither a CloudEvents media type nor a `ce-specversion` header passes
   * through untouched, its body unread, without `cloudEvent`.
   */
  required?: boolean;
  /** Largest body the middleware reads itself, in bytes; default {@link DEFAULT_CLOUDEVENT_BODY_LIMIT}. */
  limit?: number;
}

/** A Node request after {@link cloudEventMiddleware}: the decoded event, or the batch's events. */
export type CloudEventRequest = IncomingMessage & { cloudEvent?: CloudEvent | CloudEvent[] };

/** Express/Connect-style middleware signature. */
export type CloudEventRequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/**
 * Express/Connect middleware that decodes the request's CloudEvent (binary, structured or batched
 * mode) onto `req.cloudEvent`. Reads the body stream itself unless a body parser already did (then
 * it uses `req.rawBody` or `req.body`). A request that is not a valid CloudEvent goes to `next(error)`
 * with a `CloudEventError` whose `status` (400, 413 or 415) Express's default handler answers with.
 *
 * @example
 * app.post('/events', cloudEventMiddleware(), (req, res) => {
 *   const event = (req as CloudEventRequest).cloudEvent;
 *   res.json({ received: Array.isArray(event) ? event.length : event?.id });
 * });
 */
export function cloudEventMiddleware(options: CloudEventMiddlewareOptions = {}): CloudEventRequestHandler {
  const required = options.required ?? true;
  const limit = options.limit ?? DEFAULT_CLOUDEVENT_BODY_LIMIT;
  return (req, _res, next) => {
    if (!required && detectCloudEventMode(req.headers) === undefined) {
      next();
      return;
    }
    requestBody(req, req, limit).then(
      (body) => {
        let event: CloudEvent | CloudEvent[];
        try {
          event = fromHttp({ headers: req.headers, body });
        } catch (error) {
          next(error);
          return;
        }
        (req as CloudEventRequest).cloudEvent = event;
        next();
      },
      (error: unknown) => next(error),
    );
  };
}
