import type { DispatchRequest, DispatchResponse } from '../../../dispatch/types.js';
import { flattenHeaders, setCookies } from '../../../pipeline/result.js';
import { parseSetCookie } from './cookie.js';
import type { AzureCookie } from './cookie.js';

export { parseSetCookie } from './cookie.js';
export type { AzureCookie } from './cookie.js';

/** The parts of `HttpRequest` (`@azure/functions` 4) an HTTP trigger's delivery reads. */
export interface AzureHttpRequest {
  method: string;
  /** The full URL (`https://<app>.azurewebsites.net/api/books?x=1`). */
  url: string;
  headers: Iterable<[string, string]>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What an HTTP trigger's handler returns (`HttpResponseInit` of `@azure/functions` 4). */
export interface AzureHttpResponseInit {
  status: number;
  headers: Record<string, string>;
  cookies: AzureCookie[];
  body?: Uint8Array;
}

/**
 * The request an HTTP trigger carries, as the app would get it from a web server: method, path and
 * query of its URL as the host received it (with the `api/` route prefix unless `host.json` sets
 * `extensions.http.routePrefix` to `""`), every header (lower-case names), the body bytes (none for
 * GET and HEAD), and `secure` for an `https` URL.
 *
 * @example
 * const request = await toDispatchRequest(httpRequest); // { method: 'GET', url: '/api/books?x=1', headers: {...} }
 */
export async function toDispatchRequest(request: AzureHttpRequest): Promise<DispatchRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) headers[name.toLowerCase()] = value;
  const method = request.method.toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.from(await request.arrayBuffer());
  // The host hands the body over whole: its length is known, whatever framing the client used.
  if (body !== undefined) {
    headers['content-length'] = String(body.length);
    delete headers['transfer-encoding'];
  }
  return { method, url: url.pathname + url.search, headers, body, secure: url.protocol === 'https:' };
}

/**
 * The app's response as the handler's `HttpResponseInit`: its status, its headers (a repeated one
 * joined with `, `), each `Set-Cookie` as a cookie (the host writes them back as headers), and the body
 * bytes as they are (binary-safe; none when empty).
 *
 * @example
 * toHttpResponseInit({ statusCode: 201, headers: { 'set-cookie': ['a=1; Path=/'] }, body: Buffer.from('ok') });
 * // { status: 201, headers: {}, cookies: [{ name: 'a', value: '1', path: '/' }], body: <Buffer 6f 6b> }
 */
export function toHttpResponseInit(response: DispatchResponse): AzureHttpResponseInit {
  const init: AzureHttpResponseInit = {
    status: response.statusCode,
    headers: flattenHeaders(response.headers, 'omit'),
    cookies: setCookies(response.headers).map(parseSetCookie),
  };
  if (response.body.length > 0) init.body = response.body;
  return init;
}
