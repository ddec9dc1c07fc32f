import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_TIMEOUT_MARGIN_MS, createDispatcher, createLambdaHandler } from '../index.js';
import type { App, Dispatcher, DispatchRequest, LambdaContext } from '../index.js';
import { captureCallbacks } from './callbacks.js';
import type { Delivery, InvokedRequest, InvokeOptions, InvokeResult } from './types.js';

/** Lambda's own default function timeout: an app that hangs fails before the test runner's own timeout. */
export const DEFAULT_INVOKE_TIMEOUT_MS = 3000;

const INNER_LEAD_MS = 20;

// text() and json() live on a shared prototype: recorded requests stay plain data for toEqual and JSON.
const requestMethods = {
  text(this: InvokedRequest): string {
    return this.body.toString('utf8');
  },
  json(this: InvokedRequest): unknown {
    return JSON.parse(this.body.toString('utf8'));
  },
};

function recordRequest(request: DispatchRequest): InvokedRequest {
  const recorded = Object.create(requestMethods) as InvokedRequest;
  recorded.method = request.method;
  recorded.path = request.url;
  recorded.headers = { ...request.headers };
  recorded.body = request.body ?? Buffer.alloc(0);
  return recorded;
}

/** A context like Lambda's, its deadline `timeoutMs` from now. */
function plausibleContext(timeoutMs: number): LambdaContext & { callbackWaitsForEmptyEventLoop: boolean } {
  const deadline = Date.now() + timeoutMs;
  const functionName = 'cloud-events-handler-local';
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '128',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${day}/[$LATEST]${randomBytes(16).toString('hex')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

/**
 * Run `createLambdaHandler(app, options)` once on `event`, recording every request the app received and
 * what it answered. Never throws for the app's failures: `error` holds what Lambda would have been
 * given (an `EventDeliveryError` for an asynchronous event the app did not accept), `result` what it
 * would have returned. CloudFormation callbacks are captured in `callbacks`, not sent.
 *
 * @throws TypeError when `app` is not something the package can drive; ConfigurationError for a bad option.
 * @example
 * import { invoke, sampleEvent } from 'cloud-events-handler/testing';
 * const { result, deliveries } = await invoke(app, sampleEvent('aws.sqs', { records: 2 }), { mode: 'record' });
 * deliveries[0].request.path;        // '/aws.sqs'
 * deliveries[0].response.statusCode; // 200
 * result;                            // { batchItemFailures: [] }
 */
export async function invoke(app: App | unknown, event: unknown, options: InvokeOptions = {}): Promise<InvokeResult> {
  const { context: contextFields, ...lambdaOptions } = options;
  const dispatch = createDispatcher(app);
  const context: LambdaContext = { ...plausibleContext(options.timeoutMs ?? DEFAULT_INVOKE_TIMEOUT_MS), ...contextFields };
  const margin = options.timeoutMarginMs ?? DEFAULT_TIMEOUT_MARGIN_MS;
  const deliveries: Delivery[] = [];

  // The app's own dispatch gives up a moment before the handler does, so that a timeout is recorded on
  // its delivery before the handler answers.
  const recorder = recordingListener(dispatch, deliveries, () => (context.getRemainingTimeInMillis?.() ?? options.timeoutMs ?? DEFAULT_INVOKE_TIMEOUT_MS) - margin - INNER_LEAD_MS);
  const handler = createLambdaHandler(recorder, lambdaOptions);
  const responseUrl = (event as { ResponseURL?: unknown } | null)?.ResponseURL;
  const capture = typeof responseUrl === 'string' ? captureCallbacks(responseUrl) : undefined;
  try {
    const result = await handler(event, context);
    return { result, deliveries, callbacks: capture?.callbacks ?? [] };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)), deliveries, callbacks: capture?.callbacks ?? [] };
  } finally {
    capture?.release();
  }
}

/**
 * The app seen through a listener that records each request in `deliveries`, hands it to the app's own
 * dispatcher unchanged (same headers object, remote address, TLS flag) with `timeLimit()` ms to answer,
 * and answers with what the app answered. Shared by `invoke` and the console's HTTP push send.
 *
 * @example
 * const deliveries: Delivery[] = [];
 * createLambdaHandler(recordingListener(createDispatcher(app), deliveries, () => 3000));
 */
export function recordingListener(dispatch: Dispatcher, deliveries: Delivery[], timeLimit: () => number): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const socket = req.socket as { remoteAddress?: string; encrypted?: boolean };
    const request: DispatchRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers as Record<string, string | string[]>,
      body: chunks.length === 0 ? undefined : Buffer.concat(chunks),
      remoteAddress: socket.remoteAddress,
      secure: socket.encrypted === true,
    };
    const delivery: Delivery = { request: recordRequest(request) };
    deliveries.push(delivery);
    try {
      const response = await dispatch(request, Math.max(1, timeLimit()));
      delivery.response = { statusCode: response.statusCode, headers: { ...response.headers }, body: response.body };
      res.writeHead(response.statusCode, response.headers);
      res.end(response.body);
    } catch (error) {
      delivery.error = error as Error;
      throw error;
    }
  };
}
