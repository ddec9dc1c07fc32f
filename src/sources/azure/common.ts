import type { Payload } from '../convert/payload.js';
import { BINARY_TYPE, jsonPayload, textPayload } from '../convert/payload.js';
import { isObject } from '../convert/values.js';
import type { DeliveryMetadata } from '../types.js';
import type { AzureInvocationContext } from './types.js';

/**
 * `source` of an item whose trigger metadata names no resource: the function, which is what the
 * binding subscribes (the host does not pass the queue or hub name to the worker).
 *
 * @example
 * functionSource({ functionName: 'jobs' }); // 'urn:azure:functions:jobs'
 */
export function functionSource(context: AzureInvocationContext): string {
  return 'urn:azure:functions:' + encodeURIComponent(context.functionName ?? 'unknown');
}

/**
 * Whether the input is a batch (`cardinality: 'many'`): as the trigger binding declares it when the
 * context carries it, else as the host shows it, an array input with per-item metadata arrays
 * (`<arrayKey>` such as `enqueuedTimeUtcArray`): a single message whose body is a JSON array stays one.
 *
 * @example
 * isBatch(['a', 'b'], { triggerMetadata: { enqueuedTimeUtcArray: ['t1', 't2'] } }, 'enqueuedTimeUtcArray'); // true
 */
export function isBatch(input: unknown, context: AzureInvocationContext, arrayKey: string): boolean {
  if (!Array.isArray(input)) return false;
  const declared = context.options?.trigger?.cardinality;
  if (declared === 'many') return true;
  if (declared === 'one') return false;
  return Array.isArray(context.triggerMetadata?.[arrayKey]);
}

/**
 * Trigger metadata `key` of item `index`: `<key>Array[index]` in a batch, else `key`.
 *
 * @example
 * itemMetadata({ triggerMetadata: { messageIdArray: ['a', 'b'] } }, 'messageId', 1, true); // 'b'
 */
export function itemMetadata(context: AzureInvocationContext, key: string, index: number, batch: boolean): unknown {
  const metadata = context.triggerMetadata;
  if (!isObject(metadata)) return undefined;
  if (!batch) return metadata[key];
  const values = metadata[key + 'Array'];
  return Array.isArray(values) ? values[index] : undefined;
}

/**
 * An item as CloudEvent data, by what the host made of it: bytes (`Buffer`) as bytes, of `contentType`
 * or `application/octet-stream`; a string as JSON when it parses (the host passes JSON messages parsed
 * already, text ones as strings), else as text, unless `contentType` names a non-JSON type; any other
 * value as JSON.
 *
 * @example
 * itemPayload('hello', undefined); // { datacontenttype: 'text/plain; charset=utf-8', data: 'hello', raw: 'hello' }
 */
export function itemPayload(value: unknown, contentType: string | undefined): Payload {
  if (value instanceof Uint8Array) return { datacontenttype: contentType ?? BINARY_TYPE, data: value, raw: value };
  if (typeof value === 'string') {
    if (contentType !== undefined && !/json/i.test(contentType)) return { datacontenttype: contentType, data: value, raw: value };
    return textPayload(value);
  }
  return jsonPayload(value === undefined ? null : value);
}

/**
 * Delivery metadata of an item: `count` (the message's dequeue or delivery count) as the attempt, else
 * the host's retry count plus one when a retry policy runs; the invocation's W3C trace context.
 *
 * @example
 * deliveryMetadata({ traceContext: { traceParent: '00-…-01' } }, 2); // { attempt: 2, traceparent: '00-…-01' }
 */
export function deliveryMetadata(context: AzureInvocationContext, count: unknown): DeliveryMetadata | undefined {
  const retry = context.retryContext?.retryCount;
  const attempt = typeof count === 'number' && Number.isInteger(count) && count > 0 ? count : typeof retry === 'number' ? retry + 1 : undefined;
  const traceparent = context.traceContext?.traceParent || undefined;
  if (attempt === undefined && traceparent === undefined) return undefined;
  return { attempt, traceparent, tracestate: traceparent === undefined ? undefined : context.traceContext?.traceState || undefined };
}

/** An id for an item that carries none: the invocation id, with `-index` in a batch. */
export function invocationItemId(context: AzureInvocationContext, index: number, batch: boolean): string {
  const id = context.invocationId ?? 'unknown';
  return batch ? `${id}-${index}` : id;
}
