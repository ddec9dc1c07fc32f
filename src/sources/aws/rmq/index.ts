import { buildCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { messageBytesPayload } from '../../convert/bytes.js';
import { jsonPayload } from '../../convert/payload.js';
import { field, isObject, textField } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';

/** An Amazon MQ for RabbitMQ event: messages grouped by `queue::virtual-host`. */
export interface RabbitMqEvent {
  eventSource: 'aws:rmq';
  eventSourceArn: string;
  rmqMessagesByQueue: Record<string, Array<{ basicProperties: Record<string, unknown>; redelivered: boolean; data: string }>>;
}

/**
 * Amazon MQ for RabbitMQ: a top-level `eventSource` of `aws:rmq`.
 *
 * @example
 * isRabbitMqEvent({ eventSource: 'aws:rmq', rmqMessagesByQueue: {} }); // true
 */
export function isRabbitMqEvent(event: unknown): event is RabbitMqEvent {
  return typeof event === 'object' && event !== null && (event as { eventSource?: unknown }).eventSource === 'aws:rmq';
}

/**
 * The messages of a RabbitMQ event as one list, queue by queue in the event's order, each queue's
 * messages in order, each paired with its queue name (the part of the `queue::virtual-host` key before
 * `::`).
 *
 * @example
 * rabbitMqMessages({ eventSource: 'aws:rmq', rmqMessagesByQueue: { 'q::/': [m] } }); // [{ queue: 'q', message: m }]
 */
export function rabbitMqMessages(event: unknown): Array<{ queue: string; message: unknown }> {
  const byQueue = field(event, 'rmqMessagesByQueue');
  const messages: Array<{ queue: string; message: unknown }> = [];
  if (!isObject(byQueue)) return messages;
  for (const key of Object.keys(byQueue)) {
    const group = byQueue[key];
    if (!Array.isArray(group)) continue;
    const separator = key.indexOf('::');
    const queue = separator < 0 ? key : key.slice(0, separator);
    for (const message of group) messages.push({ queue, message });
  }
  return messages;
}

/**
 * RabbitMQ: one CloudEvent per message, queue by queue. id `basicProperties.messageId` (else the
 * request id and the message's index: RabbitMQ messages need not carry an id); source the broker
 * (`eventSourceArn`); type `com.amazonaws.rmq.message`; subject the queue; no time (the broker's
 * `timestamp` is a locale date string without a zone, e.g. `Jan 1, 1970, 12:33:41 AM`); data the base64
 * `data` decoded: JSON when it parses, else text when UTF-8, else bytes. Path `/aws.rmq`, delivery
 * `async`, no partial batch response.
 *
 * @example
 * rabbitMqSource.toCloudEvents(event)[0].subject; // 'test'
 */
export const rabbitMqSource: PlainSource<RabbitMqEvent> = {
  name: 'aws.rmq',
  detect: isRabbitMqEvent,
  route: () => '/aws.rmq',
  toCloudEvents: (event, context) => {
    const source = textField(event, 'eventSourceArn') ?? 'aws:rmq';
    const entries = rabbitMqMessages(event);
    return mapRecords(
      entries,
      (entry, index) => {
        const { queue, message } = entry as { queue: string; message: unknown };
        const data = field(message, 'data');
        return buildCloudEvent(
          {
            id: textField(field(message, 'basicProperties'), 'messageId') ?? invocationId(context, index),
            source,
            type: 'com.amazonaws.rmq.message',
            subject: queue,
          },
          typeof data === 'string' ? messageBytesPayload(data) : jsonPayload(null),
        );
      },
      context,
    );
  },
  answer: 'reject',
};
