import type { DynamoDBStreamEvent } from 'aws-lambda';
import { buildCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { fromEpochSeconds } from '../../convert/time.js';
import { field, firstRecord, isObject, recordsOf, textField } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';
import { unmarshall } from './unmarshal.js';

/**
 * DynamoDB Streams: `Records[0].eventSource` is `aws:dynamodb`.
 *
 * @example
 * isDynamoDbStreamEvent({ Records: [{ eventSource: 'aws:dynamodb' }] }); // true
 */
export function isDynamoDbStreamEvent(event: unknown): event is DynamoDBStreamEvent {
  return firstRecord(event)?.eventSource === 'aws:dynamodb';
}

const IMAGES = ['Keys', 'NewImage', 'OldImage'] as const;

/** The record with `dynamodb.Keys`, `NewImage` and `OldImage` unmarshalled; the input is not modified. */
function plainRecord(record: unknown): { record: unknown; keys: unknown } {
  const stream = field(record, 'dynamodb');
  if (!isObject(record) || !isObject(stream)) return { record, keys: undefined };
  // Object.assign, not spread: the images are set afterwards, which is slow on a spread copy (Node 20).
  const plain: Record<string, unknown> = Object.assign({}, stream);
  for (const image of IMAGES) if (image in stream) plain[image] = unmarshall(stream[image]);
  return { record: Object.assign({}, record, { dynamodb: plain }), keys: plain.Keys };
}

/**
 * DynamoDB Streams: one CloudEvent per record. id `eventID`; source `eventSourceARN` (the stream);
 * type `com.amazonaws.dynamodb.` + eventName (`INSERT`, `MODIFY`, `REMOVE`); subject the item's keys as
 * JSON (`{"id":"a"}`); time `dynamodb.ApproximateCreationDateTime` (epoch seconds); data the record with
 * its images unmarshalled to plain JSON. Path `/aws.dynamodb`, answer `reject`; records identified by
 * `dynamodb.SequenceNumber`, always ordered (a stream shard).
 *
 * @example
 * dynamoDbSource.toCloudEvents(event)[0].data.dynamodb.NewImage; // { id: 'a', n: 2 }
 */
export const dynamoDbSource: PlainSource<DynamoDBStreamEvent> = {
  name: 'aws.dynamodb',
  detect: isDynamoDbStreamEvent,
  route: () => '/aws.dynamodb',
  toCloudEvents: (event, context) =>
    mapRecords(
      recordsOf(event),
      (raw, index) => {
        const { record, keys } = plainRecord(raw);
        return buildCloudEvent(
          {
            id: textField(raw, 'eventID') ?? invocationId(context, index),
            source: textField(raw, 'eventSourceARN') ?? 'aws:dynamodb',
            type: `com.amazonaws.dynamodb.${textField(raw, 'eventName') ?? 'record'}`,
            subject: isObject(keys) ? JSON.stringify(keys) : undefined,
            time: fromEpochSeconds(field(field(raw, 'dynamodb'), 'ApproximateCreationDateTime')),
          },
          jsonPayload(record),
        );
      },
      context,
    ),
  answer: 'reject',
  records: {
    identifier: (event, index) => textField(field(recordsOf(event)[index], 'dynamodb'), 'SequenceNumber') ?? '',
    ordered: () => true,
  },
};
