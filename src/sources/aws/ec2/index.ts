import type { PlainSource } from '../../types.js';
import { eventBridgeToCloudEvents, type AnyEventBridgeEvent } from '../events/index.js';

/**
 * EC2 lifecycle events: `source` is `aws.ec2`. Those that come through EventBridge carry `detail-type`
 * and are taken by the EventBridge source first (same path); this row catches the rest.
 *
 * @example
 * isEc2Event({ source: 'aws.ec2', detail: { state: 'running' } }); // true
 */
export function isEc2Event(event: unknown): event is AnyEventBridgeEvent {
  return typeof event === 'object' && event !== null && (event as { source?: unknown }).source === 'aws.ec2';
}

/**
 * EC2 lifecycle. Path `/aws.ec2`, answer `reject`; mapped like an EventBridge event (type falls back
 * to `aws.ec2` when there is no `detail-type`).
 *
 * @example
 * ec2Source.route({ source: 'aws.ec2' } as never); // '/aws.ec2'
 */
export const ec2Source: PlainSource<AnyEventBridgeEvent> = {
  name: 'aws.ec2',
  detect: isEc2Event,
  route: () => '/aws.ec2',
  toCloudEvents: eventBridgeToCloudEvents,
  answer: 'reject',
};
