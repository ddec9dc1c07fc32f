import type {
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
} from 'aws-lambda';
import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { fromEpochMillis } from '../../convert/time.js';
import { field, text, textField } from '../../convert/values.js';
import { encodeSegment } from '../../path.js';
import type { JsonSource } from '../../types.js';

/**
 * An API Gateway Lambda authorizer request: REST API `TOKEN` and `REQUEST` authorizers (and HTTP API
 * authorizers with payload 1.0), which name the method in `methodArn`, or HTTP API authorizers with
 * payload 2.0, which name the route in `routeArn`.
 */
export type ApiGatewayAuthorizerEvent =
  | APIGatewayTokenAuthorizerEvent
  | APIGatewayRequestAuthorizerEvent
  | APIGatewayRequestAuthorizerEventV2;

/**
 * API Gateway Lambda authorizers: a string `methodArn` (REST API, and HTTP API payload 1.0) or a
 * string `routeArn` (HTTP API payload 2.0): the ARN of what is being authorized, which only authorizer
 * requests carry. A payload 2.0 authorizer request otherwise looks like an HTTP API request
 * (`version: '2.0'`, `requestContext.http`), so this source is registered before the HTTP sources.
 *
 * @example
 * isApiGatewayAuthorizerEvent({ type: 'TOKEN', authorizationToken: 'allow', methodArn: 'arn:aws:execute-api:...' }); // true
 * isApiGatewayAuthorizerEvent({ version: '2.0', routeArn: 'arn:aws:execute-api:...', requestContext: {} });         // true
 */
export function isApiGatewayAuthorizerEvent(event: unknown): event is ApiGatewayAuthorizerEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return typeof candidate.methodArn === 'string' || typeof candidate.routeArn === 'string';
}

/**
 * `arn:aws:execute-api:<region>:<account>:<api-id>/<stage>/<method>/<path>` split at its first `/`:
 * the API (a CloudEvent source) and what in it is called (the subject).
 */
function splitArn(arn: string): { api: string; target: string | undefined } {
  const slash = arn.indexOf('/');
  if (slash === -1) return { api: arn, target: undefined };
  return { api: arn.slice(0, slash), target: arn.slice(slash + 1) };
}

/**
 * API Gateway Lambda authorizers: one CloudEvent. id `requestContext.requestId` (TOKEN requests carry
 * none: the request id); source the method or route ARN up to the API id
 * (`arn:aws:execute-api:<region>:<account>:<api-id>`); type `com.amazonaws.apigateway.authorizer.` +
 * `type` (`TOKEN`, `REQUEST`); subject the rest of the ARN (`<stage>/<method>/<path>`); time
 * `requestContext.requestTimeEpoch` (REST) or `timeEpoch` (HTTP API); data the event. Path
 * `/aws.apigateway.authorizer`; answer `json`: the result is the app's JSON body (an IAM policy
 * `{ principalId, policyDocument, context }`, or for HTTP API simple responses
 * `{ isAuthorized, context }`).
 *
 * @example
 * apiGatewayAuthorizerSource.toCloudEvents({ type: 'TOKEN', authorizationToken: 't', methodArn: 'arn:aws:execute-api:eu-west-1:1:abc/prod/GET/' })[0];
 * // { ..., source: 'arn:aws:execute-api:eu-west-1:1:abc', type: 'com.amazonaws.apigateway.authorizer.TOKEN', subject: 'prod/GET/' }
 */
export const apiGatewayAuthorizerSource: JsonSource<ApiGatewayAuthorizerEvent> = {
  name: 'aws.apigateway.authorizer',
  detect: isApiGatewayAuthorizerEvent,
  route: () => '/aws.apigateway.authorizer',
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const arn = textField(event, 'methodArn') ?? textField(event, 'routeArn');
      const { api, target } = arn === undefined ? { api: undefined, target: undefined } : splitArn(arn);
      const apiArn = text(api);
      const requestContext = field(event, 'requestContext');
      return [
        buildCloudEvent(
          {
            id: textField(requestContext, 'requestId') ?? invocationId(context),
            source: apiArn === undefined ? 'aws:apigateway' : encodeSegment(apiArn),
            type: `com.amazonaws.apigateway.authorizer.${textField(event, 'type') ?? 'REQUEST'}`,
            subject: target,
            time: fromEpochMillis(field(requestContext, 'requestTimeEpoch') ?? field(requestContext, 'timeEpoch')),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'json',
};
