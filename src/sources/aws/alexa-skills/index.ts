import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { toRfc3339 } from '../../convert/time.js';
import { field, isObject, textField } from '../../convert/values.js';
import { encodeSegment } from '../../path.js';
import type { JsonSource } from '../../types.js';

/** An Alexa Skills Kit request envelope: `version`, `session` (absent outside a session), `context`, `request`. */
export interface AlexaSkillsEvent {
  version: string;
  session?: { sessionId?: string; application?: { applicationId?: string }; attributes?: unknown; user?: unknown };
  context?: { System?: { application?: { applicationId?: string } } };
  request: { type: string; requestId?: string; timestamp?: string; locale?: string; intent?: { name?: string } };
}

/**
 * Alexa Skills Kit: a `request` object with a string `type` (LaunchRequest, IntentRequest, ...) next to
 * a string `version` and a `session` or `context` object. `request.type` is the field every skill
 * request has; `version` with `session`/`context` keeps other `request`-carrying events out.
 *
 * @example
 * isAlexaSkillsEvent({ version: '1.0', session: {}, request: { type: 'LaunchRequest' } }); // true
 */
export function isAlexaSkillsEvent(event: unknown): event is AlexaSkillsEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  const request = candidate.request;
  return (
    typeof candidate.version === 'string' &&
    typeof request === 'object' &&
    request !== null &&
    typeof (request as Record<string, unknown>).type === 'string' &&
    (isObject(candidate.session) || isObject(candidate.context))
  );
}

/**
 * Alexa Skills Kit: one CloudEvent. id `request.requestId`; source `aws:alexa:skill/` + the skill's
 * application id (`context.System.application`, else `session.application`; `aws:alexa:skill`); type
 * `com.amazonaws.alexa.skills.` + `request.type`; subject `request.intent.name`; time
 * `request.timestamp`; data the event. Path `/aws.alexa.skills`; answer `json`: the app's JSON body
 * (`{ version, sessionAttributes, response }`) is the result.
 *
 * @example
 * alexaSkillsSource.toCloudEvents(event)[0].type; // 'com.amazonaws.alexa.skills.IntentRequest'
 */
export const alexaSkillsSource: JsonSource<AlexaSkillsEvent> = {
  name: 'aws.alexa.skills',
  detect: isAlexaSkillsEvent,
  route: () => '/aws.alexa.skills',
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const request = field(event, 'request');
      const skill =
        textField(field(field(field(event, 'context'), 'System'), 'application'), 'applicationId') ??
        textField(field(field(event, 'session'), 'application'), 'applicationId');
      return [
        buildCloudEvent(
          {
            id: textField(request, 'requestId') ?? invocationId(context),
            source: skill === undefined ? 'aws:alexa:skill' : `aws:alexa:skill/${encodeSegment(skill)}`,
            type: `com.amazonaws.alexa.skills.${textField(request, 'type') ?? 'request'}`,
            subject: textField(field(request, 'intent'), 'name'),
            time: toRfc3339(field(request, 'timestamp')),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'json',
};
