import type { KinesisStreamEvent } from 'aws-lambda';
import { buildCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { base64Payload, jsonPayload } from '../../convert/payload.js';
import { fromEpochSeconds } from '../../convert/time.js';
import { field, firstRecord, recordsOf, textField } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';

/**
 * Kinesis Data Streams: `Records[0].eventSource` is `aws:kinesis`.
 *
 * @example
 * isKinesisStreamEvent({ Records: [{ eventSource: 'aws:kinesis' }] }); // true
 */
export function isKinesisStreamEvent(event: unknown): event is KinesisStreamEvent {
  return firstRecord(event)?.eventSource === 'aws:kinesis';
}

/**
 * Kinesis: one CloudEvent per record. id `eventID` (`shardId-...:sequenceNumber`, unique per record);
 * source `eventSourceARN` (the stream); type `com.amazonaws.kinesis.record`; subject the partition
 * key; time `kinesis.approximateArrivalTimestamp` (epoch seconds); data the base64 `kinesis.data`
 * decoded: JSON when it is UTF-8 JSON, else the bytes as `data_base64` (`application/octet-stream`).
 * Path `/aws.kinesis`, answer `reject`; records identified by `kinesis.sequenceNumber`, always ordered.
 *
 * @example
 * kinesisSource.toCloudEvents(event)[0].data_base64; // 'SGVsbG8gV29ybGQ=' ("Hello World" is not JSON)
 */
export const kinesisSource: PlainSource<KinesisStreamEvent> = {
  name: 'aws.kinesis',
  detect: isKinesisStreamEvent,
  route: () => '/aws.kinesis',
  toCloudEvents: (event, context) =>
    mapRecords(
      recordsOf(event),
      (record, index) => {
        const kinesis = field(record, 'kinesis');
        const data = field(kinesis, 'data');
        return buildCloudEvent(
          {
            id: textField(record, 'eventID') ?? invocationId(context, index),
            source: textField(record, 'eventSourceARN') ?? 'aws:kinesis',
            type: 'com.amazonaws.kinesis.record',
            subject: textField(kinesis, 'partitionKey'),
            time: fromEpochSeconds(field(kinesis, 'approximateArrivalTimestamp')),
          },
          typeof data === 'string' ? base64Payload(data) : jsonPayload(null),
        );
      },
      context,
    ),
  answer: 'reject',
  records: {
    identifier: (event, index) => textField(field(recordsOf(event)[index], 'kinesis'), 'sequenceNumber') ?? '',
    ordered: () => true,
  },
};
