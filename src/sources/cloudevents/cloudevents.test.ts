import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../testing.js';
import { cloudEventSource, isStructuredCloudEvent, type StructuredCloudEvent } from './index.js';

const load = (path: string) => loadFixture(path) as StructuredCloudEvent;

describe('structured CloudEvents as the invocation event', () => {
  it('passes a 1.0 event through, attributes and data unchanged', () => {
    const event = load('documented/cloudevents/structured-1.0.json');
    const events = cloudEventSource.toCloudEvents(event);
    expect(plain(events)).toEqual([event]);
    expect(events[0]).not.toBe(event);
    expectValidCloudEvents(events);
  });

  it('normalises 0.3 to 1.0: schemaurl → dataschema, base64 data → data_base64', () => {
    const events = cloudEventSource.toCloudEvents(load('documented/cloudevents/structured-0.3.json'));
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'C234-1234-1234',
        source: '/mycontext',
        type: 'com.example.someevent',
        time: '2018-04-05T17:31:00Z',
        comexampleextension1: 'value',
        dataschema: 'https://example.com/schemas/someevent.json',
        datacontenttype: 'application/octet-stream',
        data_base64: 'AQIDBA==',
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('keeps 0.3 data that is not base64-encoded as data', () => {
    const events = cloudEventSource.toCloudEvents({ specversion: '0.3', id: '1', source: 's', type: 't', datacontenttype: 'application/json', data: { a: 1 } });
    expect(plain(events)).toEqual([{ specversion: '1.0', id: '1', source: 's', type: 't', datacontenttype: 'application/json', data: { a: 1 } }]);
    expectValidCloudEvents(events);
  });

  it('drops null attributes but keeps null data', () => {
    const events = cloudEventSource.toCloudEvents({ specversion: '1.0', id: '1', source: 's', type: 't', subject: null, data: null });
    expect(plain(events)).toEqual([{ specversion: '1.0', id: '1', source: 's', type: 't', data: null }]);
  });

  it('answers an unusable CloudEvent with the generic invocation CloudEvent', () => {
    const context = { awsRequestId: 'req-5' };
    for (const event of [
      { specversion: '2.0', id: '1', source: 's', type: 't' },
      { specversion: '1.0', source: 's', type: 't' },
      { specversion: '1.0', id: '', source: 's', type: 't' },
      { specversion: '1.0', id: '1', source: 's', type: 7 },
      { specversion: '1.0', id: '1', source: '', type: 't' },
    ]) {
      const events = cloudEventSource.toCloudEvents(event, context);
      expect(plain(events)).toEqual([
        { specversion: '1.0', id: 'req-5', source: 'urn:aws:lambda', type: 'com.amazonaws.lambda.invoke', datacontenttype: 'application/json', data: event },
      ]);
      expectValidCloudEvents(events);
    }
  });

  it('detects on specversion with a string source', () => {
    expect(isStructuredCloudEvent({ specversion: '1.0', source: '/s' })).toBe(true);
    expect(isStructuredCloudEvent({ specversion: '1.0', source: 1 })).toBe(false);
    expect(isStructuredCloudEvent({ specversion: 1, source: '/s' })).toBe(false);
  });
});
