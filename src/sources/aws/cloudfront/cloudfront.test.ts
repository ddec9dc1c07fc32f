import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { cloudFrontSource, type CloudFrontEvent } from './index.js';

describe('CloudFront (Lambda@Edge)', () => {
  it('maps a request', () => {
    const event = loadFixture('aws-sam-cli/cloudfront/CloudFrontSimpleRemoteCall.json') as CloudFrontEvent;
    const events = cloudFrontSource.toCloudEvents(event, { awsRequestId: 'req-f' });
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'req-f-0',
        source: 'aws:cloudfront:distribution/EXAMPLE',
        type: 'com.amazonaws.cloudfront.request',
        datacontenttype: 'application/json',
        subject: '/test',
        data: event.Records[0]?.cf,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('maps a response, and prefers config.requestId and config.eventType when present', () => {
    const response = cloudFrontSource.toCloudEvents(loadFixture('aws-sam-cli/cloudfront/CloudFrontModifyResponseHeader.json') as CloudFrontEvent);
    expect(response[0]?.type).toBe('com.amazonaws.cloudfront.response');
    const full = {
      Records: [{ cf: { config: { distributionId: 'EDFDVBD6EXAMPLE', eventType: 'viewer-request', requestId: 'MRVMF7KydIvxMWfJIglgwHQwZsbG2IhRJ07sn9AkKUFSHS9EXAMPLE==' }, request: { uri: '/a b' } } }],
    };
    const events = cloudFrontSource.toCloudEvents(full as never);
    expect(plain(events)[0]).toMatchObject({
      id: 'MRVMF7KydIvxMWfJIglgwHQwZsbG2IhRJ07sn9AkKUFSHS9EXAMPLE==',
      source: 'aws:cloudfront:distribution/EDFDVBD6EXAMPLE',
      type: 'com.amazonaws.cloudfront.viewer-request',
      subject: '/a b',
    });
    expectValidCloudEvents([...response, ...events]);
  });
});
