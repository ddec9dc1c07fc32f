import { describe, expect, it } from 'vitest';
import { fixturePaths, loadFixture } from '../../test/fixtures/load.js';
import { findSource, toCloudEvents } from './registry.js';
import { expectValidCloudEvents, plain } from './testing.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const context = { awsRequestId: 'c0ffee00-0000-4000-8000-000000000001', invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:app' };

describe('toCloudEvents', () => {
  it('converts every fixture to valid CloudEvents, never throwing', () => {
    for (const path of fixturePaths()) {
      const events = toCloudEvents(loadFixture(path), context);
      expectValidCloudEvents(events);
    }
  });

  it('gives one CloudEvent per record, in record order', () => {
    expect(toCloudEvents(loadFixture('aws-sam-cli/dynamodb/DynamoDBUpdate.json')).map((e) => e.type)).toEqual([
      'com.amazonaws.dynamodb.INSERT',
      'com.amazonaws.dynamodb.MODIFY',
      'com.amazonaws.dynamodb.REMOVE',
    ]);
  });

  it('answers an unrecognised event with one generic invoke CloudEvent', () => {
    const event = { temperature: 21.5, deviceId: 'sensor-1' }; // what an IoT rule's SQL may select
    expect(plain(toCloudEvents(event, context))).toEqual([
      {
        specversion: '1.0',
        id: 'c0ffee00-0000-4000-8000-000000000001',
        source: 'arn:aws:lambda:eu-west-1:123456789012:function:app',
        type: 'com.amazonaws.lambda.invoke',
        datacontenttype: 'application/json',
        data: event,
      },
    ]);
  });

  it('without a context: a random UUID id and the urn:aws:lambda source', () => {
    const [first] = toCloudEvents({ hello: 'world' });
    const [second] = toCloudEvents({ hello: 'world' });
    expect(first?.id).toMatch(UUID);
    expect(second?.id).not.toBe(first?.id);
    expect(first).toMatchObject({ source: 'urn:aws:lambda', type: 'com.amazonaws.lambda.invoke', data: { hello: 'world' } });
  });

  it('wraps empty and odd invocation events too', () => {
    for (const event of [undefined, null, {}, [], 'text', 42, false, { Records: [] }]) {
      const events = toCloudEvents(event, context);
      expect(events).toHaveLength(1);
      expect(events[0]?.data).toEqual(event === undefined ? null : event);
      expectValidCloudEvents(events);
    }
  });

  it('never throws on malformed events of recognised sources', () => {
    const malformed: unknown[] = [
      { Records: [{ eventSource: 'aws:sqs' }, null, 7, { eventSource: 'aws:sqs', body: { not: 'text' } }] },
      { Records: [{ eventSource: 'aws:kinesis', kinesis: { data: 42 } }, { eventSource: 'aws:kinesis', kinesis: null }] },
      { Records: [{ eventSource: 'aws:dynamodb', dynamodb: { Keys: 'x', NewImage: { a: { M: 'bad' } } } }] },
      { Records: [{ eventSource: 'aws:s3', s3: { object: { key: '%E0%A4%A' } }, eventTime: 'not a time' }] },
      { Records: [{ EventSource: 'aws:sns', Sns: 'x' }] },
      { Records: [{ cf: null }] },
      { awslogs: { data: '' } },
      { source: 'aws.events', 'detail-type': 'x', time: 1e20, id: 5 },
      { event: { eventName: 'x', eventTime: 'nan', payload: { detector: { detectorModelName: '\uD800' } } } },
      { specversion: '0.3', id: '1', source: 's', type: 't', datacontentencoding: 'base64', data: { not: 'a string' } },
      { context: { eventType: 'google.pubsub.topic.publish', resource: 7 }, data: 'x' },
      [{ eventType: 't', eventTime: 'yesterday' }, null, 'x'],
      { subscription: 'projects/p/subscriptions/s', message: { messageId: 5 } },
      { configRuleId: 'r', invokingEvent: 42 },
      { RequestType: 'Create', LogicalResourceId: 5 },
      { header: 'h', payload: null },
      { identityId: 1, identityPoolId: 2 },
      { bot: 1, outputDialogMode: 2, currentIntent: 3 },
      { deliveryStreamArn: 5, records: 'x' },
    ];
    for (const event of malformed) {
      expect(findSource(event), JSON.stringify(event)).toBeDefined();
      const events = toCloudEvents(event, context);
      expectValidCloudEvents(events);
    }
  });

  it('keeps record count for batch sources even when records are broken', () => {
    const events = toCloudEvents({ Records: [{ eventSource: 'aws:sqs', messageId: 'a', body: 'x' }, null, 'junk'] }, context);
    expect(events.map((e) => e.id)).toEqual(['a', `${context.awsRequestId}-1`, `${context.awsRequestId}-2`]);
  });
});
