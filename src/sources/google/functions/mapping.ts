/**
 * Google Cloud Functions legacy ("background") event types and services mapped to CloudEvents, after
 * the Functions Framework for Node.js (GoogleCloudPlatform/functions-framework-nodejs,
 * `src/middleware/background_event_to_cloud_event.ts` and `cloud_event_to_background_event.ts`).
 */

/** CloudEvent service names. */
export const SERVICE = {
  firebaseAuth: 'firebaseauth.googleapis.com',
  firebaseDatabase: 'firebasedatabase.googleapis.com',
  firebase: 'firebase.googleapis.com',
  firestore: 'firestore.googleapis.com',
  pubsub: 'pubsub.googleapis.com',
  storage: 'storage.googleapis.com',
} as const;

/** Legacy event type → CloudEvent type. (Maps, not objects: `constructor` must not be a known type.) */
export const LEGACY_TO_CLOUDEVENT_TYPE: ReadonlyMap<string, string> = new Map(Object.entries({
  'providers/cloud.storage/eventTypes/object.change': 'google.cloud.storage.object.v1.finalized',
  'providers/cloud.pubsub/eventTypes/topic.publish': 'google.cloud.pubsub.topic.v1.messagePublished',
  'google.pubsub.topic.publish': 'google.cloud.pubsub.topic.v1.messagePublished',
  'google.storage.object.finalize': 'google.cloud.storage.object.v1.finalized',
  'google.storage.object.delete': 'google.cloud.storage.object.v1.deleted',
  'google.storage.object.archive': 'google.cloud.storage.object.v1.archived',
  'google.storage.object.metadataUpdate': 'google.cloud.storage.object.v1.metadataUpdated',
  'providers/cloud.firestore/eventTypes/document.write': 'google.cloud.firestore.document.v1.written',
  'providers/cloud.firestore/eventTypes/document.create': 'google.cloud.firestore.document.v1.created',
  'providers/cloud.firestore/eventTypes/document.update': 'google.cloud.firestore.document.v1.updated',
  'providers/cloud.firestore/eventTypes/document.delete': 'google.cloud.firestore.document.v1.deleted',
  'providers/firebase.auth/eventTypes/user.create': 'google.firebase.auth.user.v1.created',
  'providers/firebase.auth/eventTypes/user.delete': 'google.firebase.auth.user.v1.deleted',
  'providers/google.firebase.analytics/eventTypes/event.log': 'google.firebase.analytics.log.v1.written',
  'providers/google.firebase.database/eventTypes/ref.create': 'google.firebase.database.ref.v1.created',
  'providers/google.firebase.database/eventTypes/ref.write': 'google.firebase.database.ref.v1.written',
  'providers/google.firebase.database/eventTypes/ref.update': 'google.firebase.database.ref.v1.updated',
  'providers/google.firebase.database/eventTypes/ref.delete': 'google.firebase.database.ref.v1.deleted',
}));

/** Legacy event type prefix → CloudEvent service, for contexts whose `resource` is a plain string. */
export const LEGACY_PREFIX_TO_SERVICE: ReadonlyArray<readonly [string, string]> = [
  ['providers/cloud.firestore/', SERVICE.firestore],
  ['providers/google.firebase.analytics/', SERVICE.firebase],
  ['providers/firebase.auth/', SERVICE.firebaseAuth],
  ['providers/google.firebase.database/', SERVICE.firebaseDatabase],
  ['providers/cloud.pubsub/', SERVICE.pubsub],
  ['providers/cloud.storage/', SERVICE.storage],
  ['google.pubsub', SERVICE.pubsub],
  ['google.storage', SERVICE.storage],
];

/**
 * How a service's legacy resource name splits into the CloudEvent `source` resource and `subject`
 * (first group, second group). Compiled once. (The Framework's storage and database patterns allow a
 * one-character project only, which fits `projects/_`; these accept any project name.)
 */
export const RESOURCE_SPLIT: ReadonlyMap<string, RegExp> = new Map([
  [SERVICE.firebase, /^(projects\/[^/]+)\/(events\/[^/]+)$/],
  [SERVICE.firebaseDatabase, /^projects\/[^/]+\/(instances\/[^/]+)\/(refs\/.+)$/],
  [SERVICE.firestore, /^(projects\/[^/]+\/databases\/\(default\))\/(documents\/.+)$/],
  [SERVICE.storage, /^(projects\/[^/]+\/buckets\/[^/]+)\/(objects\/.+)$/],
]);

/**
 * Event-mode path of each service: `/google.` + the service's name without `.googleapis.com`. A
 * fixed table, so a path never comes from event data.
 */
export const SERVICE_ROUTE: ReadonlyMap<string, string> = new Map([
  [SERVICE.pubsub, '/google.pubsub'],
  [SERVICE.storage, '/google.storage'],
  [SERVICE.firestore, '/google.firestore'],
  [SERVICE.firebase, '/google.firebase'],
  [SERVICE.firebaseAuth, '/google.firebaseauth'],
  [SERVICE.firebaseDatabase, '/google.firebasedatabase'],
]);

/** Path of a legacy event whose service is none of the above. */
export const UNKNOWN_SERVICE_ROUTE = '/google.functions';
