import { buildCloudEvent } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { deliveryMetadata, functionSource, invocationItemId } from '../common.js';
import type { AzureTrigger } from '../types.js';

/**
 * Azure Functions timer trigger (`timerTrigger`): one CloudEvent per run, id the invocation id, time
 * the moment it runs, type `com.microsoft.azure.functions.timer.fired`, data the timer object
 * (`schedule`, `scheduleStatus`, `isPastDue`). A failed run is not retried by the host (unless a retry
 * policy is set): the next run comes on schedule. Path `/azure.timer`.
 *
 * @example
 * timerTrigger.toCloudEvents({ isPastDue: false }, { invocationId: 'i-1', functionName: 'nightly' })[0].id; // 'i-1'
 */
export const timerTrigger: AzureTrigger = {
  name: 'azure.timer',
  bindingTypes: ['timertrigger'],
  path: '/azure.timer',
  toCloudEvents: (input, context) => [
    buildCloudEvent(
      { id: invocationItemId(context, 0, false), source: functionSource(context), type: 'com.microsoft.azure.functions.timer.fired', time: new Date().toISOString() },
      jsonPayload(input === undefined ? null : input),
    ),
  ],
  metadata: (_input, context) => deliveryMetadata(context, undefined),
};
