import { createDispatcher } from '../../dispatch/app.js';
import type { App } from '../../dispatch/app.js';
import type { DispatchRequest } from '../../dispatch/types.js';
import { rejectionOf } from '../../pipeline/answer.js';
import { deliver } from '../../pipeline/deliver.js';
import { cloudEventsRequest, recordRequest } from '../../pipeline/request.js';
import type { Outcome } from '../../pipeline/types.js';
import { cloudEventDelivery, isLegacyContext, legacyDelivery } from '../../sources/google/cloudevent/index.js';
import type { FunctionsFrameworkCloudEvent } from '../../sources/google/cloudevent/index.js';
import type { GcfLegacyContext } from '../../sources/google/functions/index.js';
import { resolveFunctionOptions } from '../function-options.js';
import type { FunctionOptions } from '../function-options.js';

/** Options of {@link createCloudEventFunction}. */
export type CloudEventFunctionOptions = FunctionOptions;

/**
 * A function for `functions.cloudEvent(name, fn)` of `@google-cloud/functions-framework`: one
 * parameter, so the framework awaits its promise (a second declared parameter would make it a callback
 * function). Called as a legacy background function `(data, context)` (the framework's `event`
 * signature type) it reads the context it is given.
 */
export type CloudEventFunction = (cloudEvent: FunctionsFrameworkCloudEvent, ...legacy: [context?: GcfLegacyContext]) => Promise<void>;

/**
 * A Google Cloud Functions (Cloud Run functions) CloudEvent function that delivers each CloudEvent to
 * `app` as an in-process HTTP request: in binary content mode (`ce-` headers, the data as the body,
 * `traceparent` passed on) at Google's path for its type (`/google.pubsub`, `/google.storage`,
 * `/google.firestore`, ...; `routes` win). Resolves when the app answered 2xx; otherwise rejects with an
 * `EventDeliveryError` (`EVENT_REJECTED` with the app's status and body, `APP_ERROR` when it threw,
 * `APP_TIMEOUT` past the time limit), so that the framework answers 500 and the platform retries.
 *
 * @throws TypeError when `app` is not something this package can drive; ConfigurationError for a bad option.
 * @example
 * import functions from '@google-cloud/functions-framework';
 * import { createCloudEventFunction } from 'cloud-events-handler';
 * import { app } from './app.js';
 *
 * functions.cloudEvent('library', createCloudEventFunction(app));
 */
export function createCloudEventFunction(app: App | unknown, options?: CloudEventFunctionOptions): CloudEventFunction {
  const dispatch = createDispatcher(app);
  const resolved = resolveFunctionOptions(options);
  return function cloudEventFunction(event: FunctionsFrameworkCloudEvent, ...legacy: [context?: GcfLegacyContext]): Promise<void> {
    const context = legacy[0];
    let request: DispatchRequest;
    let delivery;
    try {
      delivery = isLegacyContext(context) ? legacyDelivery(event, context) : cloudEventDelivery(event);
      const { cloudEvent } = delivery;
      const path = resolved.routeRecord(cloudEvent) ?? delivery.path;
      request = resolved.mode === 'record'
        ? recordRequest(cloudEvent, resolved, resolved.headers, path, undefined)
        : cloudEventsRequest([cloudEvent], resolved, resolved.headers, path, undefined);
    } catch (error) {
      // An event no HTTP request can carry (an attribute no header can hold): a rejection, never a
      // synchronous throw, so the platform keeps the event.
      const cause = error instanceof Error ? error : new Error(String(error));
      const outcome: Outcome = { kind: 'notSent', reason: `the event cannot be sent as an HTTP request: ${cause.message}`, cause };
      return Promise.reject(rejectionOf(outcome, delivery?.path ?? resolved.path, resolved.method));
    }
    const invocation = { event: context === undefined ? event : { data: event, context }, context: undefined, cloudEvent: delivery.cloudEvent };
    return deliver(dispatch, request, invocation, Date.now() + resolved.timeLimitMs, (outcome) => {
      const error = rejectionOf(outcome, request.url, request.method);
      if (error !== undefined) throw error;
    });
  };
}
