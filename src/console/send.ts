import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createDispatcher } from '../dispatch/app.js';
import type { DispatchRequest } from '../dispatch/types.js';
import { runAsJson } from '../cli/report.js';
import { verdict } from '../cli/verdict.js';
import { invoke } from '../testing/index.js';
import type { InvokeOptions } from '../testing/index.js';

/** What the page sends: the event, the mode, the options as JSON, and how to deliver it. */
export interface SendRequest {
  event: unknown;
  mode?: 'event' | 'record';
  /** `routes` and `request` of `createLambdaHandler`, as JSON. */
  options?: { routes?: Record<string, string>; request?: InvokeOptions['request'] };
  /** `lambda` (an invocation of the Lambda handler, the default) or `gateway` (an HTTP push). */
  via?: 'lambda' | 'gateway';
  timeoutMs?: number;
}

/** A body as JSON carries it: UTF-8 text, else base64. */
interface JsonBody {
  body: string;
  isBase64Encoded: boolean;
}

/** An error as JSON: name, message and the data typed errors carry (`code`, `statusCode`, `body`, `path`). */
export interface JsonError {
  name: string;
  message: string;
  code?: string;
  statusCode?: number;
  [key: string]: unknown;
}

/** One delivery as JSON: the request the app received, its response or its error. */
export interface JsonDelivery {
  request: JsonBody & { method: string; path: string; headers: Record<string, string | string[]> };
  response?: JsonBody & { statusCode: number; headers: Record<string, string | string[]> };
  error?: JsonError;
}

/** `invoke()`'s result as JSON (`runAsJson`, as `invoke --json` prints it), with durations and the records that go back to the queue. */
export interface SendOutcome {
  handled: boolean;
  reason: string;
  result?: unknown;
  error?: JsonError;
  deliveries: JsonDelivery[];
  callbacks: unknown[];
  via: 'lambda' | 'gateway';
  durationMs: number;
  /** Per delivery, in order: how long the app took to answer (ms). */
  durationsMs: number[];
  /** `batchItemFailures` item identifiers: the records the queue or stream delivers again. */
  returned: string[];
}

/** A send the console cannot make (a bad option, the gateway missing): answered 400 with its `code`. */
export class SendError extends Error {
  readonly code: 'BAD_SEND' | 'GATEWAY_UNAVAILABLE';
  readonly statusCode = 400;
  constructor(message: string, code: SendError['code'], cause?: unknown) {
    super(message, { cause });
    this.name = 'SendError';
    this.code = code;
  }
}

/** The app behind a listener that times each request it hands on: the timeline's durations. */
export function timed(app: unknown, durations: number[]): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const dispatch = createDispatcher(app);
  return async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: DispatchRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers as Record<string, string | string[]>,
      body: chunks.length === 0 ? undefined : Buffer.concat(chunks),
      remoteAddress: req.socket.remoteAddress,
      secure: (req.socket as { encrypted?: boolean }).encrypted === true,
    };
    const index = durations.push(0) - 1;
    const start = performance.now();
    try {
      // invoke() enforces the time limit on the outer request; this one only needs to end eventually.
      const response = await dispatch(request, 2 ** 31 - 1);
      res.writeHead(response.statusCode, response.headers);
      res.end(response.body);
    } finally {
      durations[index] = Math.round((performance.now() - start) * 10) / 10;
    }
  };
}

/** A send as an HTTP push through the gateway (`gateway-send.ts`), injected so tests can go without it. */
export type GatewaySend = (app: unknown, send: SendRequest) => Promise<SendOutcome>;

/**
 * Send one event to the app through the same pipeline as production, as a Lambda invocation (`invoke()`),
 * and report every delivery (request, response, duration), the result or error, whether the caller
 * counts it handled and in plain words why, and which batch records go back to the queue.
 *
 * @throws SendError `BAD_SEND` for options the handler refuses (a bad `routes`, `request`), `GATEWAY_UNAVAILABLE`.
 * @example
 * const outcome = await sendEvent(app, { event: sampleEvent('aws.s3.put'), mode: 'event' });
 * outcome.deliveries[0].request.path; // '/aws.s3'
 */
export async function sendEvent(app: unknown, send: SendRequest, gateway?: GatewaySend): Promise<SendOutcome> {
  if (send.via === 'gateway') {
    if (gateway === undefined) throw new SendError('sending as an HTTP push needs the gateway (createEventGateway), which this console was started without', 'GATEWAY_UNAVAILABLE');
    return gateway(app, send);
  }
  const durations: number[] = [];
  const options: InvokeOptions = { mode: send.mode ?? 'event', ...send.options };
  if (send.timeoutMs !== undefined) options.timeoutMs = send.timeoutMs;
  const start = performance.now();
  let run;
  try {
    run = await invoke(timed(app, durations), send.event, options);
  } catch (error) {
    throw new SendError((error as Error).message, 'BAD_SEND', error);
  }
  const durationMs = Math.round((performance.now() - start) * 10) / 10;
  const failures = (run.result as { batchItemFailures?: Array<{ itemIdentifier?: unknown }> } | undefined)?.batchItemFailures;
  const returned = Array.isArray(failures) ? failures.map((failure) => String(failure.itemIdentifier)) : [];
  return { ...(runAsJson(run, verdict(run)) as unknown as Omit<SendOutcome, 'via' | 'durationMs' | 'durationsMs' | 'returned'>), via: 'lambda', durationMs, durationsMs: durations, returned };
}
