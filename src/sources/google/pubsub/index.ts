import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { toRfc3339 } from '../../convert/time.js';
import { field, textField } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';

/** The body of a Pub/Sub push subscription's request (cloud.google.com/pubsub/docs/push). */
export interface PubSubPushEnvelope {
  message: {
    data?: string;
    attributes?: Record<string, string>;
    messageId?: string;
    publishTime?: string;
    orderingKey?: string;
  };
  subscription: string;
  deliveryAttempt?: number;
}

/** The CloudEvent type Google gives a published message (Eventarc, Functions Framework). */
export const PUBSUB_TYPE = 'google.cloud.pubsub.topic.v1.messagePublished';

/**
 * Pub/Sub push: a string `subscription` with a `message` object, the envelope's two fields.
 *
 * @example
 * isPubSubPush({ message: { data: 'SGk=', messageId: '1' }, subscription: 'projects/p/subscriptions/s' }); // true
 */
export function isPubSubPush(event: unknown): event is PubSubPushEnvelope {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return typeof candidate.subscription === 'string' && typeof candidate.message === 'object' && candidate.message !== null;
}

/**
 * Pub/Sub push: one CloudEvent, as Google's Functions Framework and Eventarc shape a published
 * message. id `message.messageId`; source `//pubsub.googleapis.com/` + the subscription name (the push
 * body names the subscription, not the topic); type `google.cloud.pubsub.topic.v1.messagePublished`;
 * time `message.publishTime`; data the envelope itself (`{ message, subscription }`, the
 * `MessagePublishedData` shape; `message.data` stays base64). Path `/google.pubsub`; Pub/Sub retries a
 * push answered outside 2xx, so its answer is `reject`.
 *
 * @example
 * pubSubSource.toCloudEvents(envelope)[0].source; // '//pubsub.googleapis.com/projects/p/subscriptions/s'
 */
export const pubSubSource: PlainSource<PubSubPushEnvelope> = {
  name: 'google.pubsub',
  detect: isPubSubPush,
  route: () => '/google.pubsub',
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const message = field(event, 'message');
      const subscription = textField(event, 'subscription');
      return [
        buildCloudEvent(
          {
            id: textField(message, 'messageId') ?? textField(message, 'message_id') ?? invocationId(context),
            source: subscription === undefined ? '//pubsub.googleapis.com' : `//pubsub.googleapis.com/${subscription}`,
            type: PUBSUB_TYPE,
            time: toRfc3339(field(message, 'publishTime') ?? field(message, 'publish_time')),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'reject',
  // Pub/Sub counts deliveries when the subscription has a dead-letter policy.
  metadata: (event) => {
    const attempt = field(event, 'deliveryAttempt');
    return typeof attempt === 'number' && Number.isInteger(attempt) && attempt > 0 ? { attempt } : undefined;
  },
};
