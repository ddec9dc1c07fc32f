import type { LexEvent } from 'aws-lambda';
import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { field, textField } from '../../convert/values.js';
import { encodeSegment } from '../../path.js';
import type { JsonSource } from '../../types.js';

/**
 * Amazon Lex (V1) code hooks: `bot`, `outputDialogMode` and `currentIntent` together; each alone is a
 * plausible field name elsewhere, the three together are Lex's.
 *
 * @example
 * isLexEvent({ bot: { name: 'B' }, outputDialogMode: 'Text', currentIntent: { name: 'I' } }); // true
 */
export function isLexEvent(event: unknown): event is LexEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return candidate.bot !== undefined && candidate.outputDialogMode !== undefined && candidate.currentIntent !== undefined;
}

/**
 * Lex: one CloudEvent. id the request id; source `aws:lex:bot/` + bot name; type
 * `com.amazonaws.lex.` + `invocationSource` (`DialogCodeHook`, `FulfillmentCodeHook`); subject the
 * intent name; data the event. Path `/aws.lex`; answer `json`: the app's JSON body (the Lex
 * response, `{ sessionAttributes, dialogAction }`) is the result, and a non-2xx answer fails the code
 * hook with the app's error text.
 *
 * @example
 * lexSource.toCloudEvents(event)[0].type; // 'com.amazonaws.lex.DialogCodeHook'
 */
export const lexSource: JsonSource<LexEvent> = {
  name: 'aws.lex',
  detect: isLexEvent,
  route: () => '/aws.lex',
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const bot = textField(field(event, 'bot'), 'name');
      return [
        buildCloudEvent(
          {
            id: invocationId(context),
            source: bot === undefined ? 'aws:lex' : `aws:lex:bot/${encodeSegment(bot)}`,
            type: `com.amazonaws.lex.${textField(event, 'invocationSource') ?? 'event'}`,
            subject: textField(field(event, 'currentIntent'), 'name'),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'json',
};
