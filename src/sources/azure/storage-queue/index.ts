import { buildCloudEvent } from '../../convert/build.js';
import { toRfc3339 } from '../../convert/time.js';
import { text } from '../../convert/values.js';
import { deliveryMetadata, functionSource, invocationItemId, itemPayload } from '../common.js';
import type { AzureTrigger } from '../types.js';

/**
 * Azure Storage Queue trigger (`queueTrigger`, always one message): id the message `id`, time its
 * `insertionTime`, type `com.microsoft.azure.storage.queue.message`, data the message (JSON when it
 * is, else text); the attempt is `dequeueCount` (the host moves the message to `<queue>-poison` after
 * `maxDequeueCount`, 5 by default). Path `/azure.storage.queue`.
 *
 * @example
 * storageQueueTrigger.toCloudEvents('hi', { triggerMetadata: { id: 'm-1', dequeueCount: 1 } })[0].id; // 'm-1'
 */
export const storageQueueTrigger: AzureTrigger = {
  name: 'azure.storage.queue',
  bindingTypes: ['queuetrigger'],
  path: '/azure.storage.queue',
  toCloudEvents: (input, context) => {
    const metadata = context.triggerMetadata;
    return [
      buildCloudEvent(
        {
          id: text(metadata?.id) ?? invocationItemId(context, 0, false),
          source: functionSource(context),
          type: 'com.microsoft.azure.storage.queue.message',
          time: toRfc3339(metadata?.insertionTime),
        },
        itemPayload(input, undefined),
      ),
    ];
  },
  metadata: (_input, context) => deliveryMetadata(context, context.triggerMetadata?.dequeueCount),
};
