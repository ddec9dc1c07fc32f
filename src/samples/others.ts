import { base64, digits, isoNow, obj, str, uuid } from './build.js';
import type { SampleDefinition, SampleOverrides } from './types.js';

// Google Pub/Sub push, Azure Event Grid and CloudEvents, after the platforms' documented formats
// (test/fixtures/documented/google/pubsub-push.json, azure/eventgrid-blob-created.json,
// cloudevents/structured-1.0.json).

function pubSubPush(overrides: SampleOverrides): unknown {
  const project = str(overrides, 'project', 'example-project');
  const id = digits(16);
  const time = isoNow();
  return {
    message: {
      attributes: obj(overrides, 'attributes', {}),
      data: base64(overrides.data ?? { message: 'Hello from Pub/Sub' }),
      messageId: id,
      message_id: id,
      publishTime: time,
      publish_time: time,
    },
    subscription: `projects/${project}/subscriptions/${str(overrides, 'subscription', 'example-push')}`,
  };
}

function eventGrid(overrides: SampleOverrides): unknown {
  const account = str(overrides, 'account', 'examplestorage');
  const container = str(overrides, 'container', 'books');
  const blob = str(overrides, 'blob', 'dune.pdf');
  return [
    {
      topic: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/example/providers/Microsoft.Storage/storageAccounts/${account}`,
      subject: str(overrides, 'subject', `/blobServices/default/containers/${container}/blobs/${blob}`),
      eventType: str(overrides, 'eventType', 'Microsoft.Storage.BlobCreated'),
      eventTime: isoNow(),
      id: uuid(),
      data: overrides.data ?? {
        api: 'PutBlob',
        clientRequestId: uuid(),
        requestId: uuid(),
        eTag: `0x8D${digits(13)}`,
        contentType: 'application/octet-stream',
        contentLength: 524288,
        blobType: 'BlockBlob',
        url: `https://${account}.blob.core.windows.net/${container}/${blob}`,
        sequencer: digits(32),
        storageDiagnostics: { batchId: uuid() },
      },
      dataVersion: '',
      metadataVersion: '1',
    },
  ];
}

function cloudEvent(overrides: SampleOverrides): unknown {
  const event: Record<string, unknown> = {
    specversion: '1.0',
    id: uuid(),
    source: str(overrides, 'source', '/books/catalog'),
    type: str(overrides, 'type', 'com.example.book.published'),
    time: isoNow(),
    datacontenttype: str(overrides, 'datacontenttype', 'application/json'),
  };
  if (overrides.subject !== undefined) event.subject = str(overrides, 'subject', '');
  for (const [name, value] of Object.entries(obj(overrides, 'extensions', {}))) event[name] = value;
  event.data = overrides.data ?? { isbn: '9780441013593', title: 'Dune' };
  return event;
}

/** Google, Azure and CloudEvents samples. */
export const otherSamples: readonly SampleDefinition[] = [
  { name: 'google.pubsub', description: 'Google Pub/Sub push request body (wrapped)', overrides: ['project', 'subscription', 'data', 'attributes'], build: pubSubPush },
  { name: 'azure.eventgrid', description: 'Azure Event Grid (Event Grid schema): a blob was created', overrides: ['account', 'container', 'blob', 'subject', 'eventType', 'data'], build: eventGrid },
  { name: 'cloudevent', description: 'CloudEvent 1.0, structured JSON', overrides: ['source', 'type', 'subject', 'datacontenttype', 'data', 'extensions'], build: cloudEvent },
];
