/**
 * CloudEvents for fetch-style apps (Hono, itty-router, Elysia, Deno/Bun-style handlers).
 */
import { fromHttp } from '../http/decode.js';
import type { CloudEvent } from '../types.js';

/**
 * Decode the CloudEvent of a WHATWG `Request` (binary, structured or batched mode; an array for a
 * batch), validated. Consumes the request body. Rejects with a `CloudEventError` carrying `code` and
 * the HTTP `status` to answer with.
 *
 * @example
 * export default {
 *   async fetch(request: Request) {
 *     try {
 *       const event = await fromRequest(request);
 *       return Response.json({ ok: true });
 *     } catch (e) {
 *       if (e instanceof CloudEventError) return new Response(e.message, { status: e.status });
 *       throw e;
 *     }
 *   },
 * };
 */
export async function fromRequest(request: Request): Promise<CloudEvent | CloudEvent[]> {
  const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  return fromHttp({ headers: request.headers, body });
}
