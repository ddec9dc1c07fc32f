import type { AppSyncResolverEvent } from 'aws-lambda';
import type { CloudEvent } from '../../../cloudevents/types.js';
import type { LambdaContext } from '../../../lambda-context.js';
import { buildCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { field, isObject, textField } from '../../convert/values.js';
import { safeRoute } from '../../path.js';
import type { JsonSource } from '../../types.js';

/** One direct Lambda resolver invocation, or a batch of them (`BatchInvoke`: an array). */
export type AppSyncResolverInvocation = AppSyncResolverEvent<Record<string, unknown>> | Array<AppSyncResolverEvent<Record<string, unknown>>>;

/** A resolver context: `info` names the field being resolved (`fieldName` on `parentTypeName`). */
function isResolverContext(value: unknown): boolean {
  const info = field(value, 'info');
  return isObject(info) && typeof info.fieldName === 'string' && typeof info.parentTypeName === 'string';
}

/**
 * AppSync direct Lambda resolvers: `info.fieldName` with `info.parentTypeName`, the GraphQL field being
 * resolved, which no other event carries (the rest of the context, `arguments`, `identity`, `source`,
 * `request`, is generic or optional: `source` is even an object here, unlike EventBridge's string). A
 * batch resolver (`BatchInvoke`) sends an array of such contexts.
 *
 * @example
 * isAppSyncResolverEvent({ arguments: {}, info: { fieldName: 'getPost', parentTypeName: 'Query' } }); // true
 */
export function isAppSyncResolverEvent(event: unknown): event is AppSyncResolverInvocation {
  return Array.isArray(event) ? event.length > 0 && isResolverContext(event[0]) : isResolverContext(event);
}

/** The invocation's first resolver context (the only one, unless batched). */
function firstContext(event: unknown): unknown {
  return Array.isArray(event) ? event[0] : event;
}

/**
 * `/aws.appsync/<parentTypeName>/<fieldName>` (`/aws.appsync/Query/getPost`), each a segment made
 * safe by `safeRoute` (GraphQL names are plain ASCII, but the event is data: `..` must not climb out of
 * `/aws.appsync`); `/aws.appsync` when either is missing or sanitises to nothing.
 *
 * @example
 * appSyncResolverRoute({ info: { parentTypeName: 'Mutation', fieldName: 'createSomething' } }); // '/aws.appsync/Mutation/createSomething'
 */
export function appSyncResolverRoute(event: unknown): string {
  const info = field(firstContext(event), 'info');
  return safeRoute('/aws.appsync', textField(info, 'parentTypeName'), textField(info, 'fieldName'));
}

function resolverCloudEvent(context: unknown, lambdaContext: LambdaContext | undefined, index: number | undefined): CloudEvent {
  const info = field(context, 'info');
  const type = textField(info, 'parentTypeName');
  const name = textField(info, 'fieldName');
  return buildCloudEvent(
    {
      id: invocationId(lambdaContext, index),
      source: 'aws:appsync',
      type: 'com.amazonaws.appsync.resolve',
      subject: type !== undefined && name !== undefined ? `${type}.${name}` : undefined,
    },
    jsonPayload(context === undefined ? null : context),
  );
}

/**
 * AppSync direct Lambda resolvers: one CloudEvent per resolver context (one, or one per item of a
 * batch). id the request id (with `-index` in a batch: the context carries no id of its own); source
 * `aws:appsync` (the context names no API); type `com.amazonaws.appsync.resolve`; subject
 * `<parentTypeName>.<fieldName>`; data the context. Path `/aws.appsync/<parentTypeName>/<fieldName>`.
 * AppSync waits for the field's value, so its answer is `json`: the app's JSON body is the result (a
 * list, one per item, for a batch); a non-2xx answer fails the field with the app's error text.
 *
 * @example
 * appSyncResolverSource.route(event); // '/aws.appsync/Mutation/createSomething'
 */
export const appSyncResolverSource: JsonSource<AppSyncResolverInvocation> = {
  name: 'aws.appsync',
  detect: isAppSyncResolverEvent,
  route: appSyncResolverRoute,
  toCloudEvents: (event, context) =>
    Array.isArray(event)
      ? mapRecords(event, (item, index) => resolverCloudEvent(item, context, index), context)
      : [resolverCloudEvent(event, context, undefined)],
  answer: 'json',
};
