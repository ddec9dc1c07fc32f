import { describe, expect, it } from 'vitest';
import type { FirehoseTransformationEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { firehoseSource } from './index.js';

describe('Kinesis Data Firehose', () => {
  it('maps each record, decoding base64 and detecting JSON', () => {
    const events = firehoseSource.toCloudEvents(loadFixture('powertools/kinesis/firehose.json') as FirehoseTransformationEvent);
    const source = 'arn:aws:firehose:us-east-2:123456789012:deliverystream/delivery-stream-name';
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'record1',
        source,
        type: 'com.amazonaws.firehose.record',
        datacontenttype: 'application/octet-stream',
        subject: '4d1ad2b9-24f8-4b9d-a088-76e9947c317a',
        time: '2022-09-24T14:13:40.148Z',
        data_base64: 'SGVsbG8gV29ybGQ=',
      },
      {
        specversion: '1.0',
        id: 'record2',
        source,
        type: 'com.amazonaws.firehose.record',
        datacontenttype: 'application/json',
        subject: '4d1ad2b9-24f8-4b9d-a088-76e9947c318a',
        time: '2022-09-24T14:13:13.294Z',
        data: { Hello: 'World' },
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('uses the source stream ARN when the delivery stream ARN is missing', () => {
    const events = firehoseSource.toCloudEvents(loadFixture('aws-sam-cli/kinesis/KinesisFirehoseStreamsAsSource.json') as FirehoseTransformationEvent);
    expect(events[0]?.source).toBe('aws:firehose');
    expect(events[0]?.subject).toBeUndefined();
    expectValidCloudEvents(events);
  });

  it('answers an event without a records array with the generic CloudEvent, an empty batch with none', () => {
    const bare = { invocationId: 'i', deliveryStreamArn: 'arn:aws:firehose:us-east-2:1:deliverystream/d' };
    expect(firehoseSource.toCloudEvents(bare as never, { awsRequestId: 'r' }).map((e) => [e.id, e.type])).toEqual([['r', 'com.amazonaws.lambda.invoke']]);
    expect(firehoseSource.toCloudEvents({ ...bare, records: [] } as never)).toEqual([]);
  });
});

describe('Kinesis Data Firehose fixtures', () => {
  const fixtures = [
    'aws-lambda-go/kinesis-firehose-event.json',
    'aws-sam-cli/kinesis/KinesisFirehose.json',
    'aws-sam-cli/kinesis/KinesisFirehoseStreamsAsSource.json',
    'powertools/kinesis/firehose.json',
    'powertools/kinesis/firehose-put.json',
    'powertools/kinesis/firehose-sqs.json',
    'powertools/kinesis/firehose-sqs-invalid.json',
  ];

  it.each(fixtures)('%s: detected, routed, one valid CloudEvent per record with the recordId as id', (path) => {
    const event = loadFixture(path) as FirehoseTransformationEvent;
    expect(firehoseSource.detect(event)).toBe(true);
    expect(firehoseSource.route(event)).toBe('/aws.kinesis.firehose');
    const events = firehoseSource.toCloudEvents(event);
    expect(events.map((e) => e.id)).toEqual(event.records.map((r) => r.recordId));
    expectValidCloudEvents(events);
  });

  it('decodes an SQS message forwarded by Firehose as JSON, and invalid JSON as bytes', () => {
    const [sqs] = firehoseSource.toCloudEvents(loadFixture('powertools/kinesis/firehose-sqs.json') as FirehoseTransformationEvent);
    expect(sqs).toMatchObject({ datacontenttype: 'application/json', data: { messageId: '5ab807d4-5644-4c55-97a3-47396635ac74', body: 'Test message.' } });
    const [invalid] = firehoseSource.toCloudEvents(loadFixture('powertools/kinesis/firehose-sqs-invalid.json') as FirehoseTransformationEvent);
    expect(invalid).toMatchObject({ datacontenttype: 'application/octet-stream', data_base64: 'bm90IGEgdmFsaWQgamFzb24=' });
  });
});
