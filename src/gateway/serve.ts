/** `serve`'s server: `node:http`, slow-client and keep-alive limits, graceful SIGTERM. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventGateway, ServedGateway, ServeOptions } from './index.js';

/** Default time for a request's headers and body to arrive. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Default idle keep-alive time. */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 65_000;
const DEFAULT_PORT = 8080;

/**
 * Listen with `gateway` and install the SIGTERM handler.
 *
 * @example
 * const served = await listen(createEventGateway(app), { port: 0 });
 */
export async function listen(gateway: EventGateway, options: ServeOptions): Promise<ServedGateway> {
  const port = options.port ?? (process.env.PORT !== undefined && process.env.PORT !== '' ? Number(process.env.PORT) : DEFAULT_PORT);
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const server = createServer({ requestTimeout, headersTimeout: Math.min(requestTimeout, 20_000), keepAliveTimeout: options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS }, gateway);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address === '::' ? '::1' : address.address}]` : address.address === '0.0.0.0' ? '127.0.0.1' : address.address;

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await gateway.close();
      // Answers are written; keep-alive connections still open are closed once idle.
      server.closeIdleConnections();
      await stopped;
    })());
  const onSignal = (signal: NodeJS.Signals): void => {
    console.info(`cloud-events-handler: ${signal}: finishing the deliveries in flight`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('cloud-events-handler: shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  if (options.handleSignals !== false) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { url: `http://${host}:${address.port}`, server, close };
}
