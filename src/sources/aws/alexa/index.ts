import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { field, textField } from '../../convert/values.js';
import type { EventSource } from '../../types.js';

/** An Alexa Smart Home (payload version 2) directive: `header` and `payload`. */
export interface AlexaSmartHomeEvent {
  header: { messageId?: string; name?: string; namespace?: string; payloadVersion?: string };
  payload: unknown;
}

/**
 * Alexa Smart Home: `header` together with `payload` at the top level.
 *
 * @example
 * isAlexaEvent({ header: { name: 'DiscoverAppliancesRequest' }, payload: {} }); // true
 */
export function isAlexaEvent(event: unknown): event is AlexaSmartHomeEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return candidate.header !== undefined && candidate.payload !== undefined;
}

/**
 * Alexa: one CloudEvent. id `header.messageId`; source `aws:alexa`; type `com.amazonaws.alexa.` +
 * `header.namespace` + `.` + `header.name`; data the event. Path `/aws.alexa`; Alexa reads the answer,
 * so delivery is `direct`.
 *
 * @example
 * alexaSource.toCloudEvents(event)[0].type; // 'com.amazonaws.alexa.Alexa.ConnectedHome.Discovery.DiscoverAppliancesRequest'
 */
export const alexaSource: EventSource<AlexaSmartHomeEvent> = {
  name: 'aws.alexa',
  detect: isAlexaEvent,
  route: () => '/aws.alexa',
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const header = field(event, 'header');
      const name = [textField(header, 'namespace'), textField(header, 'name')].filter((part) => part !== undefined);
      return [
        buildCloudEvent(
          {
            id: textField(header, 'messageId') ?? invocationId(context),
            source: 'aws:alexa',
            type: `com.amazonaws.alexa.${name.length > 0 ? name.join('.') : 'directive'}`,
          },
          jsonPayload(event),
        ),
      ];
    }),
  delivery: 'direct',
};
