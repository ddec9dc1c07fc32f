import type { CloudEvent } from '../../cloudevents/types.js';
import type { DeliveryMetadata } from '../types.js';

/**
 * The parts of `InvocationContext` (`@azure/functions` 4) that the triggers read, declared here so the
 * library never imports the platform package. `triggerMetadata` keys are camel-cased by the library
 * (`dequeueCount`, `deliveryCount`, `enqueuedTimeUtc`, `partitionContext`...); the host leaves it
 * undefined for HTTP and timer triggers.
 */
export interface AzureInvocationContext {
  invocationId?: string;
  functionName?: string;
  triggerMetadata?: Record<string, unknown> | undefined;
  /** The trigger binding: its `type` (`queueTrigger`, `eventHubTrigger`...) and, when declared, `cardinality`. */
  options?: { trigger?: { type?: string; name?: string; cardinality?: string; [option: string]: unknown } };
  traceContext?: { traceParent?: string | undefined; traceState?: string | undefined } | undefined;
  retryContext?: { retryCount?: number; maxRetryCount?: number } | undefined;
}

/**
 * One kind of Azure Functions trigger: pure mapping from the handler's input and the invocation
 * context to CloudEvents, one per item, and each item's delivery metadata.
 */
export interface AzureTrigger {
  /** Stable name, the path without its slash: `azure.storage.queue`. */
  readonly name: string;
  /** The binding types it handles, lower-case (`queuetrigger`). */
  readonly bindingTypes: readonly string[];
  /** Path of every item. */
  readonly path: string;
  /** One CloudEvent per item, in order. Pure; never throws. */
  toCloudEvents(input: unknown, context: AzureInvocationContext): CloudEvent[];
  /** Item `index`'s attempt count and trace context. */
  metadata?(input: unknown, context: AzureInvocationContext, index: number): DeliveryMetadata | undefined;
}
