import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CloudWatchLogsEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { RAW_DATA, type CloudEventWithRaw } from '../../../cloudevents/types.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { logsSource, MAX_DECODED_LOGS_BYTES } from './index.js';

const encode = (batch: unknown): CloudWatchLogsEvent => ({
  awslogs: { data: gzipSync(Buffer.from(JSON.stringify(batch))).toString('base64') },
});

describe('CloudWatch Logs', () => {
  it('decodes the batch and maps one CloudEvent per log event', () => {
    const events = logsSource.toCloudEvents(loadFixture('aws-lambda-go/cloudwatch-logs-event.json') as CloudWatchLogsEvent);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'eventId1',
        source: 'testLogGroup',
        type: 'com.amazonaws.logs.DATA_MESSAGE',
        datacontenttype: 'text/plain; charset=utf-8',
        subject: 'testLogStream',
        time: '2015-08-24T19:03:07.000Z',
        data: '[ERROR] First test message',
      },
      {
        specversion: '1.0',
        id: 'eventId2',
        source: 'testLogGroup',
        type: 'com.amazonaws.logs.DATA_MESSAGE',
        datacontenttype: 'text/plain; charset=utf-8',
        subject: 'testLogStream',
        time: '2015-08-24T19:03:07.001Z',
        data: '[ERROR] Second test message',
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('parses structured (JSON) log lines, keeping the line as raw data', () => {
    const events = logsSource.toCloudEvents(loadFixture('powertools/cloudwatch/base.json') as CloudWatchLogsEvent) as CloudEventWithRaw[];
    expect(events.map((e) => e.datacontenttype)).toEqual(['text/plain; charset=utf-8', 'text/plain; charset=utf-8', 'application/json']);
    expect(events[2]?.data).toMatchObject({ level: 'INFO', message: 'Hello from other.ts' });
    expect(events[2]?.[RAW_DATA]).toMatch(/^\{"level":"INFO".*\}\n$/);
    expect(events[0]).toMatchObject({ source: '/aws/lambda/some-other-name', subject: '2024/10/21/OtherFn[$LATEST]16c175a5f89246aaad5c878aebaeeac7' });
    expectValidCloudEvents(events);
  });

  it('maps a control message and an empty batch', () => {
    const control = logsSource.toCloudEvents(encode({
      messageType: 'CONTROL_MESSAGE', owner: 'CloudwatchLogs', logGroup: '', logStream: '', subscriptionFilters: [],
      logEvents: [{ id: '', timestamp: 1440442987000, message: 'CWL CONTROL MESSAGE: Checking health of destination Firehose.' }],
    }), { awsRequestId: 'req-3' });
    expect(plain(control)).toEqual([
      {
        specversion: '1.0', id: 'req-3-0', source: 'aws:logs', type: 'com.amazonaws.logs.CONTROL_MESSAGE',
        datacontenttype: 'text/plain; charset=utf-8', time: '2015-08-24T19:03:07.000Z',
        data: 'CWL CONTROL MESSAGE: Checking health of destination Firehose.',
      },
    ]);
    expect(logsSource.toCloudEvents(encode({ messageType: 'DATA_MESSAGE', logGroup: 'g', logEvents: [] }))).toEqual([]);
    expectValidCloudEvents(control);
  });

  it('falls back to the generic CloudEvent when the data does not decode', () => {
    const context = { awsRequestId: 'req-4', invokedFunctionArn: 'arn:aws:lambda:us-east-1:1:function:f' };
    for (const data of ['not base64 gzip', gzipSync('{"logGroup":"g"}').toString('base64'), Buffer.from('plain').toString('base64'), gzipSync('[1,2]').toString('base64'), gzipSync('{').toString('base64')]) {
      const event = { awslogs: { data } };
      const events = logsSource.toCloudEvents(event, context);
      expect(plain(events)).toEqual([
        { specversion: '1.0', id: 'req-4', source: 'arn:aws:lambda:us-east-1:1:function:f', type: 'com.amazonaws.lambda.invoke', datacontenttype: 'application/json', data: event },
      ]);
      expectValidCloudEvents(events);
    }
  });

  it('refuses a batch that inflates past the ceiling (gzip bomb)', () => {
    const bomb = { awslogs: { data: gzipSync(Buffer.alloc(MAX_DECODED_LOGS_BYTES + 1, 0x20)).toString('base64') } };
    expect(bomb.awslogs.data.length).toBeLessThan(100_000);
    expect(logsSource.toCloudEvents(bomb)[0]?.type).toBe('com.amazonaws.lambda.invoke');
  });
});
