import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../testing.js';
import { gcfLegacySource, isGcfLegacyEvent, type GcfLegacyEvent } from './functions/index.js';
import { isPubSubPush, pubSubSource, type PubSubPushEnvelope } from './pubsub/index.js';

describe('Pub/Sub push', () => {
  it('maps the envelope as the Functions Framework shapes a published message', () => {
    const envelope = loadFixture('documented/google/pubsub-push.json') as PubSubPushEnvelope;
    const events = pubSubSource.toCloudEvents(envelope);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: '9876543210123456',
        source: '//pubsub.googleapis.com/projects/shop-prod/subscriptions/orders-push',
        type: 'google.cloud.pubsub.topic.v1.messagePublished',
        datacontenttype: 'application/json',
        time: '2024-03-01T08:00:01.5Z',
        data: envelope,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('detects on subscription with a message object', () => {
    expect(isPubSubPush({ subscription: 's', message: {} })).toBe(true);
    expect(isPubSubPush({ subscription: 's', message: 'x' })).toBe(false);
    expect(isPubSubPush({ message: {} })).toBe(false);
  });
});

describe('GCF legacy events', () => {
  const load = (path: string) => loadFixture(path) as GcfLegacyEvent;

  it('maps a storage event: source and subject split off the resource', () => {
    const event = load('documented/google/gcf-legacy-storage.json');
    const events = gcfLegacySource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: '1147091835525187',
        source: '//storage.googleapis.com/projects/_/buckets/some-bucket',
        type: 'google.cloud.storage.object.v1.finalized',
        datacontenttype: 'application/json',
        subject: 'objects/folder/Test.cs',
        time: '2020-04-23T07:38:57.772Z',
        data: (event as { data: unknown }).data,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('maps a Pub/Sub event, nesting data under message with id and publish time', () => {
    const events = gcfLegacySource.toCloudEvents(load('documented/google/gcf-legacy-pubsub.json'));
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: '1215011316659232',
        source: '//pubsub.googleapis.com/projects/sample-project/topics/gcf-test',
        type: 'google.cloud.pubsub.topic.v1.messagePublished',
        datacontenttype: 'application/json',
        time: '2020-05-18T12:13:19Z',
        data: {
          message: {
            '@type': 'type.googleapis.com/google.pubsub.v1.PubsubMessage',
            attributes: { attribute1: 'value1' },
            data: 'VGhpcyBpcyBhIHNhbXBsZSBtZXNzYWdl',
            messageId: '1215011316659232',
            publishTime: '2020-05-18T12:13:19Z',
          },
        },
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('maps the older flat form the same way', () => {
    const event = load('documented/google/gcf-legacy-flat.json');
    const before = JSON.stringify(event);
    const events = gcfLegacySource.toCloudEvents(event);
    expect(JSON.stringify(event)).toBe(before);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: '1215011316659232',
        source: '//pubsub.googleapis.com/projects/sample-project/topics/gcf-test',
        type: 'google.cloud.pubsub.topic.v1.messagePublished',
        datacontenttype: 'application/json',
        time: '2020-05-18T12:13:19Z',
        data: { message: { data: '10', messageId: '1215011316659232', publishTime: '2020-05-18T12:13:19Z' } },
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('maps Firebase Auth (metadata renamed, subject users/uid) and Firestore', () => {
    const auth = gcfLegacySource.toCloudEvents({
      context: { eventId: '1', timestamp: '2020-05-18T12:13:19Z', eventType: 'providers/firebase.auth/eventTypes/user.create', resource: 'projects/my-project-id' },
      data: { email: 'test@nowhere.com', metadata: { createdAt: '2020-05-26T10:42:27Z', lastSignedInAt: '2020-10-24T11:00:00Z' }, uid: 'UUpby3s4' },
    });
    expect(plain(auth)[0]).toMatchObject({
      source: '//firebaseauth.googleapis.com/projects/my-project-id',
      type: 'google.firebase.auth.user.v1.created',
      subject: 'users/UUpby3s4',
      data: { email: 'test@nowhere.com', metadata: { createTime: '2020-05-26T10:42:27Z', lastSignInTime: '2020-10-24T11:00:00Z' }, uid: 'UUpby3s4' },
    });
    const firestore = gcfLegacySource.toCloudEvents({
      context: { eventId: '2', timestamp: '2020-05-18T12:13:19Z', eventType: 'providers/cloud.firestore/eventTypes/document.write', resource: 'projects/p/databases/(default)/documents/users/alice' },
      data: {},
    });
    expect(plain(firestore)[0]).toMatchObject({
      source: '//firestore.googleapis.com/projects/p/databases/(default)',
      type: 'google.cloud.firestore.document.v1.written',
      subject: 'documents/users/alice',
    });
    const databaseEvent = {
      context: { eventId: '3', timestamp: '2020-05-18T12:13:19Z', eventType: 'providers/google.firebase.database/eventTypes/ref.write', resource: 'projects/_/instances/my-db/refs/a/b' },
      domain: 'europe-west1.firebasedatabase.app',
      data: {},
    };
    const database = gcfLegacySource.toCloudEvents(databaseEvent);
    expect(plain(database)[0]).toMatchObject({
      source: '//firebasedatabase.googleapis.com/projects/_/locations/europe-west1/instances/my-db',
      subject: 'refs/a/b',
    });
    expect(gcfLegacySource.route(databaseEvent)).toBe('/google.firebasedatabase');
    expectValidCloudEvents([...auth, ...firestore, ...database]);
  });

  it('keeps an unknown legacy type and service, routed to /google.functions', () => {
    const event = { context: { eventId: '9', timestamp: '2020-05-18T12:13:19Z', eventType: 'constructor', resource: { service: 'x.googleapis.com', name: 'projects/p/things/t' } }, data: { a: 1 } };
    expect(gcfLegacySource.route(event)).toBe('/google.functions');
    const events = gcfLegacySource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      { specversion: '1.0', id: '9', source: '//x.googleapis.com/projects/p/things/t', type: 'constructor', datacontenttype: 'application/json', time: '2020-05-18T12:13:19Z', data: { a: 1 } },
    ]);
    expectValidCloudEvents(events);
  });

  it('routes by service from a fixed table, never from event data', () => {
    const route = (eventType: string, service?: string) =>
      gcfLegacySource.route({ context: { eventType, resource: service === undefined ? 'r' : { service, name: 'r' } }, data: {} });
    expect(route('google.storage.object.finalize')).toBe('/google.storage');
    expect(route('google.pubsub.topic.publish')).toBe('/google.pubsub');
    expect(route('providers/cloud.firestore/eventTypes/document.write')).toBe('/google.firestore');
    expect(route('providers/firebase.auth/eventTypes/user.create')).toBe('/google.firebaseauth');
    expect(route('providers/google.firebase.database/eventTypes/ref.write')).toBe('/google.firebasedatabase');
    expect(route('providers/google.firebase.analytics/eventTypes/event.log')).toBe('/google.firebase');
    expect(route('x', '../../admin')).toBe('/google.functions');
  });

  it('detects the nested and the flat form, not Event Grid or Cognito Sync', () => {
    expect(isGcfLegacyEvent({ context: { eventType: 't' }, data: null })).toBe(true);
    expect(isGcfLegacyEvent({ eventType: 't', eventId: '1', resource: 'r', data: {} })).toBe(true);
    expect(isGcfLegacyEvent({ eventType: 't', eventTime: '2020-01-01T00:00:00Z', id: '1', data: {} })).toBe(false);
    expect(isGcfLegacyEvent({ eventType: 'SyncTrigger', identityId: 'i', identityPoolId: 'p' })).toBe(false);
    expect(isGcfLegacyEvent({ context: { eventType: 't' } })).toBe(false);
  });
});
