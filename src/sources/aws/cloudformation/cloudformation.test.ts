import { describe, expect, it } from 'vitest';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { cloudFormationSource } from './index.js';

describe('CloudFormation custom resources', () => {
  it('maps a request', () => {
    const event = loadFixture('powertools/cloudformation/custom-resource-create.json') as CloudFormationCustomResourceEvent;
    const events = cloudFormationSource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'xxxxx-d2a0-4dfb-ab1f-xxxxxx',
        source: 'arn:aws:cloudformation:us-east-1:xxxx:stack/xxxx/271845b0-f2e8-11ed-90ac-0eeb25b8ae21',
        type: 'com.amazonaws.cloudformation.Create',
        datacontenttype: 'application/json',
        subject: 'xxxxxxxxx',
        data: event,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('keeps the SAM sample valid (a RequestId with spaces is still an id)', () => {
    const events = cloudFormationSource.toCloudEvents(loadFixture('aws-sam-cli/cloudformation/CfnCreateRequest.json') as CloudFormationCustomResourceEvent);
    expect(events[0]).toMatchObject({ id: 'unique id for this create request', source: 'arn:aws:cloudformation:us-east-1::stack/MyStack/guid', subject: 'MyTestResource' });
    expectValidCloudEvents(events);
  });
});
