import { isUtf8 } from 'node:buffer';
import type { MSKEvent, SelfManagedKafkaEvent } from 'aws-lambda';
import { isCloudEventString, isUriReference } from '../../../cloudevents/attribute-types.js';
import type { CloudEvent } from '../../../cloudevents/types.js';
import type { LambdaContext } from '../../../lambda-context.js';
import { buildCloudEvent, convertSafely, invocationId, mapRecords } from '../../convert/build.js';
import { messageBytesPayload } from '../../convert/bytes.js';
import { jsonPayload } from '../../convert/payload.js';
import { fromEpochMillis } from '../../convert/time.js';
import { field, isObject, text, textField } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';

/** An Amazon MSK or self-managed Apache Kafka event (`records` keyed by `topic-partition`). */
export type KafkaEvent = MSKEvent | SelfManagedKafkaEvent;

/**
 * The `eventSource` values of Kafka events: `aws:kafka` (Amazon MSK), `SelfManagedKafka` (self-managed
 * Apache Kafka, as AWS's documentation and `@types/aws-lambda` show it) and `aws:SelfManagedKafka`
 * (the spelling some events carry, e.g. in Powertools' samples).
 */
const KAFKA_EVENT_SOURCES: ReadonlySet<unknown> = new Set(['aws:kafka', 'SelfManagedKafka', 'aws:SelfManagedKafka']);

/**
 * Amazon MSK and self-managed Kafka: a top-level `eventSource` of `aws:kafka` or `SelfManagedKafka`.
 * Kafka events are the only ones with `eventSource` at the top (the Records-based sources carry it
 * per record), so that one field tells them apart.
 *
 * @example
 * isKafkaEvent({ eventSource: 'aws:kafka', records: {} });        // true
 * isKafkaEvent({ eventSource: 'SelfManagedKafka', records: {} }); // true
 */
export function isKafkaEvent(event: unknown): event is KafkaEvent {
  return typeof event === 'object' && event !== null && KAFKA_EVENT_SOURCES.has((event as { eventSource?: unknown }).eventSource);
}

/** `topic-partition` split at its last `-` (topic names may hold `-`): [topic, partition number]. */
function splitTopicPartition(key: string): [string, number] {
  const dash = key.lastIndexOf('-');
  if (dash < 0) return [key, Number.NaN];
  return [key.slice(0, dash), Number(key.slice(dash + 1))];
}

function compareTopicPartitions(a: string, b: string): number {
  const [topicA, partitionA] = splitTopicPartition(a);
  const [topicB, partitionB] = splitTopicPartition(b);
  if (topicA !== topicB) return topicA < topicB ? -1 : 1;
  if (partitionA === partitionB || (Number.isNaN(partitionA) && Number.isNaN(partitionB))) return a < b ? -1 : a > b ? 1 : 0;
  if (Number.isNaN(partitionA)) return 1;
  if (Number.isNaN(partitionB)) return -1;
  return partitionA - partitionB;
}

function offsetOf(record: unknown): number {
  const offset = field(record, 'offset');
  return typeof offset === 'number' ? offset : Number.NaN;
}

/** True when offsets never decrease (what Lambda sends): sorting is then skipped. */
function inOffsetOrder(records: readonly unknown[]): boolean {
  for (let i = 1; i < records.length; i++) if (!(offsetOf(records[i - 1]) <= offsetOf(records[i]))) return false;
  return true;
}

/**
 * The records of a Kafka event as one list: topic-partitions by topic name then partition number,
 * each partition's records by offset (a stable sort, skipped when they already are, as Lambda sends
 * them; records without a numeric offset keep their place at the end of their partition). Not-array
 * groups are skipped.
 *
 * @example
 * kafkaRecords({ eventSource: 'aws:kafka', records: { 't-1': [r2], 't-0': [r0, r1] } }); // [r0, r1, r2]
 */
export function kafkaRecords(event: unknown): unknown[] {
  const groups = field(event, 'records');
  if (!isObject(groups)) return [];
  const keys = Object.keys(groups);
  if (keys.length > 1) keys.sort(compareTopicPartitions);
  const records: unknown[] = [];
  for (const key of keys) {
    const group = groups[key];
    if (!Array.isArray(group)) continue;
    const ordered = inOffsetOrder(group)
      ? group
      : [...group].sort((a, b) => {
          const x = offsetOf(a);
          const y = offsetOf(b);
          if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
          return Number.isNaN(y) ? -1 : x - y;
        });
    for (const record of ordered) records.push(record);
  }
  return records;
}

/**
 * The identifier Lambda's Kafka partial batch response names a record by (AWS documentation, "Configuring
 * error handling controls for Kafka event sources"; an object, not a string as for SQS, Kinesis and
 * DynamoDB): the `topic-partition` key and the record's offset. Exported for apps and for a future
 * `records.identifier` wiring (see docs/mapping.md: Kafka is delivered without one).
 *
 * @example
 * kafkaItemIdentifier({ topic: 'orders', partition: 3, offset: 42 }); // { partition: 'orders-3', offset: 42 }
 */
export function kafkaItemIdentifier(record: unknown): { partition: string; offset: number } | undefined {
  const topic = textField(record, 'topic');
  const partition = field(record, 'partition');
  const offset = field(record, 'offset');
  if (topic === undefined || typeof partition !== 'number' || typeof offset !== 'number') return undefined;
  return { partition: `${topic}-${partition}`, offset };
}

/** The cluster: the MSK ARN, else `kafka://` + the first bootstrap server (self-managed), else the eventSource. */
function clusterOf(event: unknown): string {
  const arn = textField(event, 'eventSourceArn');
  if (arn !== undefined) return arn;
  const servers = textField(event, 'bootstrapServers');
  if (servers !== undefined) {
    const comma = servers.indexOf(',');
    const uri = 'kafka://' + (comma < 0 ? servers : servers.slice(0, comma)).trim();
    if (uri.length > 8 && isUriReference(uri)) return uri;
  }
  return textField(event, 'eventSource') ?? 'aws:kafka';
}

/** The record key decoded, when it is a valid CloudEvents String (UTF-8 text without control characters). */
function partitionKeyOf(record: unknown): string | undefined {
  const key = text(field(record, 'key'));
  if (key === undefined) return undefined;
  const bytes = Buffer.from(key, 'base64');
  if (!isUtf8(bytes)) return undefined;
  const decoded = bytes.toString('utf8');
  return decoded !== '' && isCloudEventString(decoded) ? decoded : undefined;
}

function toCloudEvents(event: KafkaEvent, context?: LambdaContext): CloudEvent[] {
  return convertSafely(event, context, () => {
    const source = clusterOf(event);
    return mapRecords(
      kafkaRecords(event),
      (record, index) => {
        const id = kafkaItemIdentifier(record);
        const value = field(record, 'value');
        const cloudEvent = buildCloudEvent(
          {
            id: id === undefined ? invocationId(context, index) : `${id.partition}-${id.offset}`,
            source,
            type: 'com.amazonaws.kafka.record',
            subject: textField(record, 'topic'),
            time: fromEpochMillis(field(record, 'timestamp')),
          },
          typeof value === 'string' ? messageBytesPayload(value) : jsonPayload(null),
        );
        const partitionKey = partitionKeyOf(record);
        if (partitionKey !== undefined) cloudEvent.partitionkey = partitionKey;
        return cloudEvent;
      },
      context,
    );
  });
}

/**
 * Amazon MSK and self-managed Kafka: one CloudEvent per record, topic-partitions in topic then
 * partition order, each partition's records in offset order (`kafkaRecords`). id
 * `topic-partition-offset`; source the cluster (the MSK ARN; for self-managed Kafka `kafka://` + the
 * first bootstrap server); type `com.amazonaws.kafka.record`; subject the topic; time `timestamp`
 * (epoch ms); `partitionkey` (the CloudEvents Partitioning extension, as the CloudEvents Kafka binding
 * maps a message key) the base64 key decoded, when it is text; data the base64 value decoded: JSON when
 * it parses, else text when UTF-8, else bytes; a null value (tombstone) is `null` data. Record headers
 * stay in the event (event mode). Path `/aws.kafka`, answer `reject`, records ordered without `identifier`: a failed record
 * fails the invocation, and Lambda retries the whole batch.
 *
 * @example
 * kafkaSource.toCloudEvents(event)[0].id; // 'mytopic-0-15'
 */
export const kafkaSource: PlainSource<KafkaEvent> = {
  name: 'aws.kafka',
  detect: isKafkaEvent,
  route: () => '/aws.kafka',
  toCloudEvents,
  answer: 'reject',
  // Records of a partition must be handled in order; without batch reporting the whole batch is retried.
  records: { ordered: () => true },
};
