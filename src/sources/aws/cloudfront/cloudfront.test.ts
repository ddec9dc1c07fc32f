import { describe, expect, it } from 'vitest';
import { fixturePaths, loadFixture } from '../../../../test/fixtures/load.js';
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

describe('CloudFront fixtures (aws-sam-cli, 12 samples)', () => {
  const paths = fixturePaths('aws-sam-cli/cloudfront');

  it('are all here', () => {
    expect(paths).toHaveLength(12);
  });

  it.each(paths)('%s: detected, routed to /aws.cloudfront, one valid CloudEvent of the right kind', (path) => {
    const event = loadFixture(path) as CloudFrontEvent;
    expect(cloudFrontSource.detect(event)).toBe(true);
    expect(cloudFrontSource.route(event)).toBe('/aws.cloudfront');
    const events = cloudFrontSource.toCloudEvents(event, { awsRequestId: 'r' });
    const record = event.Records[0] as { cf: { response?: unknown; request?: { uri?: string } } };
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: 'r-0',
      source: 'aws:cloudfront:distribution/EXAMPLE',
      type: `com.amazonaws.cloudfront.${record.cf.response === undefined ? 'request' : 'response'}`,
      data: record.cf,
    });
    expect(events[0]?.subject).toBe(record.cf.request?.uri);
    expectValidCloudEvents(events);
  });

  it('delivery is sync, respond converts the answer', () => {
    expect(cloudFrontSource.answer).toBe('response');
    expect(typeof cloudFrontSource.respond).toBe('function');
  });
});
