import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { field, isObject, textField } from '../../convert/values.js';
import type { JsonSource } from '../../types.js';

/** The header of a Smart Home message (both payload versions). */
export interface AlexaSmartHomeHeader {
  messageId?: string;
  name?: string;
  namespace?: string;
  payloadVersion?: string;
  correlationToken?: string;
}

/** An Alexa Smart Home (payload version 2) directive: `header` and `payload`. */
export interface AlexaSmartHomeEvent {
  header: AlexaSmartHomeHeader;
  payload: unknown;
}

/** An Alexa Smart Home (payload version 3) directive: everything under `directive`. */
export interface AlexaSmartHomeV3Event {
  directive: {
    header: AlexaSmartHomeHeader;
    endpoint?: { endpointId?: string; scope?: unknown; cookie?: unknown };
    payload?: unknown;
  };
}

/**
 * Alexa Smart Home: version 2 has `header` together with `payload` at the top level; version 3 wraps
 * them in `directive`, so a `directive.header` object tells it apart (nothing else sends `directive`).
 *
 * @example
 * isAlexaEvent({ header: { name: 'DiscoverAppliancesRequest' }, payload: {} });                    // true
 * isAlexaEvent({ directive: { header: { namespace: 'Alexa.Discovery', name: 'Discover' }, payload: {} } }); // true
 */
export function isAlexaEvent(event: unknown): event is AlexaSmartHomeEvent | AlexaSmartHomeV3Event {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  if (candidate.header !== undefined && candidate.payload !== undefined) return true;
  const directive = candidate.directive;
  return typeof directive === 'object' && directive !== null && isObject((directive as Record<string, unknown>).header);
}

/**
 * Alexa Smart Home: one CloudEvent. id `header.messageId`; source `aws:alexa`; type
 * `com.amazonaws.alexa.` + `header.namespace` + `.` + `header.name`; subject the v3
 * `directive.endpoint.endpointId`; data the event. (`header` is `directive.header` in version 3.)
 * Path `/aws.alexa`; answer `json`: the app's JSON body (the Smart Home response, e.g. a v3
 * `{ event: { header, endpoint, payload }, context }`) is the result.
 *
 * @example
 * alexaSource.toCloudEvents(event)[0].type; // 'com.amazonaws.alexa.Alexa.ConnectedHome.Discovery.DiscoverAppliancesRequest'
 */
export const alexaSource: JsonSource<AlexaSmartHomeEvent | AlexaSmartHomeV3Event> = {
  name: 'aws.alexa',
  detect: isAlexaEvent,
  route: () => '/aws.alexa',
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const directive = field(event, 'directive');
      const header = field(directive ?? event, 'header');
      const name = [textField(header, 'namespace'), textField(header, 'name')].filter((part) => part !== undefined);
      return [
        buildCloudEvent(
          {
            id: textField(header, 'messageId') ?? invocationId(context),
            source: 'aws:alexa',
            type: `com.amazonaws.alexa.${name.length > 0 ? name.join('.') : 'directive'}`,
            subject: textField(field(directive, 'endpoint'), 'endpointId'),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'json',
};
