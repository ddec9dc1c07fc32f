import { compileRoutes } from '../handlers/lambda/options.js';
import { findSample, sampleEvent, samples } from '../samples/index.js';
import { routeFor, toCloudEvents } from '../sources/index.js';
import type { CloudEvent } from '../cloudevents/types.js';
import { SendError, sendEvent } from './send.js';
import type { GatewaySend, SendOutcome, SendRequest } from './send.js';
import { cliSnippet, testSnippet } from './snippets.js';
import type { AppSource } from './snippets.js';

/** A JSON API answer: status and body. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** The app's state as the page shows it: loaded (which load), or failed to load with the error. */
export interface AppStatus {
  state: 'loading' | 'loaded' | 'failed';
  generation: number;
  file?: string;
  error?: { code?: string; message: string };
  at: string;
}

/** One send of the session, re-sendable from the history. */
export interface HistoryEntry {
  id: number;
  at: string;
  send: SendRequest;
  summary: { handled: boolean; reason: string; path: string; statuses: Array<number | null> };
}

/** What the API handlers read and change: the current app, its status, the session's history. */
export interface ApiState {
  app(): unknown;
  status(): AppStatus;
  source(): AppSource;
  history: HistoryEntry[];
  gateway: GatewaySend | undefined;
}

const HISTORY_LIMIT = 100;

const fail = (status: number, code: string, message: string): ApiAnswer => ({ status, body: { error: { code, message } } });

/** The sample's source: its name without the variant (`aws.s3.put` -> `aws.s3`). */
const sourceOf = (name: string): string => name.split('.').slice(0, 2).join('.');

function checkSend(body: unknown): SendRequest | string {
  if (typeof body !== 'object' || body === null || !('event' in body)) return 'expected {"event": ..., "mode"?, "options"?, "via"?}';
  const send = body as SendRequest;
  if (send.mode !== undefined && send.mode !== 'event' && send.mode !== 'record') return `mode "${String(send.mode)}": expected event or record`;
  if (send.via !== undefined && send.via !== 'lambda' && send.via !== 'gateway') return `via "${String(send.via)}": expected lambda or gateway`;
  if (send.options !== undefined && (typeof send.options !== 'object' || send.options === null || Array.isArray(send.options))) return 'options: expected an object with routes and request';
  const unknown = Object.keys(send.options ?? {}).filter((key) => key !== 'routes' && key !== 'request');
  if (unknown.length > 0) return `options: unknown ${unknown.join(', ')} (the console takes routes and request)`;
  return send;
}

/** `POST /api/inspect`: the path the event takes and, in record mode, the CloudEvents and their paths. */
function inspect(send: SendRequest): ApiAnswer {
  const path = routeFor(send.event);
  const fallback = send.options?.request?.path ?? '/';
  const answer: Record<string, unknown> = { path: path ?? null, recognised: path !== undefined, fallback };
  if (send.mode === 'record') {
    let routeOf: (event: CloudEvent) => string | undefined;
    try {
      routeOf = compileRoutes(send.options?.routes);
    } catch (error) {
      return fail(400, 'BAD_ROUTES', (error as Error).message);
    }
    answer.cloudEvents = toCloudEvents(send.event).map((cloudEvent) => ({ path: routeOf(cloudEvent) ?? path ?? fallback, cloudEvent }));
  }
  return { status: 200, body: answer };
}

async function send(state: ApiState, request: SendRequest): Promise<ApiAnswer> {
  if (state.status().state !== 'loaded') return fail(409, 'APP_NOT_LOADED', `the app is not loaded: ${state.status().error?.message ?? 'still loading'}`);
  let outcome: SendOutcome;
  try {
    outcome = await sendEvent(state.app(), request, state.gateway);
  } catch (error) {
    if (error instanceof SendError) return fail(400, error.code, error.message);
    throw error;
  }
  const entry: HistoryEntry = {
    id: (state.history.at(-1)?.id ?? 0) + 1,
    at: new Date().toISOString(),
    send: request,
    summary: {
      handled: outcome.handled,
      reason: outcome.reason,
      path: outcome.deliveries[0]?.request.path ?? routeFor(request.event) ?? '/',
      statuses: outcome.deliveries.map((delivery) => delivery.response?.statusCode ?? null),
    },
  };
  state.history.push(entry);
  if (state.history.length > HISTORY_LIMIT) state.history.shift();
  const snippets = { test: testSnippet(request, outcome, state.source()), cli: cliSnippet(request, state.source()) };
  return { status: 200, body: { id: entry.id, ...outcome, snippets } };
}

/**
 * Answer one console API request (`method`, `path` under `/api/`, the parsed JSON body): the samples,
 * one sample, inspect, send, the history, the app's status. Unknown routes are 404, wrong methods 405.
 *
 * @example
 * const { status, body } = await handleApi(state, 'GET', '/api/samples', undefined);
 */
export async function handleApi(state: ApiState, method: string, path: string, body: unknown): Promise<ApiAnswer> {
  const get = method === 'GET' || method === 'HEAD';
  if (path === '/api/samples') {
    if (!get) return fail(405, 'METHOD', 'GET only');
    return { status: 200, body: samples.map(({ name, description, overrides }) => ({ name, description, source: sourceOf(name), overrides })) };
  }
  if (path.startsWith('/api/samples/')) {
    if (!get) return fail(405, 'METHOD', 'GET only');
    const name = decodeURIComponent(path.slice('/api/samples/'.length));
    if (findSample(name) === undefined) return fail(404, 'UNKNOWN_SAMPLE', `no sample event named "${name}"`);
    return { status: 200, body: sampleEvent(name) };
  }
  if (path === '/api/history') return get ? { status: 200, body: state.history } : fail(405, 'METHOD', 'GET only');
  if (path === '/api/status') return get ? { status: 200, body: { app: state.status(), gateway: state.gateway !== undefined, source: state.source() } } : fail(405, 'METHOD', 'GET only');
  if (path === '/api/inspect' || path === '/api/send') {
    if (method !== 'POST') return fail(405, 'METHOD', 'POST only');
    const request = checkSend(body);
    if (typeof request === 'string') return fail(400, 'BAD_SEND', request);
    return path === '/api/inspect' ? inspect(request) : send(state, request);
  }
  return fail(404, 'NOT_FOUND', `no API ${method} ${path}`);
}
