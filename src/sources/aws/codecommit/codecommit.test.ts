import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { codeCommitSource, type CodeCommitEvent } from './index.js';

describe('CodeCommit', () => {
  it('maps each record; the +0000 offset becomes RFC 3339', () => {
    const event = loadFixture('aws-lambda-go/code-commit-event.json') as CodeCommitEvent;
    const events = codeCommitSource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: '5a824061-17ca-46a9-bbf9-114edeadbeef',
        source: 'arn:aws:codecommit:us-east-1:123456789012:my-repo',
        type: 'com.amazonaws.codecommit.TriggerEventTest',
        datacontenttype: 'application/json',
        subject: 'refs/heads/master',
        time: '2018-01-26T15:58:33.475Z',
        data: event.Records[0],
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('adds the part number to the id of a split event', () => {
    const record = { eventSource: 'aws:codecommit', eventId: 'e', eventPartNumber: 2, eventTotalParts: 3, eventSourceARN: 'arn:aws:codecommit:us-east-1:1:r', eventName: 'ReferenceChanges', codecommit: { references: [{ ref: 'a' }, { ref: 'b' }] } };
    const events = codeCommitSource.toCloudEvents({ Records: [record] } as never);
    expect(events[0]?.id).toBe('e-2');
    expect(events[0]?.subject).toBeUndefined();
    expectValidCloudEvents(events);
  });
});
