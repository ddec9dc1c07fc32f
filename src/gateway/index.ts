/**
 * `createEventGateway` and `serve`: the HTTP push endpoint. This module is what the package's entry
 * imports, so it stays small: the gateway's code (senders, auth, HTTP adapters, `node:http` server) is
 * imported on first use, and Lambda users who never call these never load it.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createDispatcher } from '../dispatch/app.js';
import type { App } from '../dispatch/app.js';
import type { GatewayCore } from './gateway.js';
import { resolveGatewayOptions } from './options.js';
import type { GatewayOptions } from './options.js';

/** A Node request listener that is also a fetch handler; `close()` stops accepting and waits for deliveries in flight. */
export interface EventGateway {
  (req: IncomingMessage, res: ServerResponse): void;
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The HTTP push endpoint for `app`: CloudEvents (binary, structured, batch), Pub/Sub push, Event Grid,
 * SNS HTTP(S) subscriptions and any AWS event `routeFor` recognises, each delivered to the app in
 * memory and answered by its sender's acknowledgement contract (see docs/guide.md, "The HTTP push
 * gateway"). The app and options are checked here.
 *
 * @throws TypeError for an app this package cannot drive; ConfigurationError for a bad option.
 * @example
 * import http from 'node:http';
 * const gateway = createEventGateway(app, { mode: 'record', auth: { token: { value: process.env.PUSH_SECRET! } } });
 * http.createServer(gateway).listen(8080);
 */
export function createEventGateway(app: App | unknown, options?: GatewayOptions): EventGateway {
  const dispatch = createDispatcher(app);
  const resolved = resolveGatewayOptions(options);
  let core: GatewayCore | undefined;
  const loading: Promise<GatewayCore> = import('./gateway.js').then(async (module) => (core = await module.createGatewayCore({ dispatch, options: resolved.delivery }, resolved)));
  loading.catch(() => undefined); // reported at the first push

  const gateway = ((req: IncomingMessage, res: ServerResponse): void => {
    if (core !== undefined) return core.listener(req, res);
    loading.then(
      (loaded) => loaded.listener(req, res),
      (error: unknown) => {
        console.error('cloud-events-handler: the gateway could not start:', error);
        res.statusCode = 500;
        res.end();
      },
    );
  }) as EventGateway;
  gateway.fetch = (request) => (core !== undefined ? core.fetch(request) : loading.then((loaded) => loaded.fetch(request)));
  gateway.close = () => loading.then((loaded) => loaded.close(), () => undefined);
  return gateway;
}

/** Options of {@link serve}: the gateway's, and where and how to listen. */
export interface ServeOptions extends GatewayOptions {
  /** Default: `PORT`, else 8080; `0` picks a free port. */
  port?: number;
  /** Default: all interfaces (containers need it). */
  host?: string;
  /** A request whose headers and body are not in within this time is dropped (slow clients). Default 30 s. */
  requestTimeoutMs?: number;
  /** Idle keep-alive connections are kept this long. Default 65 s (longer than Google's and Azure's front ends' 60 s). */
  keepAliveTimeoutMs?: number;
  /** On SIGTERM (and SIGINT): stop accepting, finish the deliveries in flight, exit. Default true. */
  handleSignals?: boolean;
}

/** A running gateway server. */
export interface ServedGateway {
  url: string;
  server: Server;
  /** Stop accepting, wait for the deliveries in flight and their answers, close the server. */
  close(): Promise<void>;
}

/**
 * Serve `app`'s gateway over HTTP: on `options.port`, else `PORT`, else 8080, on all interfaces. On
 * SIGTERM it stops accepting, finishes the deliveries in flight (Cloud Run allows 10 s) and exits.
 *
 * @example
 * const { url, close } = await serve(app, { port: 0 });
 */
export async function serve(app: App | unknown, options: ServeOptions = {}): Promise<ServedGateway> {
  // The listening options are serve's own; the rest are the gateway's, checked there (unknown keys too).
  const { port: _port, host: _host, requestTimeoutMs: _request, keepAliveTimeoutMs: _keepAlive, handleSignals: _signals, ...gatewayOptions } = options;
  const gateway = createEventGateway(app, gatewayOptions);
  const { listen } = await import('./serve.js');
  return listen(gateway, options);
}

export type { GatewayAuth, GatewayOptions, OutboundFetch } from './options.js';
export { DEFAULT_GATEWAY_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_IN_FLIGHT, GOOGLE_JWKS_URI } from './options.js';
