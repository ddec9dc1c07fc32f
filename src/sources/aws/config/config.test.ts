import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { configSource, type ConfigRuleEvent } from './index.js';

describe('Config', () => {
  it('maps a periodic evaluation', () => {
    const event = loadFixture('aws-lambda-go/config-event.json') as ConfigRuleEvent;
    const events = configSource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'myResultToken',
        source: 'arn:aws:config:us-east-1:012345678912:config-rule/config-rule-0123456',
        type: 'com.amazonaws.config.ConfigurationSnapshotDeliveryCompleted',
        datacontenttype: 'application/json',
        time: '2016-02-24T18:23:20.328Z',
        data: event,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('takes subject and time from the configuration item of a change notification', () => {
    const events = configSource.toCloudEvents(loadFixture('aws-sam-cli/config/ConfigurationItemChangeNotification.json') as ConfigRuleEvent);
    expect(events[0]).toMatchObject({
      type: 'com.amazonaws.config.ConfigurationItemChangeNotification',
      subject: 'AWS::EC2::Instance/i-00000000',
      time: '2016-10-06T16:46:16.261Z',
    });
    const periodic = configSource.toCloudEvents(loadFixture('aws-sam-cli/config/PeriodicRule.json') as ConfigRuleEvent);
    expect(periodic[0]).toMatchObject({ type: 'com.amazonaws.config.ScheduledNotification', time: '1970-01-01T00:00:00.0Z' });
    expectValidCloudEvents([...events, ...periodic]);
  });

  it('copes with an invokingEvent that is not JSON', () => {
    const events = configSource.toCloudEvents({ configRuleId: 'r', invokingEvent: '{oops' } as never, { awsRequestId: 'req-2' });
    expect(plain(events)).toEqual([
      { specversion: '1.0', id: 'req-2', source: 'aws:config', type: 'com.amazonaws.config.evaluation', datacontenttype: 'application/json', data: { configRuleId: 'r', invokingEvent: '{oops' } },
    ]);
    expectValidCloudEvents(events);
  });
});
