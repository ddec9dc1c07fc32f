import type { EventBridgeEvent } from 'aws-lambda';
import type { CloudEvent } from '../../../cloudevents/types.js';
import type { LambdaContext } from '../../../lambda-context.js';
import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload, textPayload } from '../../convert/payload.js';
import { toRfc3339 } from '../../convert/time.js';
import { textField } from '../../convert/values.js';
import { safePath } from '../../path.js';
import type { PlainSource } from '../../types.js';

/** An EventBridge (CloudWatch Events) event; `detail` is a string for EventBridge Scheduler events. */
export type AnyEventBridgeEvent = EventBridgeEvent<string, unknown>;

/**
 * EventBridge / CloudWatch Events: a string `source` together with `detail-type`. `source` alone is too
 * common a field name; `detail-type` (with its hyphen) is EventBridge's own. Scheduled events without
 * `version` (older samples) still match.
 *
 * @example
 * isEventBridgeEvent({ source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} }); // true
 */
export function isEventBridgeEvent(event: unknown): event is AnyEventBridgeEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return typeof candidate.source === 'string' && candidate['detail-type'] !== undefined;
}

/**
 * One CloudEvent: id, source, type = `detail-type`, time, data = `detail`. EventBridge Scheduler sends
 * `detail` as a JSON string (`"{}"`): it is parsed when it is JSON, else delivered as text. An event
 * without `detail` has `null` data.
 */
export function eventBridgeToCloudEvents(event: AnyEventBridgeEvent, context?: LambdaContext): CloudEvent[] {
  return convertSafely(event, context, () => {
    const detail: unknown = event.detail;
    const source = textField(event, 'source') ?? 'aws.events';
    return [
      buildCloudEvent(
        {
          id: textField(event, 'id') ?? invocationId(context),
          source,
          type: textField(event, 'detail-type') ?? source,
          time: toRfc3339(event.time),
        },
        typeof detail === 'string' ? textPayload(detail) : jsonPayload(detail === undefined ? null : detail),
      ),
    ];
  });
}

/**
 * EventBridge and CloudWatch Events. Path: `/` + `source`, made safe (`/aws.events`, `/com.my.event`).
 *
 * @example
 * eventBridgeSource.route({ source: 'com.my.event', 'detail-type': 'x', detail: {} } as never); // '/com.my.event'
 */
export const eventBridgeSource: PlainSource<AnyEventBridgeEvent> = {
  name: 'aws.events',
  detect: isEventBridgeEvent,
  route: (event) => safePath(event.source),
  toCloudEvents: eventBridgeToCloudEvents,
  answer: 'reject',
};
