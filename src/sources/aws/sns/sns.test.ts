import { describe, expect, it } from 'vitest';
import type { SNSEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { snsSource } from './index.js';

describe('SNS', () => {
  it('maps a notification as the CloudEvents SNS adapter does', () => {
    const event = loadFixture('powertools/sns/base.json') as SNSEvent;
    const events = snsSource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
        source: 'arn:aws:sns:us-east-2:123456789012:ExampleTopic',
        type: 'com.amazonaws.sns.Notification',
        datacontenttype: 'application/json',
        subject: 'TestInvoke',
        time: '2019-01-02T12:45:07.000Z',
        data: event.Records[0]?.Sns,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('omits a null Subject and falls back to the topic ARN without a subscription ARN', () => {
    const alarm = loadFixture('aws-lambda-go/cloudwatch-alarm-sns-payload-single-metric.json') as SNSEvent;
    const [mapped] = snsSource.toCloudEvents(alarm);
    expect(mapped?.source).toBe(alarm.Records[0]?.EventSubscriptionArn);
    const bare = { Records: [{ EventSource: 'aws:sns', Sns: { MessageId: 'm', Type: 'Notification', TopicArn: 'arn:aws:sns:us-east-1:1:t', Subject: null, Timestamp: '2019-01-02T12:45:07.000Z', Message: 'x' } }] };
    const events = snsSource.toCloudEvents(bare as never);
    expect(events[0]?.source).toBe('arn:aws:sns:us-east-1:1:t');
    expect('subject' in (events[0] ?? {})).toBe(false);
    expectValidCloudEvents([...events, mapped!]);
  });
});
