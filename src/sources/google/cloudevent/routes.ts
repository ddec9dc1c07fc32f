import { safePath } from '../../path.js';

/**
 * Google's CloudEvent types (Eventarc, Cloud Functions 2nd gen, Firebase) to paths. The path comes from
 * the type, never from `source`: a Storage event's source names its bucket, a Firestore event's its
 * database, and routing by them is the user's choice (`routes`). Longest prefix first; each entry a
 * type prefix ending in `.`, or an exact type.
 */
const GOOGLE_ROUTES: ReadonlyArray<readonly [string, string]> = [
  ['google.cloud.pubsub.topic.v1.', '/google.pubsub'],
  ['google.cloud.storage.object.v1.', '/google.storage'],
  ['google.cloud.firestore.document.v1.', '/google.firestore'],
  ['google.cloud.datastore.entity.v1.', '/google.datastore'],
  ['google.cloud.audit.log.v1.', '/google.auditlog'],
  ['google.cloud.scheduler.job.v1.', '/google.scheduler'],
  ['google.firebase.auth.user.v1.', '/google.firebaseauth'],
  ['google.firebase.database.ref.v1.', '/google.firebasedatabase'],
  ['google.firebase.analytics.log.v1.', '/google.firebase'],
  ['google.firebase.remoteconfig.', '/google.firebase.remoteconfig'],
  ['google.firebase.firebasealerts.', '/google.firebase.alerts'],
  ['google.firebase.testlab.', '/google.firebase.testlab'],
];

/** A service name as Google spells it in a type: lower-case letters and digits. */
const SERVICE = /^[a-z][a-z0-9]*$/;

/** Path of any other `google.*` type (a service Google adds later, an Eventarc `google.*` channel). */
export const GOOGLE_FALLBACK_ROUTE = '/google.eventarc';

/**
 * The path of a CloudEvent delivered by Google: a fixed path for Google's own types (table above);
 * `google.cloud.<service>.…` → `/google.<service>`; another `google.…` type → `/google.eventarc`; an
 * event of any other type (a custom Eventarc channel, a third-party provider) → `/` + its `source`, made
 * safe, as the gateway and Lambda route a CloudEvent.
 *
 * @example
 * googleRoute({ type: 'google.cloud.storage.object.v1.finalized', source: '//storage.googleapis.com/projects/_/buckets/b' }); // '/google.storage'
 * googleRoute({ type: 'google.cloud.run.job.v1.completed', source: '//run.googleapis.com/x' });                        // '/google.run'
 * googleRoute({ type: 'com.example.order.created', source: 'shop/orders' });                                             // '/shop/orders'
 */
export function googleRoute(event: { type: string; source: string }): string {
  const type = event.type;
  if (!type.startsWith('google.')) return safePath(event.source);
  for (const [prefix, path] of GOOGLE_ROUTES) if (type.startsWith(prefix)) return path;
  if (type.startsWith('google.cloud.')) {
    const service = type.slice('google.cloud.'.length).split('.', 1)[0] as string;
    if (SERVICE.test(service)) return '/google.' + service;
  }
  return GOOGLE_FALLBACK_ROUTE;
}
