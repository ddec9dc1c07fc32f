/**
 * createCloudEventFunction inside the real Functions Framework 5: each function is registered with
 * `functions.cloudEvent`, served by the framework's own `getTestServer` on loopback, and sent what
 * Google sends (a Pub/Sub push, a legacy Storage event, Eventarc binary CloudEvents, Firestore's
 * protobuf data). Asserts what the app received and what the framework answered the platform.
 */
import { createRequire } from 'node:module';
import { isUtf8 } from 'node:buffer';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as functions from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { loadFixture } from '../../../test/fixtures/load.js';
import { express5App, honoApp } from '../../../test/apps/echo.js';
import type { EchoApp, Respond } from '../../../test/apps/echo.js';
import { fromHttp } from '../../cloudevents/http/decode.js';
import { EventDeliveryError } from '../../errors.js';
import { createCloudEventFunction } from './index.js';
import type { CloudEventFunctionOptions } from './index.js';

const servers: Server[] = [];
let counter = 0;

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

beforeEach(() => {
  // The framework logs every failed function's error: keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

/** Register `app` as a CloudEvent function and serve it with the framework's test server on loopback. */
async function serve(app: EchoApp, options?: CloudEventFunctionOptions): Promise<string> {
  const name = `fn${++counter}`;
  functions.cloudEvent(name, createCloudEventFunction(app.app, options));
  return listen(getTestServer(name));
}

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const post = (url: string, headers: Record<string, string>, body: string | Buffer) => fetch(url, { method: 'POST', headers, body });

const apps: Array<[string, (respond?: Respond) => EchoApp]> = [
  ['Express 5', express5App],
  ['Hono', honoApp],
];

const TRACEPARENT = '00-65088630f09e0a5359677a7429456db7-97f23477fb2bf5ec-01';

/** DocumentEventData { value: Document { name, fields { count: 4, ratio: 3.14 } } } as protobuf bytes. */
function firestoreProtobuf(): Buffer {
  const bytes = (...parts: Array<number | Buffer | string>) => Buffer.concat(parts.map((p) => (typeof p === 'number' ? Buffer.from([p]) : Buffer.from(p))));
  const field = (tag: number, payload: Buffer) => bytes(tag, payload.length, payload);
  const double = Buffer.alloc(8);
  double.writeDoubleLE(3.14);
  const count = field(0x0a, bytes('count')).subarray(0), countValue = field(0x12, bytes(0x10, 0x04));
  const ratio = field(0x0a, bytes('ratio')), ratioValue = field(0x12, bytes(0x19, double));
  const name = field(0x0a, bytes('projects/project-id/databases/(default)/documents/gcf-test/2Vm2mI1d0wIaK2Waj5to'));
  const document = bytes(name, field(0x12, bytes(count, countValue)), field(0x12, bytes(ratio, ratioValue)));
  return field(0x0a, document);
}

describe.each(apps)('createCloudEventFunction in the Functions Framework, %s', (_name, make) => {
  it('a wrapped Pub/Sub push: the framework converts it, the app gets /google.pubsub in binary mode; 204', async () => {
    const app = make();
    const url = await serve(app);
    const push = loadFixture('documented/google/pubsub-push.json') as { message: { data: string; messageId: string; publishTime: string; attributes: Record<string, string> } };
    const response = await post(`${url}/projects/shop-prod/topics/orders`, { 'content-type': 'application/json' }, JSON.stringify(push));
    expect(response.status).toBe(204);
    expect(app.received).toHaveLength(1);
    const received = app.received[0]!;
    expect(received.method).toBe('POST');
    expect(received.url).toBe('/google.pubsub');
    expect(received.headers['ce-specversion']).toBe('1.0');
    expect(received.headers['ce-id']).toBe('9876543210123456');
    expect(received.headers['ce-type']).toBe('google.cloud.pubsub.topic.v1.messagePublished');
    expect(received.headers['ce-source']).toBe('//pubsub.googleapis.com/projects/shop-prod/topics/orders');
    expect(received.headers['content-type']).toBe('application/json');
    const data = JSON.parse(received.body.toString('utf8')) as { message: { data: string } };
    expect(data).toEqual({
      message: {
        '@type': 'type.googleapis.com/google.pubsub.v1.PubsubMessage',
        data: push.message.data,
        attributes: push.message.attributes,
        messageId: push.message.messageId,
        publishTime: push.message.publishTime,
      },
    });
    expect(Buffer.from(data.message.data, 'base64').toString()).toBe('{"order":42}');
    expect(received.headers['content-length']).toBe(String(received.body.length));
  });

  it('a legacy Storage event: converted by the framework, delivered to /google.storage with its subject', async () => {
    const app = make();
    const url = await serve(app);
    const legacy = loadFixture('documented/google/gcf-legacy-storage.json') as { data: unknown };
    const response = await post(url, { 'content-type': 'application/json' }, JSON.stringify(legacy));
    expect(response.status).toBe(204);
    const received = app.received[0]!;
    expect(received.url).toBe('/google.storage');
    expect(received.headers['ce-type']).toBe('google.cloud.storage.object.v1.finalized');
    expect(received.headers['ce-source']).toBe('//storage.googleapis.com/projects/_/buckets/some-bucket');
    expect(received.headers['ce-subject']).toBe('objects/folder/Test.cs');
    expect(received.headers['ce-id']).toBe('1147091835525187');
    expect(JSON.parse(received.body.toString())).toEqual(legacy.data);
  });

  it('a binary CloudEvent from Eventarc: attributes, traceparent and the Storage object reach the app', async () => {
    const app = make();
    const url = await serve(app);
    const object = loadFixture('documented/google/storage-object-data.json');
    const response = await post(
      url,
      {
        'content-type': 'application/json',
        'ce-specversion': '1.0',
        'ce-id': '1234567890',
        'ce-source': '//storage.googleapis.com/projects/_/buckets/sample-bucket',
        'ce-type': 'google.cloud.storage.object.v1.finalized',
        'ce-subject': 'objects/MyFile',
        'ce-time': '2020-05-06T15:14:15.917Z',
        traceparent: TRACEPARENT,
      },
      JSON.stringify(object),
    );
    expect(response.status).toBe(204);
    const received = app.received[0]!;
    // The path names the service, never the bucket of `source`.
    expect(received.url).toBe('/google.storage');
    expect(received.headers.traceparent).toBe(TRACEPARENT);
    expect(received.headers['ce-subject']).toBe('objects/MyFile');
    expect(received.headers['ce-time']).toBe('2020-05-06T15:14:15.917Z');
    expect(received.body.toString()).toBe(JSON.stringify(object));
    // The app reads it back with the package's own binding helpers.
    const event = fromHttp({ headers: received.headers as Record<string, string>, body: received.body });
    expect(event).toMatchObject({ id: '1234567890', type: 'google.cloud.storage.object.v1.finalized', data: object });
    expect(received.invocation?.cloudEvent?.id).toBe('1234567890');
  });

  it('a Firestore event: protobuf data reaches the app byte for byte as application/protobuf', async () => {
    const app = make();
    const url = await serve(app);
    const protobuf = firestoreProtobuf();
    expect(isUtf8(protobuf)).toBe(false);
    const response = await post(
      url,
      {
        'content-type': 'application/protobuf',
        'ce-specversion': '1.0',
        'ce-id': '7b8d9a8c-1e2f',
        'ce-source': '//firestore.googleapis.com/projects/project-id/databases/(default)',
        'ce-type': 'google.cloud.firestore.document.v1.written',
        'ce-subject': 'documents/gcf-test/2Vm2mI1d0wIaK2Waj5to',
        'ce-time': '2020-04-23T12:00:27.247187Z',
        'ce-dataschema': 'https://github.com/googleapis/google-cloudevents/blob/main/proto/google/events/cloud/firestore/v1/data.proto',
        traceparent: TRACEPARENT,
      },
      protobuf,
    );
    expect(response.status).toBe(204);
    const received = app.received[0]!;
    expect(received.url).toBe('/google.firestore');
    expect(received.headers['content-type']).toBe('application/protobuf');
    expect(received.body.equals(protobuf)).toBe(true);
    expect(received.headers['ce-subject']).toBe('documents/gcf-test/2Vm2mI1d0wIaK2Waj5to');
    expect(received.headers.traceparent).toBe(TRACEPARENT);
  });

  it.each([
    ['answers 500', ((): ReturnType<Respond> => ({ status: 500, body: 'database down' })) as Respond, 500, 'EVENT_REJECTED', 'the app answered 500 to POST /google.storage: database down'],
    ['answers 404', ((): ReturnType<Respond> => ({ status: 404, body: '' })) as Respond, 404, 'EVENT_REJECTED', 'the app answered 404 to POST /google.storage'],
    ['throws', ((): ReturnType<Respond> => 'throw') as Respond, 500, undefined, undefined],
  ])('the app %s: the framework answers 500 (X-Google-Status: error), so the platform retries', async (_case, respond, status, code, message) => {
    const app = make(respond);
    const errors: unknown[] = [];
    const fn = createCloudEventFunction(app.app);
    const name = `fn${++counter}`;
    functions.cloudEvent(name, (event: Parameters<typeof fn>[0]) => fn(event).catch((error: unknown) => {
      errors.push(error);
      throw error;
    }));
    const url = await listen(getTestServer(name));
    const legacy = loadFixture('documented/google/gcf-legacy-storage.json');
    const response = await post(url, { 'content-type': 'application/json' }, JSON.stringify(legacy));
    expect(response.status).toBe(500);
    expect(response.headers.get('x-google-status')).toBe('error');
    expect(app.received).toHaveLength(1);
    const error = errors[0] as EventDeliveryError;
    expect(error).toBeInstanceOf(EventDeliveryError);
    expect(error.path).toBe('/google.storage');
    // A thrown error is answered by the framework (Express's error page, Hono's onError): a 500 like any other.
    expect(error.code).toBe(code ?? 'EVENT_REJECTED');
    expect(error.statusCode).toBe(status);
    if (message !== undefined) expect(await response.text()).toBe(message);
  });

  it('routes win over Google paths; mode event sends the CloudEvent in structured mode', async () => {
    const app = make();
    const url = await serve(app, { mode: 'event', routes: { 'google.cloud.storage.object.v1.*': '/uploads' } });
    const legacy = loadFixture('documented/google/gcf-legacy-storage.json') as { data: unknown };
    expect((await post(url, { 'content-type': 'application/json' }, JSON.stringify(legacy))).status).toBe(204);
    const received = app.received[0]!;
    expect(received.url).toBe('/uploads');
    expect(received.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(received.headers['ce-id']).toBeUndefined();
    expect(JSON.parse(received.body.toString())).toMatchObject({ id: '1147091835525187', subject: 'objects/folder/Test.cs', data: legacy.data });
  });
});

describe('legacy background functions (data, context): the framework\'s event signature type', () => {
  // Functions Framework 5 still calls `(data, context)` functions when deployed with
  // --signature-type=event; its server is not in the package's exports, so it is loaded by file.
  const require = createRequire(import.meta.url);
  const frameworkDir = require.resolve('@google-cloud/functions-framework').replace(/index\.js$/, '');
  const { getServer } = require(`${frameworkDir}server.js`) as { getServer: (fn: unknown, options: Record<string, unknown>) => Server };
  const eventServer = (fn: unknown) =>
    getServer(fn, { signatureType: 'event', enableExecutionId: false, timeoutMilliseconds: 0, port: '0', target: '', sourceLocation: '', printHelp: false, ignoredRoutes: null });

  it.each(apps)('%s: a legacy Storage event reaches /google.storage as the same CloudEvent; 204, or 500 on failure', async (_name, make) => {
    let status = 200;
    const app = make(() => ({ status }));
    const url = await listen(eventServer(createCloudEventFunction(app.app)));
    const legacy = loadFixture('documented/google/gcf-legacy-storage.json') as { data: unknown; context: unknown };
    expect((await post(url, { 'content-type': 'application/json' }, JSON.stringify(legacy))).status).toBe(204);
    const received = app.received[0]!;
    expect(received.url).toBe('/google.storage');
    expect(received.headers['ce-type']).toBe('google.cloud.storage.object.v1.finalized');
    expect(received.headers['ce-subject']).toBe('objects/folder/Test.cs');
    expect(JSON.parse(received.body.toString())).toEqual(legacy.data);
    expect(received.invocation?.event).toEqual({ data: legacy.data, context: legacy.context });
    status = 503;
    expect((await post(url, { 'content-type': 'application/json' }, JSON.stringify(legacy))).status).toBe(500);
  });
});
