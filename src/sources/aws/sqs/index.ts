import type { SQSEvent } from 'aws-lambda';
import { buildCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { jsonPayload, textPayload } from '../../convert/payload.js';
import { fromEpochMillis } from '../../convert/time.js';
import { field, firstRecord, recordsOf, textField } from '../../convert/values.js';
import type { DeliveryMetadata, PlainSource } from '../../types.js';

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
 * the raw data either way. Path `/aws.sqs`, answer `reject`; records identified by `messageId`,
 * ordered when the queue is FIFO (its ARN ends in `.fifo`), grouped by `MessageGroupId`.
 *
 * @example
 * sqsSource.toCloudEvents(event)[0].data; // 'Message Body'
 */
export const sqsSource: PlainSource<SQSEvent> = {
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
  answer: 'reject',
  records: {
    identifier: (event, index) => textField(recordsOf(event)[index], 'messageId') ?? '',
    ordered: (event) => textField(firstRecord(event), 'eventSourceARN')?.endsWith('.fifo') === true,
    group: (event, index) => textField(field(recordsOf(event)[index], 'attributes'), 'MessageGroupId'),
  },
  metadata: sqsMetadata,
};

/**
 * SQS delivery metadata: the attempt is `attributes.ApproximateReceiveCount` (event mode: the highest
 * of the batch, the record retried most); the trace context is the message's `AWSTraceHeader` (X-Ray
 * format; record mode only: a batch has no single trace).
 *
 * @example
 * sqsMetadata({ Records: [{ attributes: { ApproximateReceiveCount: '3' } }] }, 0); // { attempt: 3, xrayTraceHeader: undefined }
 */
export function sqsMetadata(event: SQSEvent, index: number | undefined): DeliveryMetadata | undefined {
  const records = recordsOf(event);
  if (index !== undefined) {
    const attributes = field(records[index], 'attributes');
    return { attempt: receiveCount(attributes), xrayTraceHeader: textField(attributes, 'AWSTraceHeader') };
  }
  let attempt: number | undefined;
  for (let i = 0; i < records.length; i++) {
    const count = receiveCount(field(records[i], 'attributes'));
    if (count !== undefined && (attempt === undefined || count > attempt)) attempt = count;
  }
  return attempt === undefined ? undefined : { attempt };
}

function receiveCount(attributes: unknown): number | undefined {
  const count = Number(textField(attributes, 'ApproximateReceiveCount'));
  return Number.isInteger(count) && count > 0 ? count : undefined;
}
