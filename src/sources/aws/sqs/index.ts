import type { SQSEvent } from 'aws-lambda';
import { buildCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { jsonPayload, textPayload } from '../../convert/payload.js';
import { fromEpochMillis } from '../../convert/time.js';
import { field, firstRecord, recordsOf, textField } from '../../convert/values.js';
import type { EventSource } from '../../types.js';

/**
 * SQS: `Records[0].eventSource` is `aws:sqs`.
 *
 * @example
 * isSqsEvent({ Records: [{ eventSource: 'aws:sqs' }] }); // true
 */
export function isSqsEvent(event: unknown): event is SQSEvent {
  return firstRecord(event)?.eventSource === 'aws:sqs';
}

/**
 * SQS: one CloudEvent per message. id `messageId`; source `eventSourceARN` (the queue); type
 * `com.amazonaws.sqs.message`; time `attributes.SentTimestamp` (epoch ms); data the body: JSON when it
 * parses as JSON (`application/json`), else the text (`text/plain; charset=utf-8`), the body kept as
 * the raw data either way. Path `/aws.sqs`, delivery `async`; batch item identifier `messageId`,
 * ordered when the queue is FIFO (its ARN ends in `.fifo`).
 *
 * @example
 * sqsSource.toCloudEvents(event)[0].data; // 'Message Body'
 */
export const sqsSource: EventSource<SQSEvent> = {
  name: 'aws.sqs',
  detect: isSqsEvent,
  route: () => '/aws.sqs',
  toCloudEvents: (event, context) =>
    mapRecords(
      recordsOf(event),
      (record, index) => {
        const body = field(record, 'body');
        return buildCloudEvent(
          {
            id: textField(record, 'messageId') ?? invocationId(context, index),
            source: textField(record, 'eventSourceARN') ?? 'aws:sqs',
            type: 'com.amazonaws.sqs.message',
            time: fromEpochMillis(field(field(record, 'attributes'), 'SentTimestamp')),
          },
          typeof body === 'string' ? textPayload(body) : jsonPayload(body === undefined ? null : body),
        );
      },
      context,
    ),
  delivery: 'async',
  batch: {
    itemIdentifier: (event, index) => textField(recordsOf(event)[index], 'messageId') ?? '',
    ordered: (event) => textField(firstRecord(event), 'eventSourceARN')?.endsWith('.fifo') === true,
  },
};
