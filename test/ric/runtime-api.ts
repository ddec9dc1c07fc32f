import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One invocation as the Runtime API hands it out (the headers of `GET .../invocation/next`). */
export interface InvocationHeaders {
  requestId: string;
  /** Epoch milliseconds: `Lambda-Runtime-Deadline-Ms`. */
  deadlineMs: number;
  functionArn: string;
  traceId: string;
}

/** What the runtime posted back for one invocation. */
export interface InvocationOutcome {
  /** `response`: `POST .../invocation/{id}/response`; `error`: `POST .../invocation/{id}/error`. */
  kind: 'response' | 'error';
  /** The posted body, parsed as JSON. */
  body: unknown;
  headers: IncomingHttpHeaders;
}

/** A Lambda Runtime API on 127.0.0.1 for a runtime interface client to poll. */
export interface RuntimeApi {
  /** `host:port`, the value of `AWS_LAMBDA_RUNTIME_API`. */
  address: string;
  /** Queue an event for the next `GET .../invocation/next`; `outcome` settles when the runtime posts its result. */
  invoke(event: unknown, headers?: Partial<InvocationHeaders>): { invocation: InvocationHeaders; outcome: Promise<InvocationOutcome> };
  /** Bodies posted to `/2018-06-01/runtime/init/error`. */
  initErrors: unknown[];
  /** Requests this API does not serve (method and path): a test asserts there are none. */
  unexpected: string[];
  close(): Promise<void>;
}

const PREFIX = '/2018-06-01/runtime/';
const RESULT = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/;

/**
 * Start a Lambda Runtime API (the 2018-06-01 protocol that aws-lambda-ric speaks): `GET
 * invocation/next` hands out queued events one per call, holding the call open while the queue is
 * empty (as Lambda does); `POST invocation/{id}/response` and `.../error` settle that invocation;
 * `POST init/error` is recorded. Every result is answered 202, as Lambda does.
 *
 * @example
 * const api = await startRuntimeApi();
 * const { outcome } = api.invoke({ hello: 'world' });
 * // spawn the RIC with AWS_LAMBDA_RUNTIME_API=api.address, then:
 * (await outcome).kind; // 'response'
 */
export async function startRuntimeApi(): Promise<RuntimeApi> {
  const queue: Array<{ invocation: InvocationHeaders; body: string }> = [];
  const waiting: ServerResponse[] = [];
  const pending = new Map<string, (outcome: InvocationOutcome) => void>();
  const initErrors: unknown[] = [];
  const unexpected: string[] = [];

  const handOut = (res: ServerResponse): void => {
    const next = queue.shift();
    if (next === undefined) {
      waiting.push(res);
      return;
    }
    const { invocation, body } = next;
    res.writeHead(200, {
      'content-type': 'application/json',
      'lambda-runtime-aws-request-id': invocation.requestId,
      'lambda-runtime-deadline-ms': String(invocation.deadlineMs),
      'lambda-runtime-invoked-function-arn': invocation.functionArn,
      'lambda-runtime-trace-id': invocation.traceId,
    });
    res.end(body);
  };

  const server = createServer((req, res) => {
    const path = req.url ?? '';
    if (req.method === 'GET' && path === PREFIX + 'invocation/next') return handOut(res);
    void readBody(req).then((text) => {
      const result = req.method === 'POST' ? RESULT.exec(path) : null;
      const settle = result ? pending.get(decodeURIComponent(result[1]!)) : undefined;
      if (result && settle) {
        pending.delete(decodeURIComponent(result[1]!));
        settle({ kind: result[2] as 'response' | 'error', body: parseJson(text), headers: req.headers });
      } else if (req.method === 'POST' && path === PREFIX + 'init/error') {
        initErrors.push(parseJson(text));
      } else {
        unexpected.push(`${req.method} ${path}`);
        res.writeHead(404).end();
        return;
      }
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"OK"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    address: `127.0.0.1:${port}`,
    initErrors,
    unexpected,
    invoke(event, headers) {
      const invocation: InvocationHeaders = {
        requestId: headers?.requestId ?? randomUUID(),
        deadlineMs: headers?.deadlineMs ?? Date.now() + 30_000,
        functionArn: headers?.functionArn ?? 'arn:aws:lambda:eu-west-1:123456789012:function:books',
        traceId: headers?.traceId ?? `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomUUID().replaceAll('-', '').slice(0, 24)};Parent=53995c3f42cd8ad8;Sampled=1`,
      };
      const outcome = new Promise<InvocationOutcome>((resolve) => pending.set(invocation.requestId, resolve));
      queue.push({ invocation, body: JSON.stringify(event) });
      // A poll whose runtime went away (a stopped RIC) must not swallow the event.
      let parked = waiting.shift();
      while (parked && (parked.destroyed || parked.socket?.destroyed !== false)) parked = waiting.shift();
      if (parked) handOut(parked);
      return { invocation, outcome };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of waiting.splice(0)) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
