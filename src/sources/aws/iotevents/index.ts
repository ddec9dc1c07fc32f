import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { fromEpochMillis } from '../../convert/time.js';
import { field, textField } from '../../convert/values.js';
import { encodeSegment, safePath } from '../../path.js';
import type { PlainSource } from '../../types.js';

/**
 * The payload of an AWS IoT Events detector model's Lambda action
 * (docs.aws.amazon.com/lambda/latest/dg/services-iotevents.html).
 */
export interface IotEventsEvent {
  event: {
    eventName: string;
    eventTime?: number;
    payload?: {
      detector?: { detectorModelName?: string; detectorModelVersion?: string; keyValue?: string };
      eventTriggerDetails?: { triggerType?: string; inputName?: string; messageId?: string };
      actionExecutionId?: string;
      state?: unknown;
    };
  };
}

/**
 * IoT Events: the action payload nests everything under `event`, and only it has `event.eventName`.
 *
 * @example
 * isIotEventsEvent({ event: { eventName: 'myChargedEvent', payload: {} } }); // true
 */
export function isIotEventsEvent(event: unknown): event is IotEventsEvent {
  if (typeof event !== 'object' || event === null) return false;
  const inner = (event as { event?: unknown }).event;
  return typeof inner === 'object' && inner !== null && typeof (inner as { eventName?: unknown }).eventName === 'string';
}

/**
 * IoT Events detector model actions. Path: `/` + `eventName`, made safe. IoT Events invokes the
 * function asynchronously, so its answer is `reject`.
 *
 * @example
 * iotEventsSource.route({ event: { eventName: 'myChargedEvent' } }); // '/myChargedEvent'
 */
export const iotEventsSource: PlainSource<IotEventsEvent> = {
  name: 'aws.iotevents',
  detect: isIotEventsEvent,
  route: (event) => safePath(event.event.eventName),
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const inner = event.event;
      const payload = field(inner, 'payload');
      const detector = field(payload, 'detector');
      const model = textField(detector, 'detectorModelName');
      return [
        buildCloudEvent(
          {
            id: textField(payload, 'actionExecutionId') ?? invocationId(context),
            source: model === undefined ? 'aws:iotevents' : `aws:iotevents:detectorModel/${encodeSegment(model)}`,
            type: `com.amazonaws.iotevents.${inner.eventName || 'event'}`,
            subject: textField(detector, 'keyValue'),
            time: fromEpochMillis(inner.eventTime),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'reject',
};
