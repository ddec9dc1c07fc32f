import type { FirehoseTransformationEvent } from 'aws-lambda';
import { buildCloudEvent, invocationCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { base64Payload, jsonPayload } from '../../convert/payload.js';
import { fromEpochMillis } from '../../convert/time.js';
import { field, firstRecord, recordsOf, textField } from '../../convert/values.js';
import type { JsonSource } from '../../types.js';
import { firehoseRecordsResult } from './result.js';

export { firehoseRecordsResult, FIREHOSE_RESULT_HEADER, type FirehoseRecordResult, type FirehoseTransformationResult } from './result.js';

/**
 * Kinesis Data Firehose transformations: `records[0].kinesisRecordMetadata` (a stream-sourced delivery)
 * or a top-level `deliveryStreamArn`; lower-case `records` alone is shared with Kafka and Kinesis
 * Analytics.
 *
 * @example
 * isFirehoseEvent({ deliveryStreamArn: 'arn:aws:firehose:...', records: [] }); // true
 */
export function isFirehoseEvent(event: unknown): event is FirehoseTransformationEvent {
  if (typeof event !== 'object' || event === null) return false;
  if ((event as { deliveryStreamArn?: unknown }).deliveryStreamArn !== undefined) return true;
  return firstRecord(event, 'records')?.kinesisRecordMetadata !== undefined;
}

/**
 * Firehose: one CloudEvent per record. id `recordId`; source `deliveryStreamArn` (else the source
 * stream's ARN); type `com.amazonaws.firehose.record`; subject the partition key (stream-sourced);
 * time `approximateArrivalTimestamp` (epoch ms); data the base64 `data` decoded: JSON when it is UTF-8
 * JSON, else bytes as `data_base64`. An event without a `records` array becomes the generic
 * CloudEvent. Path `/aws.kinesis.firehose`. Firehose waits for the transformed records, so delivery is
 * `sync`: in event mode the app's JSON body is the result (it must be `{ records: [{ recordId, result,
 * data }] }`); in record mode each record's answer becomes its result (see `firehoseRecordsResult`).
 *
 * @example
 * firehoseSource.toCloudEvents(event)[1].data; // { Hello: 'World' }
 */
export const firehoseSource: JsonSource<FirehoseTransformationEvent> = {
  name: 'aws.kinesis.firehose',
  detect: isFirehoseEvent,
  route: () => '/aws.kinesis.firehose',
  toCloudEvents: (event, context) => {
    // Detected by its ARN but without a records array: nothing to map record by record.
    if (!Array.isArray(event.records)) return [invocationCloudEvent(event, context)];
    const source = textField(event, 'deliveryStreamArn') ?? textField(event, 'sourceKinesisStreamArn') ?? 'aws:firehose';
    return mapRecords(
      recordsOf(event, 'records'),
      (record, index) => {
        const data = field(record, 'data');
        return buildCloudEvent(
          {
            id: textField(record, 'recordId') ?? invocationId(context, index),
            source,
            type: 'com.amazonaws.firehose.record',
            subject: textField(field(record, 'kinesisRecordMetadata'), 'partitionKey'),
            time: fromEpochMillis(field(record, 'approximateArrivalTimestamp')),
          },
          typeof data === 'string' ? base64Payload(data) : jsonPayload(null),
        );
      },
      context,
    );
  },
  answer: 'json',
  records: { result: firehoseRecordsResult },
};
