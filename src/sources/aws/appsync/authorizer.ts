import type { AppSyncAuthorizerEvent } from 'aws-lambda';
import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { field, isObject, textField } from '../../convert/values.js';
import { encodeSegment } from '../../path.js';
import type { JsonSource } from '../../types.js';

/**
 * AppSync Lambda authorizers: `authorizationToken` with `requestContext.apiId` and
 * `requestContext.queryString` (the GraphQL document). Token and `apiId` alone are not enough: API
 * Gateway's REQUEST authorizers (payload 1.0 of HTTP APIs) carry both too, but never a GraphQL
 * `queryString` in their request context.
 *
 * @example
 * isAppSyncAuthorizerEvent({ authorizationToken: 't', requestContext: { apiId: 'abc', queryString: 'query { a }' } }); // true
 */
export function isAppSyncAuthorizerEvent(event: unknown): event is AppSyncAuthorizerEvent {
  if (!isObject(event) || typeof event.authorizationToken !== 'string') return false;
  const request = event.requestContext;
  return typeof field(request, 'apiId') === 'string' && typeof field(request, 'queryString') === 'string';
}

/**
 * AppSync Lambda authorizer: one CloudEvent. id `requestContext.requestId` (else the request id); source
 * `aws:appsync:apis/<apiId>`; type `com.amazonaws.appsync.authorize`; subject the GraphQL
 * `operationName`; data the event (token included: the app decides on it). Path
 * `/aws.appsync.authorizer`; AppSync waits for the decision, so its answer is `json`: the app's JSON body
 * (`{ isAuthorized, resolverContext?, deniedFields?, ttlOverride? }`) is the result, and a non-2xx
 * answer fails the authorization (AppSync then denies the request).
 *
 * @example
 * appSyncAuthorizerSource.toCloudEvents(event)[0].source; // 'aws:appsync:apis/aaaaaa123123123example123'
 */
export const appSyncAuthorizerSource: JsonSource<AppSyncAuthorizerEvent> = {
  name: 'aws.appsync.authorizer',
  detect: isAppSyncAuthorizerEvent,
  route: () => '/aws.appsync.authorizer',
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const request = field(event, 'requestContext');
      const apiId = textField(request, 'apiId');
      return [
        buildCloudEvent(
          {
            id: textField(request, 'requestId') ?? invocationId(context),
            source: apiId === undefined ? 'aws:appsync' : `aws:appsync:apis/${encodeSegment(apiId)}`,
            type: 'com.amazonaws.appsync.authorize',
            subject: textField(request, 'operationName'),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'json',
};
