import type { CloudEvent } from '../../cloudevents/types.js';
import { createDispatcher } from '../../dispatch/app.js';
import type { App } from '../../dispatch/app.js';
import type { Dispatcher, DispatchRequest } from '../../dispatch/types.js';
import type { Invocation } from '../../invocation.js';
import { rejectionOf } from '../../pipeline/answer.js';
import { recordsRejection } from '../../pipeline/batch.js';
import { asOutcome, deliver } from '../../pipeline/deliver.js';
import { runRecords } from '../../pipeline/records.js';
import { carriedRequest, cloudEventsRequest, recordRequest } from '../../pipeline/request.js';
import type { Outcome } from '../../pipeline/types.js';
import { toDispatchRequest, toHttpResponseInit } from '../../sources/azure/http/index.js';
import type { AzureHttpRequest, AzureHttpResponseInit } from '../../sources/azure/http/index.js';
import { azureTriggerOf, isHttpBinding } from '../../sources/azure/triggers.js';
import type { AzureInvocationContext, AzureTrigger } from '../../sources/azure/types.js';
import type { LambdaContext } from '../../lambda-context.js';
import { resolveFunctionOptions } from '../function-options.js';
import type { FunctionOptions, ResolvedFunctionOptions } from '../function-options.js';

/** Options of {@link createAzureFunctionHandler}. */
export type AzureFunctionOptions = FunctionOptions;

/**
 * A handler for every trigger of `@azure/functions` 4 (`app.http`, `app.storageQueue`, ...): HTTP
 * triggers resolve with the `HttpResponseInit`; every other trigger resolves with nothing once the app
 * accepted each item, and rejects otherwise.
 */
export type AzureFunctionHandler = (input: unknown, context: AzureInvocationContext) => Promise<AzureHttpResponseInit | undefined>;

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

/**
 * An Azure Functions (Node.js v4 programming model) handler that delivers each invocation to `app` as
 * in-process HTTP requests. The trigger is read from `context.options.trigger.type`:
 * - HTTP: the request it carries, answered as an `HttpResponseInit` (status, headers, cookies, body
 *   bytes) whatever the status; a throw is 500, no answer in time 504;
 * - Event Grid, Storage Queue, Service Bus, Event Hubs, Cosmos DB, Blob, Timer (any other: generic):
 *   each item one binary-mode CloudEvent request at the trigger's path (`/azure.storage.queue`, ...;
 *   `routes` win), a batch (`cardinality: 'many'`, Cosmos DB) in order; the first item the app does
 *   not answer 2xx rejects with an `EventDeliveryError` and the rest are not delivered, so that the host
 *   retries and then moves the message to its poison or dead-letter queue. The message's dequeue or
 *   delivery count reaches the app as `x-delivery-attempt`, the invocation's trace as `traceparent`.
 *
 * @throws TypeError when `app` is not something this package can drive; ConfigurationError for a bad option.
 * @example
 * import { app as azure } from '@azure/functions';
 * import { createAzureFunctionHandler } from 'cloud-events-handler';
 * import { app } from './app.js';
 *
 * const handler = createAzureFunctionHandler(app);
 * azure.storageQueue('jobs', { queueName: 'jobs', connection: 'AzureWebJobsStorage', handler });
 * azure.http('web', { route: '{*path}', methods: ['GET', 'POST'], handler });
 */
export function createAzureFunctionHandler(app: App | unknown, options?: AzureFunctionOptions): AzureFunctionHandler {
  const dispatch = createDispatcher(app);
  const resolved = resolveFunctionOptions(options);
  return function azureFunctionHandler(input: unknown, context: AzureInvocationContext): Promise<AzureHttpResponseInit | undefined> {
    const bindingType = context?.options?.trigger?.type;
    if (isHttpBinding(bindingType)) return handleHttp(dispatch, resolved, input as AzureHttpRequest, context);
    try {
      return handleTrigger(dispatch, resolved, azureTriggerOf(bindingType), input, context);
    } catch (error) {
      return Promise.reject(error);
    }
  };
}

/** The invocation as `getInvocation()` reports it: the handler's input and the `InvocationContext`. */
function invocationOf(input: unknown, context: AzureInvocationContext, cloudEvent?: CloudEvent): Invocation {
  const invocation: Invocation = { event: input, context: context as unknown as LambdaContext };
  if (cloudEvent !== undefined) invocation.cloudEvent = cloudEvent;
  return invocation;
}

async function handleHttp(dispatch: Dispatcher, resolved: ResolvedFunctionOptions, request: AzureHttpRequest, context: AzureInvocationContext): Promise<AzureHttpResponseInit> {
  const carried = carriedRequest(await toDispatchRequest(request), resolved.headers, {});
  return deliver(dispatch, carried, invocationOf(request, context), Date.now() + resolved.timeLimitMs, (outcome) => {
    if (outcome.kind === 'accepted') return toHttpResponseInit(outcome.response);
    if (outcome.kind === 'rejected') {
      if (outcome.response !== undefined) return toHttpResponseInit(outcome.response);
      console.error(`cloud-events-handler: the app threw while handling ${carried.method} ${carried.url}:`, outcome.cause?.cause ?? outcome.cause);
      return { status: 500, headers: TEXT, cookies: [], body: Buffer.from('Internal Server Error') };
    }
    return { status: 504, headers: TEXT, cookies: [], body: Buffer.from('Gateway Timeout') };
  });
}

async function handleTrigger(dispatch: Dispatcher, resolved: ResolvedFunctionOptions, trigger: AzureTrigger, input: unknown, context: AzureInvocationContext): Promise<undefined> {
  const cloudEvents = trigger.toCloudEvents(input, context);
  if (cloudEvents.length === 0) return undefined;
  const pathOf = (index: number): string => resolved.routeRecord(cloudEvents[index] as CloudEvent) ?? trigger.path;
  const requestAt = (index: number): DispatchRequest => {
    const metadata = trigger.metadata?.(input, context, index);
    if (resolved.mode === 'event') return cloudEventsRequest(cloudEvents, resolved, resolved.headers, pathOf(0), metadata);
    return recordRequest(cloudEvents[index] as CloudEvent, resolved, resolved.headers, pathOf(index), metadata);
  };
  const deliverAt = (index: number): Promise<Outcome> => {
    let request: DispatchRequest;
    try {
      request = requestAt(index);
    } catch (error) {
      const cause = error instanceof Error ? error : new Error(String(error));
      return Promise.resolve({ kind: 'notSent', reason: `the item cannot be sent as an HTTP request: ${cause.message}`, cause });
    }
    return deliver(dispatch, request, invocationOf(input, context, cloudEvents[index]), Date.now() + resolved.timeLimitMs, asOutcome);
  };
  if (cloudEvents.length === 1 || resolved.mode === 'event') {
    const error = rejectionOf(await deliverAt(0), pathOf(0), resolved.method);
    if (error !== undefined) throw error;
    return undefined;
  }
  // A batch in order; after the first failure nothing more is delivered (the host retries the batch).
  // The time limit is per request (each item's own deliverAt deadline), so the batch itself has none.
  const error = recordsRejection(await runRecords(cloudEvents.length, { kind: 'ordered' }, deliverAt, false, Number.POSITIVE_INFINITY), pathOf);
  if (error !== undefined) throw error;
  return undefined;
}
