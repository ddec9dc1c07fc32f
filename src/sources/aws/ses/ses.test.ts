import { describe, expect, it } from 'vitest';
import type { SESEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { sesSource } from './index.js';

describe('SES', () => {
  it('maps each received mail', () => {
    const event = loadFixture('aws-lambda-go/ses-lambda-event.json') as SESEvent;
    const events = sesSource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: '6n4thuhcbhpfiuf25gshf70rss364fuejrvmqko1',
        source: 'aws:ses',
        type: 'com.amazonaws.ses.received',
        datacontenttype: 'application/json',
        subject: 'Test Subject',
        time: '1970-01-01T00:00:00.123Z',
        data: event.Records[0]?.ses,
      },
    ]);
    expectValidCloudEvents(events);
  });
});
