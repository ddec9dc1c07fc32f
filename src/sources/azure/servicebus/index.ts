import { buildCloudEvent } from '../../convert/build.js';
import { toRfc3339 } from '../../convert/time.js';
import { text } from '../../convert/values.js';
import { deliveryMetadata, functionSource, invocationItemId, isBatch, itemMetadata, itemPayload } from '../common.js';
import type { AzureTrigger } from '../types.js';

/**
 * Azure Service Bus trigger (`serviceBusTrigger`, queues and topic subscriptions; `cardinality` one or
 * many): per message, id `messageId`, time `enqueuedTimeUtc`, subject `subject` (`label` on older
 * extensions), type `com.microsoft.azure.servicebus.message`, data the body (by `contentType` when it
 * is text), extension `sequence` its `sequenceNumber` and `partitionkey` its `sessionId`; the attempt is
 * `deliveryCount` (the message goes to the dead-letter queue after `MaxDeliveryCount`, 10 by default).
 * A batch's metadata comes from the `…Array` members. Path `/azure.servicebus`.
 *
 * @example
 * serviceBusTrigger.toCloudEvents({ a: 1 }, { triggerMetadata: { messageId: 'm-1', deliveryCount: 1 } })[0].type;
 * // 'com.microsoft.azure.servicebus.message'
 */
export const serviceBusTrigger: AzureTrigger = {
  name: 'azure.servicebus',
  bindingTypes: ['servicebustrigger'],
  path: '/azure.servicebus',
  toCloudEvents: (input, context) => {
    const batch = isBatch(input, context, 'messageIdArray');
    const items: readonly unknown[] = batch ? (input as unknown[]) : [input];
    return items.map((item, index) => {
      const meta = (key: string) => itemMetadata(context, key, index, batch);
      const event = buildCloudEvent(
        {
          id: text(meta('messageId')) ?? invocationItemId(context, index, batch),
          source: functionSource(context),
          type: 'com.microsoft.azure.servicebus.message',
          subject: text(meta('subject')) ?? text(meta('label')),
          time: toRfc3339(meta('enqueuedTimeUtc')),
        },
        itemPayload(item, text(meta('contentType'))),
      );
      const sequence = meta('sequenceNumber');
      if (typeof sequence === 'number' || typeof sequence === 'string') event.sequence = String(sequence);
      const session = text(meta('sessionId'));
      if (session !== undefined && session !== '') event.partitionkey = session;
      return event;
    });
  },
  metadata: (input, context, index) => deliveryMetadata(context, itemMetadata(context, 'deliveryCount', index, isBatch(input, context, 'messageIdArray'))),
};
