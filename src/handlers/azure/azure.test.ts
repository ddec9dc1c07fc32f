/**
 * createAzureFunctionHandler with the real classes of @azure/functions 4: invocations are built as the
 * worker builds them (`InvocationContext` with the trigger binding and camel-cased trigger metadata,
 * `HttpRequest`), with payloads and metadata from the Azure docs and the library's own tests; answers
 * go through the library's `HttpResponse`. Asserts what the app received and what the host gets.
 */
import { isUtf8 } from 'node:buffer';
import { HttpRequest, HttpResponse, InvocationContext, trigger } from '@azure/functions';
import type { FunctionTrigger } from '@azure/functions';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { express5App, honoApp } from '../../../test/apps/echo.js';
import type { EchoApp, Respond } from '../../../test/apps/echo.js';
import { EventDeliveryError } from '../../errors.js';
import { createAzureFunctionHandler } from './index.js';

beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

function invocation(binding: FunctionTrigger, triggerMetadata?: Record<string, unknown>, extra: Partial<ConstructorParameters<typeof InvocationContext>[0]> = {}) {
  return new InvocationContext({ invocationId: 'inv-1', functionName: 'books', triggerMetadata, options: { trigger: binding }, traceContext: { traceParent: TRACEPARENT }, ...extra });
}

const apps: Array<[string, (respond?: Respond) => EchoApp]> = [
  ['Express 5', express5App],
  ['Hono', honoApp],
];

const json = (body: Buffer) => JSON.parse(body.toString('utf8')) as unknown;

describe.each(apps)('createAzureFunctionHandler, %s', (_name, make) => {
  it('Event Grid (Event Grid schema): /azure.eventgrid, the event as a CloudEvent', async () => {
    const app = make();
    const event = {
      id: '831e1650-001e-001b-66ab-eeb76e069631',
      topic: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/my-storage-account',
      subject: '/blobServices/default/containers/test-container/blobs/new-file.txt',
      eventType: 'Microsoft.Storage.BlobCreated',
      eventTime: '2017-06-26T18:41:00.9584103Z',
      data: { api: 'PutBlockList', contentType: 'text/plain', contentLength: 524288, blobType: 'BlockBlob', url: 'https://my-storage-account.blob.core.windows.net/testcontainer/new-file.txt' },
      dataVersion: '',
      metadataVersion: '1',
    };
    await expect(createAzureFunctionHandler(app.app)(event, invocation(trigger.eventGrid({})))).resolves.toBeUndefined();
    const received = app.received[0]!;
    expect(received.url).toBe('/azure.eventgrid');
    expect(received.headers['ce-id']).toBe(event.id);
    expect(received.headers['ce-type']).toBe('Microsoft.Storage.BlobCreated');
    expect(received.headers['ce-source']).toBe(event.topic);
    expect(received.headers['ce-subject']).toBe(event.subject);
    expect(received.headers.traceparent).toBe(TRACEPARENT);
    expect(json(received.body)).toEqual(event.data);
    expect(received.invocation?.context).toBeInstanceOf(InvocationContext);
  });

  it('Event Grid (CloudEvents schema): the event as it is', async () => {
    const app = make();
    const event = { specversion: '1.0', id: '9aeb0fdf', source: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct', type: 'Microsoft.Storage.BlobCreated', subject: '/blobServices/default/containers/c/blobs/b', time: '2019-11-18T15:13:39.4589254Z', data: { api: 'PutBlockList' } };
    await createAzureFunctionHandler(app.app)(event, invocation(trigger.eventGrid({})));
    expect(app.received[0]!.headers['ce-id']).toBe('9aeb0fdf');
    expect(json(app.received[0]!.body)).toEqual({ api: 'PutBlockList' });
  });

  it('Storage Queue: /azure.storage.queue, id, insertion time and dequeueCount as x-delivery-attempt; a failure rejects', async () => {
    let status = 200;
    const app = make(() => ({ status, body: status === 200 ? 'ok' : 'not now' }));
    const handler = createAzureFunctionHandler(app.app);
    // Metadata as the library's own fromRpcTriggerMetadata test shows it for a queueTrigger.
    const metadata = { queueTrigger: { name: 'world' }, dequeueCount: 1, expirationTime: '2022-09-01T05:06:39+00:00', id: '814b3b66-0200-4121-8ef3-405846a124bf', insertionTime: '2022-08-25T05:06:39+00:00', nextVisibleTime: '2022-08-25T05:16:40+00:00', popReceipt: 'AgAAAAMAAAAAAAAAY5ar20G42AE=' };
    const context = invocation(trigger.storageQueue({ queueName: 'jobs', connection: 'AzureWebJobsStorage' }), metadata);
    await handler({ name: 'world' }, context);
    const received = app.received[0]!;
    expect(received.method).toBe('POST');
    expect(received.url).toBe('/azure.storage.queue');
    expect(received.headers['ce-id']).toBe('814b3b66-0200-4121-8ef3-405846a124bf');
    expect(received.headers['ce-time']).toBe('2022-08-25T05:06:39+00:00');
    expect(received.headers['ce-type']).toBe('com.microsoft.azure.storage.queue.message');
    expect(received.headers['ce-source']).toBe('urn:azure:functions:books');
    expect(received.headers['x-delivery-attempt']).toBe('1');
    expect(received.headers['content-type']).toBe('application/json');
    expect(json(received.body)).toEqual({ name: 'world' });
    status = 503;
    const retried = invocation(trigger.storageQueue({ queueName: 'jobs', connection: 'c' }), { ...metadata, dequeueCount: 5 });
    const error = await handler('plain text job', retried).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventDeliveryError);
    expect(error).toMatchObject({ code: 'EVENT_REJECTED', statusCode: 503, body: 'not now', path: '/azure.storage.queue' });
    expect(app.received[1]!.headers['x-delivery-attempt']).toBe('5');
    expect(app.received[1]!.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(app.received[1]!.body.toString()).toBe('plain text job');
  });

  it.each([
    ['queue', trigger.serviceBusQueue({ queueName: 'orders', connection: 'ServiceBus' })],
    ['topic', trigger.serviceBusTopic({ topicName: 'orders', subscriptionName: 'billing', connection: 'ServiceBus' })],
  ])('Service Bus %s: /azure.servicebus, messageId, enqueued time, deliveryCount, text by contentType', async (_kind, binding) => {
    const app = make();
    // As the library's own test shows a serviceBusTrigger's metadata.
    const metadata = { deliveryCount: 2, lockToken: '00000000-0000-0000-0000-000000000000', expiresAtUtc: '2022-09-08T05:06:39.775Z', enqueuedTimeUtc: '2022-08-25T05:06:39.775Z', messageId: 'a11f788b439b4c5daa6a9f173bf78d68', contentType: 'text/plain', sequenceNumber: 17, userProperties: { $AzureWebJobsParentId: '4cad516d-0081-4fa8-8ddb-2f898c664d2b' } };
    await createAzureFunctionHandler(app.app)('hello world', invocation(binding, metadata));
    const received = app.received[0]!;
    expect(received.url).toBe('/azure.servicebus');
    expect(received.headers['ce-id']).toBe('a11f788b439b4c5daa6a9f173bf78d68');
    expect(received.headers['ce-time']).toBe('2022-08-25T05:06:39.775Z');
    expect(received.headers['ce-sequence']).toBe('17');
    expect(received.headers['x-delivery-attempt']).toBe('2');
    expect(received.headers['content-type']).toBe('text/plain');
    expect(received.body.toString()).toBe('hello world');
  });

  it('Service Bus cardinality many: each message one request, in order, with its own metadata', async () => {
    const app = make();
    const binding = trigger.serviceBusQueue({ queueName: 'orders', connection: 'ServiceBus', cardinality: 'many' });
    const metadata = { messageIdArray: ['m1', 'm2'], deliveryCountArray: [1, 3], enqueuedTimeUtcArray: ['2022-08-25T05:06:39.775Z', '2022-08-25T05:06:40.775Z'], sequenceNumberArray: [17, 18] };
    await createAzureFunctionHandler(app.app)([{ n: 1 }, { n: 2 }], invocation(binding, metadata));
    expect(app.received.map((r) => [r.headers['ce-id'], r.headers['x-delivery-attempt'], json(r.body)])).toEqual([['m1', '1', { n: 1 }], ['m2', '3', { n: 2 }]]);
  });

  it('Event Hubs cardinality one: /azure.eventhubs, id partition:sequence, source from the partition context', async () => {
    const app = make();
    const binding = trigger.eventHub({ eventHubName: 'telemetry', connection: 'EventHub', cardinality: 'one' });
    const metadata = {
      partitionContext: { fullyQualifiedNamespace: 'contoso.servicebus.windows.net', eventHubName: 'telemetry', consumerGroup: '$Default', partitionId: '3' },
      enqueuedTimeUtc: '2023-10-01T12:00:00.123Z', offset: '4294967296', sequenceNumber: 42, partitionKey: 'device-7', properties: {}, systemProperties: {},
    };
    await createAzureFunctionHandler(app.app)({ temperature: 21.5 }, invocation(binding, metadata));
    const received = app.received[0]!;
    expect(received.url).toBe('/azure.eventhubs');
    expect(received.headers['ce-id']).toBe('3:42');
    expect(received.headers['ce-source']).toBe('sb://contoso.servicebus.windows.net/telemetry');
    expect(received.headers['ce-partitionkey']).toBe('device-7');
    expect(received.headers['ce-time']).toBe('2023-10-01T12:00:00.123Z');
    expect(json(received.body)).toEqual({ temperature: 21.5 });
  });

  it('Event Hubs cardinality many (host-shaped binding, no cardinality on it): in order; the first failure rejects, the rest are not sent', async () => {
    const app = make((r) => (r.body.toString() === 'b' ? { status: 500, body: 'bad reading' } : { status: 202 }));
    // The host's binding info carries type and name only: the batch is told by the metadata arrays.
    const binding = { type: 'eventHubTrigger', name: 'messages' } as FunctionTrigger;
    const metadata = {
      partitionContext: { fullyQualifiedNamespace: 'contoso.servicebus.windows.net', eventHubName: 'telemetry', partitionId: '0' },
      enqueuedTimeUtcArray: ['2023-10-01T12:00:00Z', '2023-10-01T12:00:01Z', '2023-10-01T12:00:02Z'], sequenceNumberArray: [1, 2, 3], offsetArray: ['0', '8', '16'],
    };
    const error = await createAzureFunctionHandler(app.app)(['a', 'b', 'c'], invocation(binding, metadata)).catch((e: unknown) => e);
    expect(app.received.map((r) => r.headers['ce-id'])).toEqual(['0:1', '0:2']);
    expect(error).toBeInstanceOf(EventDeliveryError);
    expect(error).toMatchObject({ code: 'RECORDS_FAILED', statusCode: 500, path: '/azure.eventhubs' });
    expect((error as EventDeliveryError).failures?.map((f) => f.index)).toEqual([1, 2]);
  });

  it('an array message with cardinality one is one item', async () => {
    const app = make();
    await createAzureFunctionHandler(app.app)([1, 2], invocation({ type: 'eventHubTrigger', name: 'm' } as FunctionTrigger, { sequenceNumber: 5, enqueuedTimeUtc: '2023-10-01T12:00:00Z' }));
    expect(app.received).toHaveLength(1);
    expect(json(app.received[0]!.body)).toEqual([1, 2]);
  });

  it('Cosmos DB: each changed document one request, in order, at /azure.cosmosdb', async () => {
    const app = make();
    const documents = [
      { id: 'book-1', title: 'Dune', _rid: 'x1', _etag: '"00000000-0000-0000-0000-000000000001"', _ts: 1700000000, _lsn: 11 },
      { id: 'book-2', title: 'Emma', _rid: 'x2', _etag: '"00000000-0000-0000-0000-000000000002"', _ts: 1700000001, _lsn: 12 },
    ];
    await createAzureFunctionHandler(app.app)(documents, invocation(trigger.cosmosDB({ connection: 'Cosmos', databaseName: 'Library', containerName: 'Books', createLeaseContainerIfNotExists: true })));
    expect(app.received.map((r) => [r.url, r.headers['ce-id'], r.headers['ce-subject'], r.headers['ce-time']])).toEqual([
      ['/azure.cosmosdb', 'book-1@11', 'book-1', '2023-11-14T22:13:20.000Z'],
      ['/azure.cosmosdb', 'book-2@12', 'book-2', '2023-11-14T22:13:21.000Z'],
    ]);
    expect(json(app.received[1]!.body)).toEqual(documents[1]);
  });

  it('Blob: the bytes as they are, typed by the blob, subject the blob path, source its container', async () => {
    const app = make();
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
    expect(isUtf8(bytes)).toBe(false);
    // Metadata as the library's own test shows a blobTrigger's (properties abridged).
    const metadata = {
      blobTrigger: 'helloworldcontainer/hello-at-2022-08-25T05-06-38Z',
      uri: 'https://test.blob.core.windows.net/helloworldcontainer/hello-at-2022-08-25T05-06-38Z',
      properties: { length: 10, contentType: 'image/png', eTag: '"0x8DA8657981E929A"', created: '2022-08-25T05:06:39+00:00', lastModified: '2022-08-25T05:06:39+00:00' },
      metadata: { azureWebJobsParentId: '4cad516d-0081-4fa8-8ddb-2f898c664d2b' },
      name: 'hello-at-2022-08-25T05-06-38Z',
    };
    await createAzureFunctionHandler(app.app)(bytes, invocation(trigger.storageBlob({ path: 'helloworldcontainer/{name}', connection: 'AzureWebJobsStorage' }), metadata));
    const received = app.received[0]!;
    expect(received.url).toBe('/azure.storage.blob');
    expect(received.body.equals(bytes)).toBe(true);
    expect(received.headers['content-type']).toBe('image/png');
    expect(received.headers['ce-id']).toBe('0x8DA8657981E929A');
    expect(received.headers['ce-subject']).toBe('helloworldcontainer/hello-at-2022-08-25T05-06-38Z');
    expect(received.headers['ce-source']).toBe('https://test.blob.core.windows.net/helloworldcontainer');
    expect(received.headers['ce-time']).toBe('2022-08-25T05:06:39+00:00');
  });

  it('Timer: /azure.timer with the timer object; a throw rejects', async () => {
    const app = make(() => 'throw');
    const timer = { schedule: { adjustForDST: true }, scheduleStatus: { last: '2024-01-01T00:00:00Z', next: '2024-01-01T00:05:00Z', lastUpdated: '2024-01-01T00:00:00Z' }, isPastDue: false };
    const error = await createAzureFunctionHandler(app.app)(timer, invocation(trigger.timer({ schedule: '0 */5 * * * *' }), undefined, { invocationId: 'inv-7' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventDeliveryError);
    expect((error as EventDeliveryError).statusCode).toBe(500);
    const received = app.received[0]!;
    expect(received.url).toBe('/azure.timer');
    expect(received.headers['ce-id']).toBe('inv-7');
    expect(received.headers['ce-type']).toBe('com.microsoft.azure.functions.timer.fired');
    expect(json(received.body)).toEqual(timer);
  });

  it('HTTP: the carried request (method, path, query, headers, body bytes), answered as HttpResponseInit with cookies and binary body', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]);
    const app = make(() => ({ status: 201, body: png, headers: { 'content-type': 'image/png', 'set-cookie': ['sid=abc; Path=/; HttpOnly; SameSite=Lax', 'theme=dark; Max-Age=3600; Secure'], 'x-book': 'dune' } }));
    const upload = Buffer.from([0x00, 0xff, 0x10, 0x80]);
    const request = new HttpRequest({ method: 'POST', url: 'https://library.azurewebsites.net/api/books/dune?draft=1', headers: { 'content-type': 'application/octet-stream', 'x-client': 'test' }, body: { bytes: upload } });
    const init = await createAzureFunctionHandler(app.app)(request, invocation(trigger.http({ route: '{*path}', methods: ['GET', 'POST'] })));
    const received = app.received[0]!;
    expect(received.method).toBe('POST');
    expect(received.url).toBe('/api/books/dune?draft=1');
    expect(received.headers['x-client']).toBe('test');
    expect(received.body.equals(upload)).toBe(true);
    // What the host sends back: the library's own HttpResponse of the init.
    const response = new HttpResponse(init!);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-book')).toBe('dune');
    expect(response.headers.has('set-cookie')).toBe(false);
    expect(response.cookies).toEqual([
      { name: 'sid', value: 'abc', path: '/', httpOnly: true, sameSite: 'Lax' },
      { name: 'theme', value: 'dark', maxAge: 3600, secure: true },
    ]);
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
  });

  it('HTTP: a 404 passes through; a GET has no body; a throw is a 500 answer, not a rejection', async () => {
    let answer: ReturnType<Respond> = { status: 404, body: 'no such book', headers: { 'content-type': 'text/plain' } };
    const app = make(() => answer);
    const handler = createAzureFunctionHandler(app.app);
    const context = invocation(trigger.http({}));
    const init = await handler(new HttpRequest({ method: 'GET', url: 'http://localhost:7071/api/books/x' }), context);
    expect(init).toMatchObject({ status: 404 });
    expect(Buffer.from(init!.body!).toString()).toBe('no such book');
    expect(app.received[0]!.body.length).toBe(0);
    answer = 'throw';
    const failed = await handler(new HttpRequest({ method: 'GET', url: 'http://localhost:7071/api/books/x' }), context);
    expect(failed?.status).toBe(500);
  });

  it('routes win over trigger paths; mode event sends a batch as one CloudEvents batch request', async () => {
    const app = make();
    const handler = createAzureFunctionHandler(app.app, { mode: 'event', routes: { 'com.microsoft.azure.servicebus.*': '/orders' } });
    const metadata = { messageIdArray: ['m1', 'm2'], deliveryCountArray: [1, 1] };
    await handler(['a', 'b'], invocation(trigger.serviceBusQueue({ queueName: 'q', connection: 'c', cardinality: 'many' }), metadata));
    expect(app.received).toHaveLength(1);
    expect(app.received[0]!.url).toBe('/orders');
    expect(app.received[0]!.headers['content-type']).toBe('application/cloudevents-batch+json; charset=utf-8');
    expect((json(app.received[0]!.body) as Array<{ id: string }>).map((e) => e.id)).toEqual(['m1', 'm2']);
  });
});
