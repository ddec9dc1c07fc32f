import { describe, expect, it } from 'vitest';
import { expectValidCloudEvents } from '../../testing.js';
import { fromFunctionsFramework, googleRoute, legacyDelivery } from './index.js';

describe('googleRoute', () => {
  it.each([
    ['google.cloud.pubsub.topic.v1.messagePublished', '//pubsub.googleapis.com/projects/p/topics/t', '/google.pubsub'],
    ['google.cloud.storage.object.v1.finalized', '//storage.googleapis.com/projects/_/buckets/secret-bucket', '/google.storage'],
    ['google.cloud.storage.object.v1.deleted', '//storage.googleapis.com/projects/_/buckets/b', '/google.storage'],
    ['google.cloud.firestore.document.v1.written', '//firestore.googleapis.com/projects/p/databases/(default)', '/google.firestore'],
    ['google.cloud.firestore.document.v1.created.withAuthContext', '//firestore.googleapis.com/projects/p/databases/(default)', '/google.firestore'],
    ['google.cloud.datastore.entity.v1.written', '//datastore.googleapis.com/projects/p/databases/(default)', '/google.datastore'],
    ['google.cloud.audit.log.v1.written', '//cloudaudit.googleapis.com/projects/p/logs/activity', '/google.auditlog'],
    ['google.cloud.scheduler.job.v1.executed', '//cloudscheduler.googleapis.com/projects/p/locations/l/jobs/j', '/google.scheduler'],
    ['google.cloud.cloudbuild.build.v1.statusChanged', '//cloudbuild.googleapis.com/projects/p/builds/b', '/google.cloudbuild'],
    ['google.firebase.auth.user.v1.created', '//firebaseauth.googleapis.com/projects/p', '/google.firebaseauth'],
    ['google.firebase.database.ref.v1.written', '//firebasedatabase.googleapis.com/projects/_/locations/us-central1/instances/i', '/google.firebasedatabase'],
    ['google.firebase.analytics.log.v1.written', '//firebaseanalytics.googleapis.com/projects/p/apps/a', '/google.firebase'],
    ['google.firebase.remoteconfig.remoteConfig.v1.updated', '//firebaseremoteconfig.googleapis.com/projects/p', '/google.firebase.remoteconfig'],
    ['google.firebase.firebasealerts.alerts.v1.published', '//firebasealerts.googleapis.com/projects/p', '/google.firebase.alerts'],
    ['google.firebase.testlab.testMatrix.v1.completed', '//firebasetestlab.googleapis.com/projects/p', '/google.firebase.testlab'],
    ['google.something.new', '//x.googleapis.com/projects/p', '/google.eventarc'],
    ['google.cloud.Bad-Name.v1.x', '//x', '/google.eventarc'],
    ['com.example.order.created', 'shop/orders', '/shop/orders'],
    ['com.example.order.created', '../../admin?x#y', '/admin%3Fx%23y'],
  ])('%s from %s -> %s', (type, source, path) => {
    expect(googleRoute({ type, source })).toBe(path);
  });
});

describe('fromFunctionsFramework', () => {
  const base = { specversion: '1.0', id: '1', source: '//s', type: 't' };
  it('restores the datacontenttype the framework drops in binary mode, by what the data is', () => {
    expect(fromFunctionsFramework({ ...base, data: { a: 1 } }).datacontenttype).toBe('application/json');
    expect(fromFunctionsFramework({ ...base, data: 'hi' }).datacontenttype).toBe('text/plain');
    expect(fromFunctionsFramework({ ...base, data: Buffer.from([1]) }).datacontenttype).toBe('application/octet-stream');
    expect(fromFunctionsFramework({ ...base, type: 'google.cloud.firestore.document.v1.written', data: Buffer.from([1]) }).datacontenttype).toBe('application/protobuf');
    expect(fromFunctionsFramework({ ...base, datacontenttype: 'image/png', data: Buffer.from([1]) }).datacontenttype).toBe('image/png');
    expect(fromFunctionsFramework({ ...base }).datacontenttype).toBeUndefined();
  });

  it('keeps every attribute, drops null and undefined members, and defaults specversion', () => {
    const event = fromFunctionsFramework({ id: '1', source: '//s', type: 't', subject: undefined, traceparent: 'x', data: null });
    expect(event).toEqual({ specversion: '1.0', id: '1', source: '//s', type: 't', traceparent: 'x' });
  });
});

describe('legacyDelivery', () => {
  it('converts (data, context) as the framework does, at the legacy path', () => {
    const { cloudEvent, path } = legacyDelivery({ bucket: 'b', name: 'o' }, {
      eventId: '1', timestamp: '2020-04-23T07:38:57.772Z', eventType: 'google.storage.object.finalize',
      resource: { service: 'storage.googleapis.com', name: 'projects/_/buckets/b/objects/o', type: 'storage#object' },
    });
    expect(path).toBe('/google.storage');
    expect(cloudEvent).toMatchObject({ type: 'google.cloud.storage.object.v1.finalized', source: '//storage.googleapis.com/projects/_/buckets/b', subject: 'objects/o' });
    expectValidCloudEvents([cloudEvent]);
    expect(legacyDelivery({}, { eventId: '1', eventType: 'custom.type', resource: 'r' }).path).toBe('/google.functions');
  });
});
