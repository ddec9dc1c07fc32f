/** Test helpers: a gateway served on loopback by a real node:http server, and a client. */
import { createServer } from 'node:http';
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import { createEventGateway } from './index.js';
import type { EventGateway } from './index.js';
import type { GatewayOptions } from './options.js';

/** A listener served on 127.0.0.1, any free port. */
export async function listenOn(listener: RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `app`'s gateway on loopback. */
export async function gatewayServer(app: unknown, options?: GatewayOptions): Promise<{ url: string; gateway: EventGateway; close(): Promise<void> }> {
  const gateway = createEventGateway(app, options);
  const served = await listenOn(gateway);
  return { url: served.url, gateway, close: async () => { await gateway.close(); await served.close(); } };
}

/** {@link gatewayServer}, closed when the current test finishes. */
export async function startGateway(app: unknown, options?: GatewayOptions): Promise<{ url: string; gateway: EventGateway; close(): Promise<void> }> {
  const served = await gatewayServer(app, options);
  onTestFinished(served.close);
  return served;
}

/** POST `body` (JSON-serialised unless a string or Buffer) with `headers`; the status, headers and text. */
export async function push(url: string, body: unknown, headers: Record<string, string> = {}, method = 'POST'): Promise<{ status: number; headers: Headers; text: string; json(): unknown }> {
  const payload = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: payload });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}
