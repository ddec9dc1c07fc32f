/**
 * The console's second way to send: as an HTTP push through the gateway (`createEventGateway`), as Cloud
 * Run, Knative, Eventarc, Pub/Sub push or Event Grid would POST it. The editor's JSON is the push: a
 * structured CloudEvent is sent in binary content mode (as Knative and Eventarc send), anything else as a
 * JSON body (a Pub/Sub push envelope, an Event Grid array, an AWS event); the gateway recognises the
 * sender and answers it by its acknowledgement contract, and that answer is what the page shows on top.
 */
import { performance } from 'node:perf_hooks';
import { runAsJson } from '../cli/report.js';
import { toBinary } from '../cloudevents/http/binary.js';
import type { CloudEvent } from '../cloudevents/types.js';
import { createDispatcher } from '../dispatch/app.js';
import { createEventGateway } from '../gateway/index.js';
import { recordingListener } from '../testing/invoke.js';
import type { Delivery } from '../testing/types.js';
import { SendError, timed } from './send.js';
import type { GatewaySend, SendOutcome, SendRequest } from './send.js';

/** The app's time per push when the page sets none: Lambda's default function timeout, as `invoke`. */
const DEFAULT_PUSH_TIMEOUT_MS = 3000;
/** The recorder gives up this much before the gateway does, so that a timeout is recorded on its delivery. */
const INNER_LEAD_MS = 20;

/**
 * The push the gateway receives for the editor's event: a structured CloudEvent in binary content mode,
 * anything else as JSON.
 *
 * @example
 * pushRequest({ specversion: '1.0', id: '1', source: '/s', type: 't', data: { a: 1 } }).headers.get('ce-id'); // '1'
 */
export function pushRequest(event: unknown): Request {
  const url = 'http://127.0.0.1/';
  if (typeof event === 'object' && event !== null && !Array.isArray(event) && typeof (event as { specversion?: unknown }).specversion === 'string') {
    let message;
    try {
      message = toBinary(event as CloudEvent);
    } catch (error) {
      throw new SendError(`the CloudEvent cannot be pushed in binary mode: ${(error as Error).message}`, 'BAD_SEND', error);
    }
    return new Request(url, { method: 'POST', headers: message.headers, body: message.body ?? null });
  }
  return new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
}

/**
 * Push `send.event` through a gateway over `app` and report every delivery (as a Lambda send does), and
 * the sender's answer as the result: acknowledged when it is 2xx, else the sender delivers again.
 *
 * @example
 * const outcome = await pushThroughGateway(app, { event: pubSubPush, via: 'gateway' });
 * outcome.result; // { statusCode: 204, headers: {...}, body: '' }
 */
export async function pushThroughGateway(app: unknown, send: SendRequest): Promise<SendOutcome> {
  const deliveries: Delivery[] = [];
  const durations: number[] = [];
  const timeoutMs = send.timeoutMs ?? DEFAULT_PUSH_TIMEOUT_MS;
  const listener = recordingListener(createDispatcher(timed(app, durations)), deliveries, () => timeoutMs - INNER_LEAD_MS);
  let gateway;
  try {
    gateway = createEventGateway(listener, { mode: send.mode ?? 'event', ...send.options, timeoutMs });
  } catch (error) {
    throw new SendError((error as Error).message, 'BAD_SEND', error);
  }
  const request = pushRequest(send.event);
  const start = performance.now();
  try {
    const response = await gateway.fetch(request);
    const body = Buffer.from(await response.arrayBuffer());
    const durationMs = Math.round((performance.now() - start) * 10) / 10;
    const handled = response.status >= 200 && response.status < 300;
    const reason = handled ? `the sender gets ${response.status}: acknowledged` : `the sender gets ${response.status}: not acknowledged, it delivers the push again`;
    const text = body.toString('utf8');
    const result = { statusCode: response.status, headers: Object.fromEntries(response.headers), body: text };
    const json = runAsJson({ result: result as never, deliveries, callbacks: [] }, { handled, reason }) as unknown as Omit<SendOutcome, 'via' | 'durationMs' | 'durationsMs' | 'returned'>;
    return { ...json, via: 'gateway', durationMs, durationsMs: durations, returned: [] };
  } finally {
    await gateway.close();
  }
}

/** The console's HTTP push send. */
export const sendAsPush: GatewaySend = pushThroughGateway;
