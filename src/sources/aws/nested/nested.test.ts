import { describe, expect, it } from 'vitest';
import type { SQSEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { findSource, routeFor, toCloudEvents } from '../../registry.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { APPS, expectEventModeRequest, invoke } from '../deliver.testing.js';
import * as pkg from '../../../index.js';
import { isSnsNotification, unwrapSnsInSqs } from './index.js';

type Sqs = { Records: Array<{ messageId: string; body: string }> };
type Sns = { Records: Array<{ Sns: Record<string, unknown> }> };

describe('SES variants', () => {
  it('receipts whose rule action is S3 or SNS are still SES records: /aws.ses, valid CloudEvents', () => {
    for (const path of ['aws-lambda-go/ses-s3-event.json', 'aws-lambda-go/ses-sns-event.json']) {
      const event = loadFixture(path);
      expect(findSource(event)?.name).toBe('aws.ses');
      expect(routeFor(event)).toBe('/aws.ses');
      const events = toCloudEvents(event);
      expect(events.map((e) => [e.id, e.type, e.subject, e.time])).toEqual([
        ['d6iitobk75ur44p8kdnnp7g2n800', 'com.amazonaws.ses.received', 'Example subject', '2015-09-11T20:32:33.936Z'],
      ]);
      expectValidCloudEvents(events);
    }
  });

  it('an SES notification published to SNS arrives as an SNS record (/aws.sns), its notification the Message text', () => {
    const ses = (loadFixture('aws-lambda-go/ses-sns-event.json') as { Records: Array<{ ses: Record<string, unknown> }> }).Records[0]!.ses;
    const message = JSON.stringify({ notificationType: 'Received', mail: ses.mail, receipt: ses.receipt, content: 'From: sender@example.com\r\n\r\nHi' });
    const sns = loadFixture('aws-lambda-go/sns-event.json') as Sns;
    sns.Records[0]!.Sns.Message = message;
    expect(routeFor(sns)).toBe('/aws.sns');
    const events = toCloudEvents(sns);
    expect(events.map((e) => [e.type, (e.data as { Message: string }).Message])).toEqual([['com.amazonaws.sns.Notification', message]]);
    expectValidCloudEvents(events);
  });
});

describe('S3 through EventBridge', () => {
  const FIXTURES = ['created', 'deleted', 'expired', 'restored'].map((kind) => `powertools/s3/eventbridge-object-${kind}.json`);

  it('routes to /aws.s3 (`/` + source) and maps as EventBridge: type the detail-type, data the detail', () => {
    for (const path of FIXTURES) {
      const event = loadFixture(path) as { id: string; 'detail-type': string; time: string; detail: unknown };
      expect(routeFor(event)).toBe('/aws.s3');
      const events = toCloudEvents(event);
      expect(plain(events)).toEqual([
        { specversion: '1.0', id: event.id, source: 'aws.s3', type: event['detail-type'], datacontenttype: 'application/json', time: event.time, data: event.detail },
      ]);
      expectValidCloudEvents(events);
    }
    expect(FIXTURES.map((path) => toCloudEvents(loadFixture(path))[0]?.type)).toEqual(['Object Created', 'Object Deleted', 'Object Deleted', 'Object Restore Completed']); // a lifecycle expiration is an Object Deleted
  });

  for (const makeApp of APPS) {
    it(`${makeApp().name}: event and record mode deliver to /aws.s3`, async () => {
      const event = loadFixture(FIXTURES[0]!) as { detail: unknown };
      const echo = makeApp();
      await invoke(echo, event);
      expectEventModeRequest(echo.received, event, '/aws.s3');
      const records = makeApp();
      await invoke(records, event, 'record');
      expect(records.received.map((r) => [r.url, r.headers['ce-source'], r.headers['ce-type'], JSON.parse(r.body.toString())])).toEqual([
        ['/aws.s3', 'aws.s3', 'Object%20Created', event.detail], // ce- values percent-encoded (HTTP binding 3.1.3.2)
      ]);
    });
  }
});

describe('S3 through SQS', () => {
  const PATH = 'powertools/s3/sqs-event.json';

  it('arrives as SQS (/aws.sqs); the record CloudEvent data is the parsed S3 event', () => {
    const event = loadFixture(PATH) as Sqs;
    expect(routeFor(event)).toBe('/aws.sqs');
    const events = toCloudEvents(event);
    expect(events[0]).toMatchObject({ id: 'ca3e7a89-c358-40e5-8aa0-5da01403c267', type: 'com.amazonaws.sqs.message', datacontenttype: 'application/json' });
    expect(events[0]?.data).toEqual(JSON.parse(event.Records[0]!.body));
    expect((events[0]?.data as { Records: Array<{ eventSource: string }> }).Records[0]?.eventSource).toBe('aws:s3');
    expectValidCloudEvents(events);
  });

  for (const makeApp of APPS) {
    it(`${makeApp().name}: event mode sends the SQS event; record mode sends the S3 notification body byte for byte`, async () => {
      const event = loadFixture(PATH) as Sqs;
      const echo = makeApp();
      await invoke(echo, event);
      expectEventModeRequest(echo.received, event, '/aws.sqs');
      const records = makeApp();
      expect(await invoke(records, event, 'record')).toEqual({ batchItemFailures: [] });
      expect(records.received.length).toBe(1);
      expect(records.received[0]?.url).toBe('/aws.sqs');
      expect(records.received[0]?.headers['content-type']).toBe('application/json');
      expect(records.received[0]?.body.toString()).toBe(event.Records[0]!.body);
    });
  }
});

describe('SNS in SQS', () => {
  const PATH = 'powertools/sqs/sns-body.json';

  it('is delivered as SQS by default: the notification is the parsed body', () => {
    const event = loadFixture(PATH) as Sqs;
    expect(routeFor(event)).toBe('/aws.sqs');
    expect(toCloudEvents(event)[0]?.data).toMatchObject({ Type: 'Notification', Message: '{"message": "hello world"}' });
  });

  it('unwrapSnsInSqs maps each notification as SNS with the Message as data', () => {
    expect(pkg.unwrapSnsInSqs).toBe(unwrapSnsInSqs); // exported from the package
    const event = loadFixture(PATH) as SQSEvent;
    const events = unwrapSnsInSqs(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'd88d4479-6ec0-54fe-b63f-1cf9df4bb16e',
        source: 'arn:aws:sns:eu-west-1:231436140809:powertools265',
        type: 'com.amazonaws.sns.Notification',
        datacontenttype: 'application/json',
        time: '2021-01-19T10:07:07.287Z',
        data: { message: 'hello world' },
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('unwrapSnsInSqs keeps other records as SQS CloudEvents, in order, and text messages as text', () => {
    const sample = loadFixture(PATH) as SQSEvent;
    const template = sample.Records[0]!;
    const notification = { Type: 'Notification', MessageId: 'sns-2', TopicArn: 'arn:aws:sns:eu-west-1:1:t', Subject: 'Hi', Message: 'plain words', Timestamp: '2021-01-19T10:07:07.287Z' };
    const event = {
      Records: [
        { ...template, messageId: 'a', body: 'not json' },
        { ...template, messageId: 'b', body: JSON.stringify(notification) },
        { ...template, messageId: 'c', body: '{"Type":"Notification","TopicArn":1,"Message":"x"}' },
      ],
    } as SQSEvent;
    const events = unwrapSnsInSqs(event, { awsRequestId: 'r' });
    expect(events.map((e) => [e.id, e.type, e.subject, e.datacontenttype, e.data])).toEqual([
      ['a', 'com.amazonaws.sqs.message', undefined, 'text/plain; charset=utf-8', 'not json'],
      ['sns-2', 'com.amazonaws.sns.Notification', 'Hi', 'text/plain; charset=utf-8', 'plain words'],
      ['c', 'com.amazonaws.sqs.message', undefined, 'application/json', { Type: 'Notification', TopicArn: 1, Message: 'x' }],
    ]);
    expectValidCloudEvents(events);
    expect(isSnsNotification(notification)).toBe(true);
    expect(isSnsNotification({ ...notification, Type: 'SubscriptionConfirmation' })).toBe(false);
  });
});

describe('EventBridge Scheduler', () => {
  const PATH = 'documented/aws/eventbridge-scheduler.json';

  it('routes to /aws.scheduler; type Scheduled Event; the string detail parsed', () => {
    const event = loadFixture(PATH);
    expect(routeFor(event)).toBe('/aws.scheduler');
    const events = toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0', id: '49672d39-8c3a-4cc6-8de5-c57b0acf718f', source: 'aws.scheduler', type: 'Scheduled Event',
        datacontenttype: 'application/json', time: '2024-11-07T22:05:00Z', data: {},
      },
    ]);
    expectValidCloudEvents(events);
  });

  for (const makeApp of APPS) {
    it(`${makeApp().name}: delivered to /aws.scheduler in event and record mode`, async () => {
      const event = loadFixture(PATH);
      const echo = makeApp();
      await invoke(echo, event);
      expectEventModeRequest(echo.received, event, '/aws.scheduler');
      const records = makeApp();
      await invoke(records, event, 'record');
      expect(records.received.map((r) => [r.url, r.headers['ce-type'], r.body.toString()])).toEqual([['/aws.scheduler', 'Scheduled%20Event', '{}']]);
    });
  }
});
