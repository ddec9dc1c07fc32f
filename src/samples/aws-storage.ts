import { ACCOUNT, REGION, batch, hex, isoNow, obj, str } from './build.js';
import type { SampleDefinition, SampleOverrides } from './types.js';

// S3 notifications and DynamoDB Streams, after AWS's own samples (test/fixtures/aws-sam-cli/s3/S3Put.json,
// S3Delete.json, dynamodb/DynamoDBUpdate.json): same fields, same order, fresh ids and times.

/** An S3 key as S3 writes it in notifications: URL-encoded, spaces as `+`, slashes kept. */
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
}

function s3Event(overrides: SampleOverrides, eventName: string, removed: boolean): unknown {
  const bucket = str(overrides, 'bucket', 'example-bucket');
  const region = str(overrides, 'region', REGION);
  return {
    Records: batch(overrides, (record) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: region,
      eventTime: isoNow(),
      eventName,
      userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
      requestParameters: { sourceIPAddress: '127.0.0.1' },
      responseElements: { 'x-amz-request-id': hex(8).toUpperCase(), 'x-amz-id-2': Buffer.from(hex(24)).toString('base64') },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'sample-notification',
        bucket: { name: bucket, ownerIdentity: { principalId: 'AEXAMPLE' }, arn: `arn:aws:s3:::${bucket}` },
        object: removed
          ? { key: encodeKey(str(record, 'key', 'test/key')), sequencer: hex(9).toUpperCase() }
          : { key: encodeKey(str(record, 'key', 'test/key')), size: Number(record.size ?? 1024), eTag: hex(16), sequencer: hex(9).toUpperCase() },
      },
    })),
  };
}

/** A plain JSON value as a DynamoDB attribute value (`{ S }`, `{ N }`, `{ M }`, ...). */
function marshal(value: unknown): unknown {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number' || typeof value === 'bigint') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(marshal) };
  return { M: marshalItem(value as Record<string, unknown>) };
}

function marshalItem(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) out[name] = marshal(value);
  return out;
}

function dynamoDbEvent(overrides: SampleOverrides, eventName: 'INSERT' | 'MODIFY' | 'REMOVE'): unknown {
  const table = str(overrides, 'table', 'ExampleTable');
  const region = str(overrides, 'region', REGION);
  const streamArn = `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${table}/stream/2024-01-01T00:00:00.000`;
  return {
    Records: batch(overrides, (record, index) => {
      const keys = obj(record, 'keys', { Id: 101 + index });
      const newImage = obj(record, 'newImage', { ...keys, Message: eventName === 'INSERT' ? 'New item!' : 'This item has changed' });
      const oldImage = obj(record, 'oldImage', { ...keys, Message: 'New item!' });
      const images: Record<string, unknown> = {};
      if (eventName !== 'REMOVE') images.NewImage = marshalItem(newImage);
      if (eventName !== 'INSERT') images.OldImage = marshalItem(oldImage);
      return {
        eventID: hex(16),
        eventName,
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: region,
        dynamodb: {
          ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
          Keys: marshalItem(keys),
          ...images,
          SequenceNumber: String(BigInt(Date.now()) * 1_000_000n + BigInt(index)),
          SizeBytes: 26,
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
        eventSourceARN: streamArn,
      };
    }),
  };
}

const S3_OVERRIDES = ['bucket', 'key', 'size', 'region', 'records'];
const DYNAMODB_OVERRIDES = ['table', 'keys', 'newImage', 'oldImage', 'region', 'records'];

/** S3 and DynamoDB Streams samples. */
export const storageSamples: readonly SampleDefinition[] = [
  { name: 'aws.s3.put', description: 'S3 notification: an object was uploaded (ObjectCreated:Put)', overrides: S3_OVERRIDES, build: (o) => s3Event(o, 'ObjectCreated:Put', false) },
  { name: 'aws.s3.delete', description: 'S3 notification: an object was deleted (ObjectRemoved:Delete)', overrides: S3_OVERRIDES.filter((name) => name !== 'size'), build: (o) => s3Event(o, 'ObjectRemoved:Delete', true) },
  { name: 'aws.dynamodb.insert', description: 'DynamoDB Streams: an item was created (INSERT, new image)', overrides: DYNAMODB_OVERRIDES, build: (o) => dynamoDbEvent(o, 'INSERT') },
  { name: 'aws.dynamodb.modify', description: 'DynamoDB Streams: an item was updated (MODIFY, new and old images)', overrides: DYNAMODB_OVERRIDES, build: (o) => dynamoDbEvent(o, 'MODIFY') },
  { name: 'aws.dynamodb.remove', description: 'DynamoDB Streams: an item was deleted (REMOVE, old image)', overrides: DYNAMODB_OVERRIDES, build: (o) => dynamoDbEvent(o, 'REMOVE') },
];
