import { describe, expect, it } from 'vitest';
import type { KinesisStreamEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { RAW_DATA, type CloudEventWithRaw } from '../../../cloudevents/types.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { kinesisSource } from './index.js';

describe('Kinesis', () => {
  it('maps each record; data that is not JSON stays bytes', () => {
    const events = kinesisSource.toCloudEvents(loadFixture('aws-lambda-go/kinesis-event.json') as KinesisStreamEvent) as CloudEventWithRaw[];
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'shardId-000000000000:49568167373333333333333333333333333333333333333333333333',
        source: 'arn:aws:kinesis:us-east-1:123456789012:stream/simple-stream',
        type: 'com.amazonaws.kinesis.record',
        datacontenttype: 'application/octet-stream',
        subject: 's1',
        time: '2016-12-02T01:18:43.477Z',
        data_base64: 'SGVsbG8gV29ybGQ=',
      },
      {
        specversion: '1.0',
        id: 'shardId-000000000000:49568167373333333334444444444444444444444444444444444444',
        source: 'arn:aws:kinesis:us-east-1:123456789012:stream/simple-stream',
        type: 'com.amazonaws.kinesis.record',
        datacontenttype: 'application/octet-stream',
        subject: 's1',
        time: '2016-12-04T08:52:03.477Z',
        data_base64: 'SGVsbG8gV29ybGQ=',
      },
    ]);
    expect(Buffer.from(events[0]?.[RAW_DATA] as Uint8Array).toString()).toBe('Hello World');
    expectValidCloudEvents(events);
  });

  it('decodes JSON data, keeping the decoded text as raw data', () => {
    const record = (data: string) => ({
      eventSource: 'aws:kinesis',
      eventID: 'shardId-000000000006:1',
      eventSourceARN: 'arn:aws:kinesis:us-east-2:123456789012:stream/s',
      kinesis: { partitionKey: 'p', sequenceNumber: '1', data, approximateArrivalTimestamp: 1545084650.987 },
    });
    const json = '{"order": 1, "items": ["a"]}';
    const events = kinesisSource.toCloudEvents({
      Records: [record(Buffer.from(json).toString('base64')), record(Buffer.from([0xff, 0xfe, 0x7b]).toString('base64'))],
    } as never) as CloudEventWithRaw[];
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'shardId-000000000006:1',
        source: 'arn:aws:kinesis:us-east-2:123456789012:stream/s',
        type: 'com.amazonaws.kinesis.record',
        datacontenttype: 'application/json',
        subject: 'p',
        time: '2018-12-17T22:10:50.987Z',
        data: { order: 1, items: ['a'] },
      },
      {
        specversion: '1.0',
        id: 'shardId-000000000006:1',
        source: 'arn:aws:kinesis:us-east-2:123456789012:stream/s',
        type: 'com.amazonaws.kinesis.record',
        datacontenttype: 'application/octet-stream',
        subject: 'p',
        time: '2018-12-17T22:10:50.987Z',
        data_base64: '//57',
      },
    ]);
    expect(events[0]?.[RAW_DATA]).toBe(json);
    expect([...(events[1]?.[RAW_DATA] as Uint8Array)]).toEqual([0xff, 0xfe, 0x7b]);
    expectValidCloudEvents(events);
  });

  it('keeps text that is not JSON as bytes (the powertools sample)', () => {
    const events = kinesisSource.toCloudEvents(loadFixture('powertools/kinesis/stream.json') as KinesisStreamEvent);
    expect(events.map((e) => [e.datacontenttype, e.data_base64])).toEqual([
      ['application/octet-stream', 'SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg=='],
      ['application/octet-stream', 'VGhpcyBpcyBvbmx5IGEgdGVzdC4='],
    ]);
    expectValidCloudEvents(events);
  });

  it('re-encodes sloppy base64 canonically so the event stays valid', () => {
    // The SAM sample carries plain text where base64 belongs.
    const events = kinesisSource.toCloudEvents(loadFixture('aws-sam-cli/kinesis/Kinesis.json') as KinesisStreamEvent);
    expect(events[0]?.data_base64).toBe(Buffer.from('Hello, this is a test 123.', 'base64').toString('base64'));
    expect(events[0]?.subject).toBeUndefined();
    expectValidCloudEvents(events);
  });

  it('reports batch items by sequence number, always ordered', () => {
    const event = loadFixture('aws-lambda-go/kinesis-event.json') as KinesisStreamEvent;
    expect(kinesisSource.records?.identifier?.(event, 1)).toBe('49568167373333333334444444444444444444444444444444444444');
    expect(kinesisSource.records?.ordered?.(event)).toBe(true);
  });
});
