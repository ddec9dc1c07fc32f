import type { DispatchResponse } from '../../../dispatch/types.js';
import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { isObject, textField } from '../../convert/values.js';
import { encodeSegment, safeRoute } from '../../path.js';
import type { JsonSource } from '../../types.js';

/**
 * A Cognito user pool Lambda trigger event (pre sign-up, post confirmation, pre/post authentication,
 * pre token generation, custom message, auth challenges, user migration, custom senders, inbound
 * federation): the common fields; `request` and `response` depend on the trigger.
 */
export interface CognitoUserPoolEvent {
  version?: string;
  triggerSource: string;
  region?: string;
  userPoolId: string;
  userName?: string;
  callerContext?: { awsSdkVersion?: string; clientId?: string | null };
  request?: Record<string, unknown>;
  response?: Record<string, unknown> | null;
}

/**
 * Cognito user pool triggers: string `triggerSource` with string `userPoolId`. `triggerSource` alone
 * is a plausible field elsewhere; every user pool trigger also names its pool (Cognito Sync events
 * carry `identityPoolId` and no `triggerSource`).
 *
 * @example
 * isCognitoUserPoolEvent({ triggerSource: 'PreSignUp_SignUp', userPoolId: 'eu-west-1_abc' }); // true
 * isCognitoUserPoolEvent({ identityId: 'i', identityPoolId: 'p' });                         // false
 */
export function isCognitoUserPoolEvent(event: unknown): event is CognitoUserPoolEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return typeof candidate.triggerSource === 'string' && typeof candidate.userPoolId === 'string';
}

/**
 * Path segment of each trigger family (the part of `triggerSource` before `_`), named after the
 * trigger as the Cognito console and docs name it (`TokenGeneration_*` is the pre token generation
 * trigger). A fixed table: paths are an app's routes, so they must not change with spelling rules.
 */
export const COGNITO_TRIGGER_PATHS: Readonly<Record<string, string>> = {
  PreSignUp: 'pre-sign-up',
  PostConfirmation: 'post-confirmation',
  PreAuthentication: 'pre-authentication',
  PostAuthentication: 'post-authentication',
  TokenGeneration: 'pre-token-generation',
  CustomMessage: 'custom-message',
  DefineAuthChallenge: 'define-auth-challenge',
  CreateAuthChallenge: 'create-auth-challenge',
  VerifyAuthChallengeResponse: 'verify-auth-challenge-response',
  UserMigration: 'user-migration',
  CustomEmailSender: 'custom-email-sender',
  CustomSMSSender: 'custom-sms-sender',
  InboundFederation: 'inbound-federation',
};

/** Word boundaries of a PascalCase name (`CustomSMSSender` → `Custom-SMS-Sender`); compiled once. */
const WORD_BOUNDARY = /([a-z0-9])(?=[A-Z])|([A-Z])(?=[A-Z][a-z])/g;

/**
 * The path segment of a `triggerSource`: its family from {@link COGNITO_TRIGGER_PATHS}, else the
 * family in kebab case made one safe segment by `safeRoute` (a trigger Cognito adds later still gets a
 * stable route; a hostile one cannot climb out of `/aws.cognito-idp`), `trigger` when nothing is left.
 *
 * @example
 * cognitoTriggerSegment('PreSignUp_AdminCreateUser');      // 'pre-sign-up'
 * cognitoTriggerSegment('TokenGeneration_RefreshTokens');  // 'pre-token-generation'
 * cognitoTriggerSegment('SomethingNew_Event');             // 'something-new'
 * cognitoTriggerSegment('../admin_X');                      // 'admin'
 */
export function cognitoTriggerSegment(triggerSource: string): string {
  const underscore = triggerSource.indexOf('_');
  const family = underscore === -1 ? triggerSource : triggerSource.slice(0, underscore);
  // Own keys only: a family named `constructor` or `toString` must not find Object.prototype's members.
  if (Object.hasOwn(COGNITO_TRIGGER_PATHS, family)) return COGNITO_TRIGGER_PATHS[family] as string;
  const kebab = family.replace(WORD_BOUNDARY, '$1$2-').toLowerCase();
  // Under an empty prefix: `''` when the family sanitises to nothing, else `/` + the safe segment.
  const route = safeRoute('', kebab);
  return route === '' ? 'trigger' : route.slice(1);
}

/**
 * The Lambda result Cognito expects: the event back, with `response` filled in. A JSON body that is
 * itself a trigger event (has `triggerSource`) is returned as is (an app that edits the whole event);
 * a body `{ response: {...} }` (an object `response` member; no trigger's response has a member of
 * that name) has that object merged into the event's `response`; any other JSON object is merged into
 * the event's `response` itself; an empty body, or one that is not a JSON object, leaves the event
 * unchanged (Cognito's defaults apply).
 *
 * @example
 * cognitoUserPoolResult({ statusCode: 200, headers: {}, body: Buffer.from('{"autoConfirmUser":true}') }, event);
 * // { ...event, response: { ...event.response, autoConfirmUser: true } }
 */
export function cognitoUserPoolResult(response: DispatchResponse, event: CognitoUserPoolEvent): CognitoUserPoolEvent {
  const body = objectBody(response.body);
  if (body === undefined) return event;
  if (typeof body.triggerSource === 'string') return body as unknown as CognitoUserPoolEvent;
  const answer = isObject(body.response) ? body.response : body;
  const current = isObject(event.response) ? event.response : {};
  return { ...event, response: { ...current, ...answer } };
}

/** The body as a JSON object, else `undefined` (empty, not JSON, or JSON that is not an object). */
function objectBody(body: Buffer): Record<string, unknown> | undefined {
  if (body.length === 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Cognito user pool triggers: one CloudEvent. id the request id (the event carries none); source
 * `aws:cognito-idp:` + userPoolId; type `com.amazonaws.cognito-idp.` + triggerSource; subject the
 * userName; data the event. Path `/aws.cognito-idp/` + the trigger family (`pre-sign-up`, ...);
 * answer `json`: the result is the event with the app's answer as `response`.
 *
 * @example
 * cognitoUserPoolSource.route({ triggerSource: 'PreSignUp_SignUp', userPoolId: 'p' }); // '/aws.cognito-idp/pre-sign-up'
 * cognitoUserPoolSource.toCloudEvents(event)[0].type; // 'com.amazonaws.cognito-idp.PreSignUp_SignUp'
 */
export const cognitoUserPoolSource: JsonSource<CognitoUserPoolEvent> = {
  name: 'aws.cognito-idp',
  detect: isCognitoUserPoolEvent,
  route: (event) => '/aws.cognito-idp/' + cognitoTriggerSegment(textField(event, 'triggerSource') ?? ''),
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const pool = textField(event, 'userPoolId');
      return [
        buildCloudEvent(
          {
            id: invocationId(context),
            source: pool === undefined ? 'aws:cognito-idp' : `aws:cognito-idp:${encodeSegment(pool)}`,
            type: `com.amazonaws.cognito-idp.${textField(event, 'triggerSource') ?? 'trigger'}`,
            subject: textField(event, 'userName'),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'json',
  respond: cognitoUserPoolResult,
};
