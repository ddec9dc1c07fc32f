import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { cognitoSource, type CognitoSyncEvent } from './index.js';

describe('Cognito Sync', () => {
  it('maps the trigger, id from the request', () => {
    const event = loadFixture('aws-sam-cli/cognito/CognitoSyncTrigger.json') as CognitoSyncEvent;
    const events = cognitoSource.toCloudEvents(event, { awsRequestId: 'req-c' });
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'req-c',
        source: 'aws:cognito-sync:identityPoolId',
        type: 'com.amazonaws.cognito.SyncTrigger',
        datacontenttype: 'application/json',
        subject: 'datasetName',
        data: event,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('keeps the colon of a real identity pool id, and uses a random UUID without a context', () => {
    const events = cognitoSource.toCloudEvents({ identityId: 'i', identityPoolId: 'us-east-1:0a1b2c3d-0000-4000-8000-000000000000', eventType: 'SyncTrigger' });
    expect(events[0]?.source).toBe('aws:cognito-sync:us-east-1:0a1b2c3d-0000-4000-8000-000000000000');
    expect(events[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expectValidCloudEvents(events);
  });
});
