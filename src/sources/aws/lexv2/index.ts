import type { LexV2Event } from 'aws-lambda';
import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { field, textField } from '../../convert/values.js';
import { encodeSegment } from '../../path.js';
import type { JsonSource } from '../../types.js';

/**
 * Amazon Lex V2 code hooks: an `interpretations` array with a `sessionState` object. Lex V1 events
 * have neither (they carry `currentIntent`); both names are Lex V2's own, and every V2 code hook input
 * has them.
 *
 * @example
 * isLexV2Event({ bot: { id: 'B' }, interpretations: [], sessionState: { intent: { name: 'I' } } }); // true
 * isLexV2Event({ bot: { name: 'B' }, outputDialogMode: 'Text', currentIntent: { name: 'I' } });    // false
 */
export function isLexV2Event(event: unknown): event is LexV2Event {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  const sessionState = candidate.sessionState;
  return Array.isArray(candidate.interpretations) && typeof sessionState === 'object' && sessionState !== null;
}

/**
 * Lex V2: one CloudEvent. id the request id (a turn can call the hook more than once, so
 * `originatingRequestId` is not unique); source `aws:lexv2:bot/` + bot id (`aws:lexv2`); type
 * `com.amazonaws.lexv2.` + `invocationSource` (`DialogCodeHook`, `FulfillmentCodeHook`); subject
 * `sessionState.intent.name`; data the event. Path `/aws.lexv2`; answer `json`: the app's JSON body
 * (`{ sessionState, messages, requestAttributes }`) is the result.
 *
 * @example
 * lexV2Source.toCloudEvents(event)[0].type; // 'com.amazonaws.lexv2.DialogCodeHook'
 */
export const lexV2Source: JsonSource<LexV2Event> = {
  name: 'aws.lexv2',
  detect: isLexV2Event,
  route: () => '/aws.lexv2',
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const bot = textField(field(event, 'bot'), 'id');
      return [
        buildCloudEvent(
          {
            id: invocationId(context),
            source: bot === undefined ? 'aws:lexv2' : `aws:lexv2:bot/${encodeSegment(bot)}`,
            type: `com.amazonaws.lexv2.${textField(event, 'invocationSource') ?? 'event'}`,
            subject: textField(field(field(event, 'sessionState'), 'intent'), 'name'),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'json',
};
