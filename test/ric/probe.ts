import { createServer } from 'node:http';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the app (`app.mjs`, inside the RIC's process) received it. */
export interface ReceivedRequest {
  method: string;
  /** The request's URL (path and query) as the app saw it. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The body bytes, base64. */
  bodyBase64: string;
  /** What `getInvocation()` returned inside the app for this request. */
  invocation: { requestId?: string; cloudEventId?: string } | null;
}

/**
 * The test's side of what the app reports: the app posts each request it receives to `POST /received`
 * before answering (the app runs in the RIC's process, or one of its worker threads, so it cannot hand
 * objects to the test), and `GET /hold/{key}` is answered only when the test calls `release(key)`, so
 * the test decides when each of several invocations in flight gets its answer.
 */
export interface Probe {
  /** The base URL the app is given (`RIC_TEST_PROBE`). */
  url: string;
  received: ReceivedRequest[];
  /** Resolves once `count` holds are waiting for their release. */
  held(count: number): Promise<void>;
  release(key: string): void;
  close(): Promise<void>;
}

/**
 * Start the probe on 127.0.0.1.
 *
 * @example
 * const probe = await startProbe();
 * // the app: await fetch(`${process.env.RIC_TEST_PROBE}/hold/a`)
 * await probe.held(1);
 * probe.release('a');
 */
export async function startProbe(): Promise<Probe> {
  const received: ReceivedRequest[] = [];
  const holds = new Map<string, ServerResponse>();
  const watchers: Array<{ count: number; resolve: () => void }> = [];
  const notify = (): void => {
    for (const watcher of watchers.splice(0)) {
      if (holds.size >= watcher.count) watcher.resolve();
      else watchers.push(watcher);
    }
  };
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/hold/')) {
      holds.set(decodeURIComponent(req.url.slice('/hold/'.length)), res);
      notify();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/received') received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedRequest);
      res.writeHead(req.url === '/received' ? 204 : 404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    held: (count) => new Promise<void>((resolve) => {
      watchers.push({ count, resolve });
      notify();
    }),
    release(key) {
      const res = holds.get(key);
      if (res === undefined) throw new Error(`no hold "${key}" is waiting (waiting: ${[...holds.keys()].join(', ') || 'none'})`);
      holds.delete(key);
      res.writeHead(204).end();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of holds.values()) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
