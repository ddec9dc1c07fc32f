import { describe, expect, it } from 'vitest';
import type { SQSEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { RAW_DATA, type CloudEventWithRaw } from '../../../cloudevents/types.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { isSqsEvent, sqsSource } from './index.js';

describe('SQS', () => {
  it('maps each message: JSON body as JSON, other text as text, the body kept as raw data', () => {
    const events = sqsSource.toCloudEvents(loadFixture('powertools/sqs/base.json') as SQSEvent) as CloudEventWithRaw[];
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: '059f36b4-87a3-44ab-83d2-661975830a7d',
        source: 'arn:aws:sqs:us-east-2:123456789012:my-queue',
        type: 'com.amazonaws.sqs.message',
        datacontenttype: 'text/plain; charset=utf-8',
        time: '2018-12-17T21:37:29.183Z',
        data: 'Test message.',
      },
      {
        specversion: '1.0',
        id: '2e1424d4-f796-459a-8184-9c92662be6da',
        source: 'arn:aws:sqs:us-east-2:123456789012:my-queue',
        type: 'com.amazonaws.sqs.message',
        datacontenttype: 'application/json',
        time: '2018-12-17T21:37:30.636Z',
        data: { message: 'foo1' },
      },
    ]);
    expect(events[0]?.[RAW_DATA]).toBe('Test message.');
    expect(events[1]?.[RAW_DATA]).toBe('{"message": "foo1"}');
    expect(JSON.stringify(events[1])).not.toContain('Symbol');
    expectValidCloudEvents(events);
  });

  it('parses JSON scalars and keeps an empty body as text', () => {
    const event = {
      Records: [
        { eventSource: 'aws:sqs', messageId: 'a', eventSourceARN: 'arn:aws:sqs:us-east-1:1:q', body: '42' },
        { eventSource: 'aws:sqs', messageId: 'b', eventSourceARN: 'arn:aws:sqs:us-east-1:1:q', body: '' },
        { eventSource: 'aws:sqs', messageId: 'c', eventSourceARN: 'arn:aws:sqs:us-east-1:1:q', body: ' {"a": [1, 2]}\n' },
        { eventSource: 'aws:sqs', messageId: 'd', eventSourceARN: 'arn:aws:sqs:us-east-1:1:q', body: 'true story' },
      ],
    };
    const events = sqsSource.toCloudEvents(event as never);
    expect(events.map((e) => [e.datacontenttype, e.data])).toEqual([
      ['application/json', 42],
      ['text/plain; charset=utf-8', ''],
      ['application/json', { a: [1, 2] }],
      ['text/plain; charset=utf-8', 'true story'],
    ]);
    expect(events.every((e) => e.time === undefined && !('time' in e))).toBe(true);
    expectValidCloudEvents(events);
  });

  it('reports batch items by messageId, ordered only for FIFO queues', () => {
    const standard = loadFixture('powertools/sqs/base.json') as SQSEvent;
    const fifo = loadFixture('documented/aws/sqs-fifo.json') as SQSEvent;
    expect(sqsSource.records?.identifier?.(standard, 1)).toBe('2e1424d4-f796-459a-8184-9c92662be6da');
    expect(sqsSource.records?.ordered?.(standard)).toBe(false);
    expect(sqsSource.records?.identifier?.(fifo, 0)).toBe('11d6ee51-4cc7-4302-9e22-7cd8afdaadf5');
    expect(sqsSource.records?.ordered?.(fifo)).toBe(true);
    expect(sqsSource.records?.identifier?.(fifo, 5)).toBe('');
    expect(sqsSource.toCloudEvents(fifo).map((e) => e.data)).toEqual([{ order: 1 }, 'not json {']);
  });

  it('detects on Records[0].eventSource', () => {
    expect(isSqsEvent(loadFixture('aws-sam-cli/sqs/Sqs.json'))).toBe(true);
    expect(isSqsEvent({ Records: [{ EventSource: 'aws:sqs' }] })).toBe(false);
  });
});
