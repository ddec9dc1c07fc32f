import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { RAW_DATA, type CloudEventWithRaw } from '../../../cloudevents/types.js';
import { ec2Source } from '../ec2/index.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { eventBridgeSource, isEventBridgeEvent, type AnyEventBridgeEvent } from './index.js';

const load = (path: string) => loadFixture(path) as AnyEventBridgeEvent;

describe('EventBridge', () => {
  it('maps id, source, detail-type, time and detail', () => {
    const events = eventBridgeSource.toCloudEvents(load('powertools/eventbridge/base.json'));
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
        source: 'aws.ec2',
        type: 'EC2 Instance State-change Notification',
        datacontenttype: 'application/json',
        time: '2017-12-22T18:43:48Z',
        data: { instance_id: 'i-1234567890abcdef0', state: 'terminated' },
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('maps the scheduled event without `version`', () => {
    const event = load('aws-sam-cli/cloudwatch/ScheduledEvent.json');
    expect('version' in event).toBe(false);
    expect(isEventBridgeEvent(event)).toBe(true);
    const events = eventBridgeSource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'cdc73f9d-aea9-11e3-9d5a-835b769c0d9c',
        source: 'aws.events',
        type: 'Scheduled Event',
        datacontenttype: 'application/json',
        time: '1970-01-01T00:00:00Z',
        data: {},
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('parses the JSON string `detail` of an EventBridge Scheduler event', () => {
    const events = eventBridgeSource.toCloudEvents(load('documented/aws/eventbridge-scheduler.json')) as CloudEventWithRaw[];
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: '49672d39-8c3a-4cc6-8de5-c57b0acf718f',
        source: 'aws.scheduler',
        type: 'Scheduled Event',
        datacontenttype: 'application/json',
        time: '2024-11-07T22:05:00Z',
        data: {},
      },
    ]);
    expect(events[0]?.[RAW_DATA]).toBe('{}');
    const text = eventBridgeSource.toCloudEvents({ ...load('documented/aws/eventbridge-scheduler.json'), detail: 'run now' });
    expect([text[0]?.datacontenttype, text[0]?.data]).toEqual(['text/plain; charset=utf-8', 'run now']);
    expectValidCloudEvents([...events, ...text]);
  });

  it('fills what a malformed event lacks instead of throwing', () => {
    const events = eventBridgeSource.toCloudEvents({ source: 'com.my.app', 'detail-type': 42, time: 'soon' } as never, { awsRequestId: 'req-9' });
    expect(plain(events)).toEqual([
      { specversion: '1.0', id: 'req-9', source: 'com.my.app', type: 'com.my.app', datacontenttype: 'application/json', data: null },
    ]);
    expectValidCloudEvents(events);
  });
});

describe('EC2 lifecycle (no detail-type)', () => {
  it('maps like EventBridge, type falling back to the source', () => {
    const events = ec2Source.toCloudEvents(
      { id: 'e-1', source: 'aws.ec2', time: '2024-01-01T00:00:00Z', detail: { state: 'running' } } as never,
    );
    expect(plain(events)).toEqual([
      { specversion: '1.0', id: 'e-1', source: 'aws.ec2', type: 'aws.ec2', datacontenttype: 'application/json', time: '2024-01-01T00:00:00Z', data: { state: 'running' } },
    ]);
    expectValidCloudEvents(events);
  });
});
