import type { IncomingMessage, ServerResponse } from 'node:http';
import { fetchDispatcher } from './fetch/index.js';
import type { FetchHandler } from './fetch/index.js';
import { listenerDispatcher } from './listener/index.js';
import type { NodeListener } from './listener/index.js';
import type { Dispatcher } from './types.js';

/**
 * Whatever a framework gives its user: a Node request listener (Express 4/5, Connect, Polka's `handler`,
 * a raw listener), a Koa or Fastify instance, an `http.Server` (NestJS's `getHttpServer()`), a NestJS
 * application, an object with `fetch(request)` (Hono), a fetch function, or a Promise of any of these.
 */
export type App =
  | NodeListener
  | FetchHandler
  | { fetch(request: Request, ...rest: never[]): Response | Promise<Response> }
  | { callback(): NodeListener }
  | { routing: NodeListener; ready(): PromiseLike<unknown> }
  | { listeners(event: 'request'): unknown[]; emit(event: string, ...args: unknown[]): boolean }
  | { getHttpServer(): unknown }
  | PromiseLike<unknown>;

// Each guard keys on the member that its framework alone has, and that the next ones in
// `createDispatcher`'s order would not claim first.

function isThenable(app: unknown): app is PromiseLike<unknown> {
  return typeof (app as PromiseLike<unknown> | null)?.then === 'function';
}

/** Fastify: `routing` is its Node listener, usable only after `ready()`; `inject` is Fastify's alone. */
function isFastify(app: object): app is { routing: NodeListener; ready(): PromiseLike<unknown> } {
  const fastify = app as { routing?: unknown; ready?: unknown; inject?: unknown };
  return typeof fastify.routing === 'function' && typeof fastify.ready === 'function' && typeof fastify.inject === 'function';
}

/** Koa: `callback()` builds its listener from the middleware stack; `middleware` is its array. */
function isKoa(app: object): app is { callback(): NodeListener } {
  const koa = app as { callback?: unknown; middleware?: unknown };
  return typeof koa.callback === 'function' && Array.isArray(koa.middleware);
}

/** An http.Server (or https, http2 in compat mode): its app is its 'request' listeners. */
function isServer(app: object): app is { listeners(event: 'request'): unknown[]; emit(event: string, ...args: unknown[]): boolean } {
  const server = app as { listen?: unknown; listeners?: unknown; emit?: unknown };
  return typeof server.listen === 'function' && typeof server.listeners === 'function' && typeof server.emit === 'function';
}

/** A NestJS application (INestApplication): `getHttpServer()` after `init()`. */
function isNestApplication(app: object): app is { getHttpServer(): unknown; init(): PromiseLike<unknown> } {
  const nest = app as { getHttpServer?: unknown; init?: unknown };
  return typeof nest.getHttpServer === 'function' && typeof nest.init === 'function';
}

/** An object whose `fetch(request)` answers with a Response: Hono, itty-router, Elysia. */
function isFetchObject(app: object): app is { fetch(request: Request): Response | Promise<Response> } {
  return typeof (app as { fetch?: unknown }).fetch === 'function';
}

/**
 * The dispatcher for an app, detected from what it is (see {@link App}). A function of two or more
 * parameters is a Node listener (`(req, res)`, `(req, res, next)`); of fewer, a fetch function. A Promise,
 * a Fastify instance (which needs `ready()`) and a NestJS application (which needs `init()`) are prepared
 * once, on the first request.
 *
 * @throws TypeError when `app` is none of these, naming what was passed.
 * @example
 * const dispatch = createDispatcher(expressApp);
 * const response = await dispatch({ method: 'GET', url: '/books', headers: {} }, 5000);
 */
export function createDispatcher(app: unknown): Dispatcher {
  const direct = directDispatcher(app);
  if (direct !== undefined) return direct;
  if (isThenable(app) || (typeof app === 'object' && app !== null && (isFastify(app) || isNestApplication(app)))) {
    return lazyDispatcher(app as object);
  }
  throw new TypeError(`cloud-events-handler cannot drive ${describeApp(app)}: pass a Node request listener, an Express, Koa, Fastify or NestJS app, an http.Server, an object with fetch(request), a fetch function, or a Promise of one`);
}

/** The dispatcher for an app that needs no preparation, else undefined. */
function directDispatcher(app: unknown): Dispatcher | undefined {
  if (typeof app === 'function') {
    return app.length >= 2 ? listenerDispatcher(app as NodeListener) : fetchDispatcher(app as FetchHandler);
  }
  if (typeof app !== 'object' || app === null || isThenable(app) || isFastify(app) || isNestApplication(app)) return undefined;
  if (isKoa(app)) {
    // Koa composes its middleware in callback(): build the listener on first use, so middleware added
    // after createLambdaHandler() is seen.
    let listener: NodeListener | undefined;
    return listenerDispatcher((req, res) => (listener ??= app.callback())(req, res));
  }
  if (isServer(app)) {
    return listenerDispatcher((req: IncomingMessage, res: ServerResponse) => app.emit('request', req, res));
  }
  if (isFetchObject(app)) return fetchDispatcher((request) => app.fetch(request));
  return undefined;
}

/** A dispatcher that prepares the app once (await it, `ready()`, `init()`), then drives it. */
function lazyDispatcher(app: object): Dispatcher {
  let prepared: Promise<Dispatcher> | undefined;
  return async (request, timeoutMs, sink) => {
    prepared ??= prepare(app);
    const dispatch = await prepared;
    return dispatch(request, timeoutMs, sink);
  };
}

async function prepare(app: unknown): Promise<Dispatcher> {
  const resolved = isThenable(app) ? await app : app;
  if (typeof resolved === 'object' && resolved !== null) {
    if (isFastify(resolved)) {
      await resolved.ready();
      return listenerDispatcher(resolved.routing);
    }
    if (isNestApplication(resolved)) {
      await resolved.init();
      return createDispatcher(resolved.getHttpServer());
    }
  }
  const direct = directDispatcher(resolved);
  if (direct === undefined) {
    throw new TypeError(`cloud-events-handler cannot drive ${describeApp(resolved)}, which the app's Promise resolved to`);
  }
  return direct;
}

/**
 * True when {@link createDispatcher} would accept `app` (a Promise counts: it is judged when resolved).
 *
 * @example
 * isAppLike(express()); // true
 * isAppLike({ port: 3000 }); // false
 */
export function isAppLike(app: unknown): boolean {
  if (typeof app === 'function') return true;
  if (typeof app !== 'object' || app === null) return false;
  return isThenable(app) || isFastify(app) || isNestApplication(app) || directDispatcher(app) !== undefined;
}

/**
 * A short description of a value for error messages: `undefined`, `a string`, `an object (Foo) with
 * keys a, b`.
 */
export function describeApp(app: unknown): string {
  if (app === null) return 'null';
  if (typeof app === 'function') return `a function of ${app.length} parameters`;
  if (typeof app !== 'object') return app === undefined ? 'undefined' : `a ${typeof app}`;
  const name = (app as { constructor?: { name?: string } }).constructor?.name ?? 'no prototype';
  const keys = Object.keys(app).slice(0, 5);
  return `an object (${name})${keys.length > 0 ? ` with keys ${keys.join(', ')}` : ''}`;
}
