import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { describeError } from '../errors.js';
import { handleApi } from './api.js';
import type { ApiState, AppStatus, HistoryEntry } from './api.js';
import { allowedHosts, consoleToken, refusalOf } from './guard.js';
import { acceptsBrotli, readPage } from './page-files.js';
import { watchFiles } from './reload.js';
import type { AppReloader } from './reload.js';
import type { GatewaySend } from './send.js';

/** Options of {@link startConsole}. */
export interface ConsoleOptions {
  /** Loads the app (again on each change of its files). */
  reloader: AppReloader;
  /** `--app` as given and the folder `dev` runs in (for "copy as test" and "copy as CLI"). */
  spec: string;
  cwd: string;
  /** The folder of console.html, console.css and console.js, or of the same files brotli-compressed (`.br`). */
  pageDir: string;
  /** Default 127.0.0.1: the console drives the user's app; it is not for the network. */
  host?: string;
  /** Default 8787; 0 for any free port. */
  port?: number;
  /** Watch the app's folder and reload on change (default true). */
  watch?: boolean;
  gateway?: GatewaySend | undefined;
  /** Told of each load: `loaded` / `failed` with the error. */
  onStatus?: (status: AppStatus) => void;
}

/** A running console: its URL with the token, and how to stop it. */
export interface RunningConsole {
  url: string;
  token: string;
  server: Server;
  /** Resolves once the app's current (re)load has settled. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  // The token is in the page's URL: no referrer leaves it; no site frames the page (clickjacking).
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

// A page file that has a compressed form: which one was sent depends on the request's Accept-Encoding.
const BROTLI = { 'content-encoding': 'br', vary: 'accept-encoding' };
const NEGOTIATED = { vary: 'accept-encoding' };

function answer(res: ServerResponse, status: number, type: string, body: string | Buffer, headers?: Record<string, string>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'content-type': `${type}; charset=utf-8`, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error(`body over ${MAX_BODY_BYTES} bytes`), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw Object.assign(new Error(`the body is not JSON: ${(error as Error).message}`), { status: 400 });
  }
}

/**
 * Start the development console: the page and its JSON API on `host:port`, the app loaded through
 * `reloader` and reloaded when its files change (a load that fails is shown on the page; the server
 * keeps running and the next good save recovers). Every request must carry its own `Host`; API requests
 * the per-run token; a foreign `Origin` is refused (403).
 *
 * @example
 * const running = await startConsole({ reloader: createAppReloader('./app.js', cwd), spec: './app.js', cwd, pageDir });
 * console.log(running.url); // http://127.0.0.1:8787/?token=...
 */
export async function startConsole(options: ConsoleOptions): Promise<RunningConsole> {
  const token = consoleToken();
  const host = options.host ?? '127.0.0.1';
  const page = readPage(options.pageDir);
  const clients = new Set<ServerResponse>();
  const history: HistoryEntry[] = [];
  let current: unknown;
  let file = '';
  let status: AppStatus = { state: 'loading', generation: 0, at: new Date().toISOString() };
  let stopWatching: (() => void) | undefined;

  const broadcast = (): void => {
    const message = `event: app\ndata: ${JSON.stringify(status)}\n\n`;
    for (const client of clients) client.write(message);
    options.onStatus?.(status);
  };
  const load = async (): Promise<void> => {
    try {
      const loaded = await options.reloader.load();
      current = loaded.app;
      file = loaded.file;
      status = { state: 'loaded', generation: loaded.generation, file: loaded.file, at: new Date().toISOString() };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      status = { state: 'failed', generation: status.generation + 1, error: { ...(typeof code === 'string' ? { code } : {}), message: describeError(error) }, at: new Date().toISOString() };
    }
    broadcast();
    if (options.watch !== false && stopWatching === undefined && file !== '') stopWatching = watchFiles(dirname(file), () => void (loading = loading.then(load)));
  };
  let loading = Promise.resolve();

  const state: ApiState = {
    app: () => current,
    status: () => status,
    source: () => ({ spec: options.spec, file: file || join(options.cwd, options.spec), cwd: options.cwd }),
    history,
    gateway: options.gateway,
  };

  let hosts = new Set<string>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    const isApi = url.pathname.startsWith('/api/');
    const refusal = refusalOf(req.headers, url, { hosts, token, needsToken: isApi });
    if (refusal !== undefined) return answer(res, 403, 'application/json', JSON.stringify({ error: refusal }));
    if (!isApi) {
      const file = page.get(url.pathname);
      if (file === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) return answer(res, 404, 'text/plain', 'not found');
      if (file.brotli === undefined) return answer(res, 200, file.type, file.plain);
      return acceptsBrotli(req.headers['accept-encoding']) ? answer(res, 200, file.type, file.brotli, BROTLI) : answer(res, 200, file.type, file.plain, NEGOTIATED);
    }
    if (url.pathname === '/api/events') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      res.write(`event: app\ndata: ${JSON.stringify(status)}\n\n`);
      clients.add(res);
      res.on('close', () => clients.delete(res));
      return;
    }
    readJson(req)
      .then((body) => handleApi(state, req.method ?? 'GET', url.pathname, body))
      .then(
        ({ status: code, body }) => answer(res, code, 'application/json', JSON.stringify(body)),
        (error: { status?: number; message?: string }) => answer(res, error.status ?? 500, 'application/json', JSON.stringify({ error: { code: 'INTERNAL', message: describeError(error) } })),
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => resolve());
  });
  loading = load(); // once listening: a port in use loads nothing
  const { port } = server.address() as AddressInfo;
  hosts = allowedHosts(host, port);
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/?token=${token}`,
    token,
    server,
    settled: () => loading,
    async close() {
      stopWatching?.();
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
