import { buildCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { messageBytesPayload } from '../../convert/bytes.js';
import { jsonPayload } from '../../convert/payload.js';
import { fromEpochMillis } from '../../convert/time.js';
import { field, recordsOf, textField } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';

/** An Amazon MQ for ActiveMQ event (`@types/aws-lambda` has no type for it). */
export interface ActiveMqEvent {
  eventSource: 'aws:mq';
  eventSourceArn: string;
  messages: Array<{
    messageID: string;
    messageType: string;
    timestamp: number;
    destination: { physicalName: string };
    data: string;
    [field: string]: unknown;
  }>;
}

/**
 * Amazon MQ for ActiveMQ: a top-level `eventSource` of `aws:mq` (only the broker sources carry
 * `eventSource` at the top; the Records-based ones carry it per record).
 *
 * @example
 * isActiveMqEvent({ eventSource: 'aws:mq', messages: [] }); // true
 */
export function isActiveMqEvent(event: unknown): event is ActiveMqEvent {
  return typeof event === 'object' && event !== null && (event as { eventSource?: unknown }).eventSource === 'aws:mq';
}

/**
 * ActiveMQ: one CloudEvent per message, in order. id `messageID`; source the broker (`eventSourceArn`);
 * type `com.amazonaws.mq.message`; subject the destination (`destination.physicalName`, the queue);
 * time `timestamp` (epoch ms); data the base64 `data` decoded: JSON when it parses, else text when
 * UTF-8, else bytes. Path `/aws.mq`, answer `reject`; Amazon MQ has no partial batch response, so a
 * failed message fails the invocation and the batch is retried.
 *
 * @example
 * activeMqSource.toCloudEvents(event)[0].data; // 'Enter some text here for the message body...'
 */
export const activeMqSource: PlainSource<ActiveMqEvent> = {
  name: 'aws.mq',
  detect: isActiveMqEvent,
  route: () => '/aws.mq',
  toCloudEvents: (event, context) => {
    const source = textField(event, 'eventSourceArn') ?? 'aws:mq';
    return mapRecords(
      recordsOf(event, 'messages'),
      (message, index) => {
        const data = field(message, 'data');
        return buildCloudEvent(
          {
            id: textField(message, 'messageID') ?? invocationId(context, index),
            source,
            type: 'com.amazonaws.mq.message',
            subject: textField(field(message, 'destination'), 'physicalName'),
            time: fromEpochMillis(field(message, 'timestamp')),
          },
          typeof data === 'string' ? messageBytesPayload(data) : jsonPayload(null),
        );
      },
      context,
    );
  },
  answer: 'reject',
};
