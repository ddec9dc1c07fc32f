import { describe, expect, it } from 'vitest';
import type { CodePipelineEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../../errors.js';
import { findSource, routeFor } from '../../registry.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { APPS, expectEventModeRequest, invoke } from '../deliver.testing.js';
import { codePipelineSource, isCodePipelineJobEvent } from './index.js';

const GO = 'aws-lambda-go/codepipeline-job-event.json';
const SAM = 'aws-sam-cli/codepipeline/CodePipeline.json';

describe('CodePipeline jobs', () => {
  it('are recognised by CodePipeline.job and routed to /aws.codepipeline', () => {
    for (const path of [GO, SAM]) {
      expect(isCodePipelineJobEvent(loadFixture(path))).toBe(true);
      expect(findSource(loadFixture(path))).toBe(codePipelineSource);
      expect(routeFor(loadFixture(path))).toBe('/aws.codepipeline');
    }
    for (const other of [{ 'CodePipeline.job': 'x' }, { CodePipeline: { job: {} } }, { job: {} }, null]) expect(isCodePipelineJobEvent(other)).toBe(false);
  });

  it('map to one CloudEvent whose id is the job id and whose data is the job', () => {
    const event = loadFixture(GO) as CodePipelineEvent;
    const events = codePipelineSource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: '11111111-abcd-1111-abcd-111111abcdef',
        source: 'aws:codepipeline',
        type: 'com.amazonaws.codepipeline.job',
        datacontenttype: 'application/json',
        data: event['CodePipeline.job'],
      },
    ]);
    expect(codePipelineSource.toCloudEvents(loadFixture(SAM) as CodePipelineEvent)[0]?.id).toBe('c968ef10-6415-4127-80b1-42502218a8c7');
    expectValidCloudEvents(events);
    const noId = codePipelineSource.toCloudEvents({ 'CodePipeline.job': {} } as CodePipelineEvent, { awsRequestId: 'req-2' });
    expect(noId[0]?.id).toBe('req-2');
    expectValidCloudEvents(noId);
  });

  for (const makeApp of APPS) {
    it(`${makeApp().name}: event and record mode deliver the job; a failure rejects`, async () => {
      const event = loadFixture(GO) as CodePipelineEvent;
      const echo = makeApp();
      expect(((await invoke(echo, event)) as { statusCode: number }).statusCode).toBe(200);
      expectEventModeRequest(echo.received, event, '/aws.codepipeline');
      const records = makeApp();
      await invoke(records, event, 'record');
      expect(records.received.length).toBe(1);
      expect(records.received[0]?.url).toBe('/aws.codepipeline');
      expect(records.received[0]?.headers['ce-id']).toBe('11111111-abcd-1111-abcd-111111abcdef');
      expect(JSON.parse(records.received[0]?.body.toString() ?? '')).toEqual(event['CodePipeline.job']);
      await expect(invoke(makeApp(() => ({ status: 502 })), event)).rejects.toBeInstanceOf(EventDeliveryError);
    });
  }
});
