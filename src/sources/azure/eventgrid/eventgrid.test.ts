import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { eventGridSource, isEventGridEvent, type EventGridDelivery } from './index.js';

const load = (path: string) => loadFixture(path) as EventGridDelivery;

describe('Azure Event Grid', () => {
  it('maps each event of a delivery', () => {
    const events = eventGridSource.toCloudEvents(load('documented/azure/eventgrid-blob-created.json'));
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: '831e1650-001e-001b-66ab-eeb76e069631',
        source: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/Storage/providers/Microsoft.Storage/storageAccounts/xstoretestaccount',
        type: 'Microsoft.Storage.BlobCreated',
        datacontenttype: 'application/json',
        subject: '/blobServices/default/containers/testcontainer/blobs/testblob',
        time: '2017-06-26T18:41:00.9584103Z',
        data: {
          api: 'PutBlockList',
          clientRequestId: '6d79dbfb-0e37-4fc4-981f-442c9ca65760',
          requestId: '831e1650-001e-001b-66ab-eeb76e000000',
          eTag: '0x8D4BCC2E4835CD0',
          contentType: 'application/octet-stream',
          contentLength: 524288,
          blobType: 'BlockBlob',
          url: 'https://xstoretestaccount.blob.core.windows.net/testcontainer/testblob',
          sequencer: '00000000000004420000000000028963',
          storageDiagnostics: { batchId: 'b68529f3-68cd-4744-baa4-3c0498ec19f0' },
        },
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('maps the subscription validation handshake like any event, without the empty subject', () => {
    const events = eventGridSource.toCloudEvents(load('documented/azure/eventgrid-subscription-validation.json'));
    expect(plain(events)[0]).toMatchObject({
      id: '2d1781af-3a4c-4d7c-bd0c-e34b19da4e66',
      source: '/subscriptions/00000000-0000-0000-0000-000000000000',
      type: 'Microsoft.EventGrid.SubscriptionValidationEvent',
      time: '2018-01-25T22:12:19.4556811Z',
      data: { validationCode: '512d38b6-c7b8-40c8-89fe-f46f9e9622b6' },
    });
    expect('subject' in (events[0] ?? {})).toBe(false);
    expectValidCloudEvents(events);
  });

  it('maps a single event sent on its own', () => {
    const events = eventGridSource.toCloudEvents(load('documented/azure/eventgrid-custom-topic.json'));
    expect(events).toHaveLength(1);
    expect(plain(events)[0]).toMatchObject({ type: 'recordInserted', subject: '/myapp/vehicles/motorcycles', data: { make: 'Ducati', model: 'Monster' } });
    expectValidCloudEvents(events);
  });

  it('detects a delivery by eventType with eventTime, on the event or the first element', () => {
    expect(isEventGridEvent([{ eventType: 't', eventTime: '2017-06-26T18:41:00Z' }])).toBe(true);
    expect(isEventGridEvent({ eventType: 't', eventTime: '2017-06-26T18:41:00Z' })).toBe(true);
    expect(isEventGridEvent([])).toBe(false);
    expect(isEventGridEvent([{ eventType: 't' }])).toBe(false);
    expect(isEventGridEvent({ eventType: 'SyncTrigger' })).toBe(false);
  });
});
