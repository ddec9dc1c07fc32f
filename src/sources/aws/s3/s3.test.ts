import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { RAW_DATA } from '../../../cloudevents/types.js';
import { expectValidCloudEvents } from '../../testing.js';
import { decodeS3Key, isS3Event, s3Source } from './index.js';

describe('S3', () => {
  it('maps a record as the CloudEvents S3 adapter does', () => {
    const event = loadFixture('aws-lambda-go/s3-event.json') as { Records: unknown[] };
    const events = s3Source.toCloudEvents(event as never, { awsRequestId: 'req-1' });
    expect(events).toEqual([
      {
        specversion: '1.0',
        id: 'C3D13FE58DE4C810.FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
        source: 'aws:s3.us-east-1.sourcebucket',
        type: 'com.amazonaws.s3.ObjectCreated:Put',
        datacontenttype: 'application/json',
        subject: 'Happy Face.jpg',
        time: '1970-01-01T00:00:00.123Z',
        data: event.Records[0],
      },
    ]);
    expect(events[0]?.[RAW_DATA as never]).toBeUndefined();
    expectValidCloudEvents(events);
  });

  it('maps the SAM and Powertools samples', () => {
    const put = s3Source.toCloudEvents(loadFixture('aws-sam-cli/s3/S3Put.json') as never);
    expect(put[0]).toMatchObject({
      id: 'EXAMPLE123456789.EXAMPLE123/5678abcdefghijklambdaisawesome/mnopqrstuvwxyzABCDEFGH',
      source: 'aws:s3.us-east-1.example-bucket',
      subject: 'test/key',
      time: '1970-01-01T00:00:00.000Z',
    });
    const deleted = s3Source.toCloudEvents(loadFixture('aws-sam-cli/s3/S3Delete.json') as never);
    expect(deleted[0]?.type).toBe('com.amazonaws.s3.ObjectRemoved:Delete');
    expectValidCloudEvents([...put, ...deleted]);
  });

  it('detects on Records[0].eventSource', () => {
    expect(isS3Event({ Records: [{ eventSource: 'aws:s3' }] })).toBe(true);
    expect(isS3Event({ Records: [{ eventSource: 'aws:sqs' }] })).toBe(false);
    expect(isS3Event({ Records: 'aws:s3' })).toBe(false);
  });

  it('falls back per record when request ids are missing, and omits an empty key', () => {
    const events = s3Source.toCloudEvents(
      { Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { object: { key: '' } } }, null] } as never,
      { awsRequestId: 'req-1', invokedFunctionArn: 'arn:aws:lambda:us-east-1:1:function:f' },
    );
    expect(events).toEqual([
      { specversion: '1.0', id: 'req-1-0', source: 'aws:s3', type: 'com.amazonaws.s3.ObjectCreated:Put', datacontenttype: 'application/json', data: { eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { object: { key: '' } } } },
      { specversion: '1.0', id: 'req-1-1', source: 'aws:s3', type: 'com.amazonaws.s3.event', datacontenttype: 'application/json', data: null },
    ]);
    expectValidCloudEvents(events);
  });
});

describe('decodeS3Key', () => {
  it('decodes + to space, then percent escapes', () => {
    expect(decodeS3Key('Happy+Face.jpg')).toBe('Happy Face.jpg');
    expect(decodeS3Key('a%2Bb+c')).toBe('a+b c');
    expect(decodeS3Key('caf%C3%A9%20%26%20cr%C3%A8me')).toBe('café & crème');
    expect(decodeS3Key('plain/key.txt')).toBe('plain/key.txt');
  });

  it('never throws on a bad escape, decoding what it can', () => {
    expect(decodeS3Key('100%')).toBe('100%');
    expect(decodeS3Key('%zz')).toBe('%zz');
    expect(decodeS3Key('%FF')).toBe('%FF');
    expect(decodeS3Key('%C3%A9%FF+x%E0%A4%A')).toBe('é%FF x%E0%A4%A');
  });
});
