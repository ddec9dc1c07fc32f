import { buildCloudEvent } from '../../convert/build.js';
import { toRfc3339 } from '../../convert/time.js';
import { field, text } from '../../convert/values.js';
import { deliveryMetadata, functionSource, invocationItemId, isBatch, itemMetadata, itemPayload } from '../common.js';
import type { AzureTrigger } from '../types.js';
import type { AzureInvocationContext } from '../types.js';

/** `sb://<namespace>/<event hub>` from the partition context, else the function. */
function hubSource(context: AzureInvocationContext): string {
  const partition = context.triggerMetadata?.partitionContext;
  const namespace = text(field(partition, 'fullyQualifiedNamespace'));
  const hub = text(field(partition, 'eventHubName'));
  return namespace !== undefined && hub !== undefined ? `sb://${namespace}/${hub}` : functionSource(context);
}

/**
 * Azure Event Hubs trigger (`eventHubTrigger`, `cardinality` one or many): per event, id
 * `<partitionId>:<sequenceNumber>` (unique in the hub; the invocation id when unknown), source
 * `sb://<namespace>/<hub>` from `partitionContext`, time `enqueuedTimeUtc`, type
 * `com.microsoft.azure.eventhubs.event`, data the body, extensions `sequence` (`sequenceNumber`) and
 * `partitionkey` (`partitionKey`, when the sender set one). Event Hubs does not redeliver: the attempt
 * is the host's retry count plus one under a retry policy. Path `/azure.eventhubs`.
 *
 * @example
 * eventHubsTrigger.toCloudEvents(['a', 'b'], batchContext).length; // 2
 */
export const eventHubsTrigger: AzureTrigger = {
  name: 'azure.eventhubs',
  bindingTypes: ['eventhubtrigger'],
  path: '/azure.eventhubs',
  toCloudEvents: (input, context) => {
    const batch = isBatch(input, context, 'enqueuedTimeUtcArray');
    const items: readonly unknown[] = batch ? (input as unknown[]) : [input];
    const source = hubSource(context);
    const partitionId = text(field(context.triggerMetadata?.partitionContext, 'partitionId'));
    return items.map((item, index) => {
      const meta = (key: string) => itemMetadata(context, key, index, batch);
      const sequence = meta('sequenceNumber');
      const hasSequence = typeof sequence === 'number' || typeof sequence === 'string';
      const event = buildCloudEvent(
        {
          id: hasSequence && partitionId !== undefined ? `${partitionId}:${String(sequence)}` : invocationItemId(context, index, batch),
          source,
          type: 'com.microsoft.azure.eventhubs.event',
          time: toRfc3339(meta('enqueuedTimeUtc')),
        },
        itemPayload(item, undefined),
      );
      if (hasSequence) event.sequence = String(sequence);
      const key = text(meta('partitionKey'));
      if (key !== undefined && key !== '') event.partitionkey = key;
      return event;
    });
  },
  metadata: (_input, context) => deliveryMetadata(context, undefined),
};
