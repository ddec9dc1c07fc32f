import { describe, expect, it } from 'vitest';
import type { S3BatchEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { findSource } from '../../registry.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { invoke, syncApps } from '../sync-apps.testing.js';
import { isS3BatchEvent, s3BatchSource } from './index.js';

const FIXTURES = [
  'aws-lambda-go/s3-batch-job-event-request-1.0.json',
  'aws-lambda-go/s3-batch-job-event-request-2.0.json',
  'aws-sam-cli/s3/S3BatchInvocation.json',
];
const load = (path: string) => loadFixture(path) as S3BatchEvent;

describe('S3 Batch Operations', () => {
  it('recognises schema 1.0 and 2.0 invocations, not the result document nor S3 events', () => {
    for (const path of FIXTURES) {
      expect(isS3BatchEvent(load(path)), path).toBe(true);
      expect(findSource(load(path))?.name, path).toBe('aws.s3.batch');
      expect(s3BatchSource.route(load(path))).toBe('/aws.s3.batch');
    }
    expect(isS3BatchEvent(loadFixture('aws-lambda-go/s3-batch-job-event-response.json'))).toBe(false);
    expect(isS3BatchEvent(loadFixture('aws-lambda-go/s3-event.json'))).toBe(false);
  });

  it('maps an invocation (schema 2.0)', () => {
    const event = load('aws-lambda-go/s3-batch-job-event-request-2.0.json');
    const events = s3BatchSource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo',
        source: 'aws:s3:batch-job/f3cc4f60-61f6-4a2b-8a21-d07600c373ce',
        type: 'com.amazonaws.s3.batch.invocation',
        datacontenttype: 'application/json',
        subject: 'customerImage1.jpg',
        data: event,
      },
    ]);
    for (const path of FIXTURES) expectValidCloudEvents(s3BatchSource.toCloudEvents(load(path)));
    const [twoTasks] = s3BatchSource.toCloudEvents({ ...event, tasks: [...event.tasks, ...event.tasks] });
    expect(twoTasks?.subject).toBeUndefined();
  });

  for (const { name, app, received } of syncApps('/aws.s3.batch', (raw) => {
    const event = raw as S3BatchEvent;
    return {
      json: {
        invocationSchemaVersion: event.invocationSchemaVersion,
        treatMissingKeysAs: 'PermanentFailure',
        invocationId: event.invocationId,
        results: event.tasks.map((task) => ({ taskId: task.taskId, resultCode: 'Succeeded', resultString: `copied ${task.s3Key}` })),
      },
    };
  })) {
    it(`${name}: the app's result document is the invocation's result`, async () => {
      const event = load('aws-lambda-go/s3-batch-job-event-request-1.0.json');
      expect(await invoke(app, event)).toEqual({
        invocationSchemaVersion: '1.0',
        treatMissingKeysAs: 'PermanentFailure',
        invocationId: 'YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo',
        results: [{ taskId: 'dGFza2lkZ29lc2hlcmUK', resultCode: 'Succeeded', resultString: 'copied customerImage1.jpg' }],
      });
      expect(received).toEqual([event]);
    });
  }
});
