import { buildCloudEvent } from '../convert/build.js';
import { blobTrigger } from './storage-blob/index.js';
import { deliveryMetadata, functionSource, invocationItemId, itemPayload } from './common.js';
import { cosmosDbTrigger } from './cosmosdb/index.js';
import { eventGridTrigger } from './eventgrid/trigger.js';
import { eventHubsTrigger } from './eventhubs/index.js';
import { serviceBusTrigger } from './servicebus/index.js';
import { storageQueueTrigger } from './storage-queue/index.js';
import { timerTrigger } from './timer/index.js';
import type { AzureTrigger } from './types.js';

/** The triggers this package maps, by binding type. */
export const azureTriggers: readonly AzureTrigger[] = [
  eventGridTrigger,
  storageQueueTrigger,
  serviceBusTrigger,
  eventHubsTrigger,
  cosmosDbTrigger,
  blobTrigger,
  timerTrigger,
];

const BY_TYPE: ReadonlyMap<string, AzureTrigger> = new Map(azureTriggers.flatMap((trigger) => trigger.bindingTypes.map((type) => [type, trigger] as const)));

/**
 * Any other trigger (SQL, MySQL, Web PubSub, a custom extension): the input as one CloudEvent of type
 * `com.microsoft.azure.functions.<binding type>`, id the invocation id. Path `/azure.functions`.
 */
export const otherTrigger: AzureTrigger = {
  name: 'azure.functions',
  bindingTypes: [],
  path: '/azure.functions',
  toCloudEvents: (input, context) => [
    buildCloudEvent(
      { id: invocationItemId(context, 0, false), source: functionSource(context), type: `com.microsoft.azure.functions.${(context.options?.trigger?.type ?? 'trigger').replace(/[^\w.-]/g, '')}` },
      itemPayload(input, undefined),
    ),
  ],
  metadata: (_input, context) => deliveryMetadata(context, undefined),
};

/**
 * The trigger of a binding type (any case: the host and the library spell them `queueTrigger`),
 * else {@link otherTrigger}.
 *
 * @example
 * azureTriggerOf('queueTrigger').path; // '/azure.storage.queue'
 */
export function azureTriggerOf(bindingType: string | undefined): AzureTrigger {
  return (bindingType === undefined ? undefined : BY_TYPE.get(bindingType.toLowerCase())) ?? otherTrigger;
}

/** True for the HTTP trigger's binding type. */
export function isHttpBinding(bindingType: string | undefined): boolean {
  return bindingType?.toLowerCase() === 'httptrigger';
}
