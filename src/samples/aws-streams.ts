import { gzipSync } from 'node:zlib';
import { ACCOUNT, REGION, arn, base64, batch, digits, str, uuid } from './build.js';
import type { SampleDefinition, SampleOverrides } from './types.js';

// Kinesis, Firehose transformation, MSK (Kafka) and CloudWatch Logs, after AWS's own samples
// (test/fixtures/aws-sam-cli/kinesis/Kinesis.json, KinesisFirehose.json, aws-lambda-go/kafka-event.json,
// aws-sam-cli/cloudwatch/CloudwatchLogs.json).

function kinesisEvent(overrides: SampleOverrides): unknown {
  const region = str(overrides, 'region', REGION);
  const stream = arn(str(overrides, 'stream', 'example-stream'), `arn:aws:kinesis:${region}:${ACCOUNT}:stream/`);
  const first = BigInt(digits(56));
  return {
    Records: batch(overrides, (record, index) => {
      const sequenceNumber = String(first + BigInt(index));
      return {
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: str(record, 'partitionKey', uuid()),
          sequenceNumber,
          data: base64(record.data ?? { message: 'Hello, this is a test 123.' }),
          approximateArrivalTimestamp: Date.now() / 1000,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `shardId-000000000000:${sequenceNumber}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: `arn:aws:iam::${ACCOUNT}:role/lambda-role`,
        awsRegion: region,
        eventSourceARN: stream,
      };
    }),
  };
}

function firehoseEvent(overrides: SampleOverrides): unknown {
  const region = str(overrides, 'region', REGION);
  return {
    invocationId: uuid(),
    deliveryStreamArn: arn(str(overrides, 'deliveryStream', 'example-delivery-stream'), `arn:aws:firehose:${region}:${ACCOUNT}:deliverystream/`),
    region,
    records: batch(overrides, (record) => ({
      recordId: digits(56),
      approximateArrivalTimestamp: Date.now(),
      data: base64(record.data ?? 'Hello, this is a test 123.'),
    })),
  };
}

function kafkaEvent(overrides: SampleOverrides): unknown {
  const topic = str(overrides, 'topic', 'example-topic');
  const partition = Number(overrides.partition ?? 0);
  const first = Number(digits(4));
  return {
    eventSource: 'aws:kafka',
    eventSourceArn: arn(str(overrides, 'cluster', 'example-cluster'), `arn:aws:kafka:${REGION}:${ACCOUNT}:cluster/`) + (str(overrides, 'cluster', '').startsWith('arn:') ? '' : `/${uuid()}-1`),
    bootstrapServers: `b-1.example.kafka.${REGION}.amazonaws.com:9092,b-2.example.kafka.${REGION}.amazonaws.com:9092`,
    records: {
      [`${topic}-${partition}`]: batch(overrides, (record, index) => ({
        topic,
        partition,
        offset: first + index,
        timestamp: Date.now(),
        timestampType: 'CREATE_TIME',
        key: base64(str(record, 'key', `key-${index}`)),
        value: base64(record.value ?? { message: 'Hello from Kafka' }),
        headers: [],
      })),
    },
  };
}

function logsEvent(overrides: SampleOverrides): unknown {
  const messages = Array.isArray(overrides.messages) ? overrides.messages.map(String) : ['[ERROR] First test message', '[ERROR] Second test message'];
  const time = Date.now();
  const document = {
    messageType: 'DATA_MESSAGE',
    owner: ACCOUNT,
    logGroup: str(overrides, 'logGroup', '/aws/lambda/example'),
    logStream: str(overrides, 'logStream', `2024/01/01/[$LATEST]${uuid().replace(/-/g, '')}`),
    subscriptionFilters: [str(overrides, 'filter', 'example-filter')],
    logEvents: messages.map((message, index) => ({ id: digits(56), timestamp: time + index, message })),
  };
  return { awslogs: { data: gzipSync(JSON.stringify(document)).toString('base64') } };
}

/** Kinesis, Firehose, Kafka and CloudWatch Logs samples. */
export const streamSamples: readonly SampleDefinition[] = [
  { name: 'aws.kinesis', description: 'Kinesis Data Streams: a batch of records (base64 data)', overrides: ['stream', 'data', 'partitionKey', 'region', 'records'], build: kinesisEvent },
  { name: 'aws.firehose', description: 'Firehose: records to transform (answer one result per recordId)', overrides: ['deliveryStream', 'data', 'region', 'records'], build: firehoseEvent },
  { name: 'aws.kafka', description: 'Amazon MSK (Kafka): records of one topic partition', overrides: ['cluster', 'topic', 'partition', 'key', 'value', 'records'], build: kafkaEvent },
  { name: 'aws.logs', description: 'CloudWatch Logs subscription: log events (gzipped, base64)', overrides: ['logGroup', 'logStream', 'filter', 'messages'], build: logsEvent },
];
