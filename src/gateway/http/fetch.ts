/** The gateway as a fetch handler: `Request` to push, answer to `Response`. */
import { errorAnswer, isGatewayError } from '../types.js';
import type { GatewayAnswer, PushRequest } from '../types.js';
import { readFetchBody } from './body.js';

/**
 * A fetch handler around `handle`, for fetch runtimes (Deno, Bun, Cloudflare-style `export default`).
 *
 * @example
 * export default { fetch: fetchHandler((push) => core.handle(push), 1024 * 1024) };
 */
export function fetchHandler(handle: (push: PushRequest) => Promise<GatewayAnswer>, limit: number): (request: Request) => Promise<Response> {
  return async (request) => {
    let body: Buffer;
    try {
      body = await readFetchBody(request, limit);
    } catch (error) {
      if (isGatewayError(error)) return toResponse(errorAnswer(error, { connection: 'close' }));
      throw error;
    }
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return toResponse(await handle({ method: request.method, url: url.pathname + url.search, headers, body }));
  };
}

function toResponse(answer: GatewayAnswer): Response {
  const nullBody = answer.statusCode === 204 || answer.statusCode === 304 || answer.body.length === 0;
  const headers = { ...answer.headers };
  delete headers.connection; // a fetch runtime manages its connections
  return new Response(nullBody ? null : typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body), { status: answer.statusCode, headers });
}
