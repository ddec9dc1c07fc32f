import { normalizeCloudEvent } from '../../../cloudevents/json-format.js';
import type { CloudEvent } from '../../../cloudevents/types.js';
import { isStructuredCloudEvent } from '../../cloudevents/index.js';
import { deliveryMetadata } from '../common.js';
import type { AzureTrigger } from '../types.js';
import { eventGridSource } from './index.js';

/**
 * Azure Event Grid trigger (`eventGridTrigger`, one event): an event in the CloudEvents schema as it
 * is; one in the Event Grid schema mapped as the webhook delivery maps it (`eventGridSource`). Path
 * `/azure.eventgrid`.
 *
 * @example
 * eventGridTrigger.toCloudEvents({ id: '1', topic: '/t', subject: 's', eventType: 'e', eventTime: '2017-06-26T18:41:00Z', data: {} }, {})[0].type; // 'e'
 */
export const eventGridTrigger: AzureTrigger = {
  name: 'azure.eventgrid',
  bindingTypes: ['eventgridtrigger'],
  path: '/azure.eventgrid',
  toCloudEvents: (input) => {
    if (isStructuredCloudEvent(input)) return [normalizeCloudEvent(input) as CloudEvent];
    return eventGridSource.toCloudEvents(input as never);
  },
  metadata: (_input, context) => deliveryMetadata(context, undefined),
};
