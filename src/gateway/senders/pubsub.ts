/**
 * Pub/Sub push subscriptions, wrapped (`{ message, subscription }`) and unwrapped (the raw data as the
 * body, metadata in `x-goog-pubsub-*` headers). Record mode maps a message as Google's Functions
 * Framework does for a `cloudEvent` function (src/pubsub_middleware.ts, then
 * src/middleware/background_event_to_cloud_event.ts): type
 * `google.cloud.pubsub.topic.v1.messagePublished`, id the messageId, time the publishTime, source
 * `//pubsub.googleapis.com/projects/P/topics/T` with the topic read from the push endpoint's path,
 * data `{ message: { '@type', data, attributes, messageId, publishTime }, subscription }`.
 */
import { randomUUID } from 'node:crypto';
import type { CloudEvent } from '../../cloudevents/types.js';
import { isPubSubPush } from '../../sources/index.js';
import type { PubSubPushEnvelope } from '../../sources/index.js';
import type { PushRequest } from '../types.js';
import { allOrFirstFailure } from './answers.js';
import type { Sender, SenderContext, Work } from './types.js';

/** The CloudEvent type of a published message. */
export const PUBSUB_MESSAGE_PUBLISHED = 'google.cloud.pubsub.topic.v1.messagePublished';
const PUBSUB_MESSAGE_TYPE = 'type.googleapis.com/google.pubsub.v1.PubsubMessage';
const PUBSUB_PATH = '/google.pubsub';
// As the Functions Framework: the topic is known only from the push endpoint's path.
const TOPIC_IN_PATH = /projects\/[^/?#]+\/topics\/[^/?#]+/;

/**
 * The envelope's message as one CloudEvent, the Functions Framework's way. The source names the topic
 * when the push endpoint's path does (`.../projects/P/topics/T`), else the subscription (the
 * Framework leaves it empty then: `//pubsub.googleapis.com/`). `deliveryAttempt`, when Pub/Sub sends
 * it (dead-letter policies), stays in the data next to `subscription`.
 *
 * @example
 * pubSubCloudEvent({ message: { data: 'SGk=', messageId: '1' }, subscription: 'projects/p/subscriptions/s' }, '/projects/p/topics/t').source;
 * // '//pubsub.googleapis.com/projects/p/topics/t'
 */
export function pubSubCloudEvent(envelope: PubSubPushEnvelope, url: string): CloudEvent {
  const message = envelope.message as PubSubPushEnvelope['message'] & { message_id?: string; publish_time?: string };
  const id = message.messageId ?? message.message_id ?? randomUUID();
  const time = message.publishTime ?? message.publish_time ?? new Date().toISOString();
  const topic = TOPIC_IN_PATH.exec(url.split('?')[0] as string)?.[0];
  const data: Record<string, unknown> = {
    message: { '@type': PUBSUB_MESSAGE_TYPE, ...message, attributes: message.attributes ?? {}, messageId: id, publishTime: time },
    subscription: envelope.subscription,
  };
  if (envelope.deliveryAttempt !== undefined) data.deliveryAttempt = envelope.deliveryAttempt;
  return {
    specversion: '1.0',
    id,
    source: `//pubsub.googleapis.com/${topic ?? envelope.subscription}`,
    type: PUBSUB_MESSAGE_PUBLISHED,
    time,
    datacontenttype: 'application/json',
    data,
  };
}

function work(envelope: PubSubPushEnvelope, push: PushRequest, context: SenderContext): Work {
  // Event mode: the envelope as the JSON event, as a Lambda invocation of it; record mode: the CloudEvent.
  if (context.mode === 'event') return { kind: 'deliver', deliver: 'event', events: [envelope] };
  return { kind: 'deliver', deliver: 'cloudevents', events: [pubSubCloudEvent(envelope, push.url)], path: PUBSUB_PATH };
}

/** Pub/Sub acknowledges a push answered 102, 200, 201, 202 or 204; anything else is redelivered. */
const answer: Sender['answer'] = (outcomes) => allOrFirstFailure(outcomes, 204);

/**
 * Wrapped push: the JSON envelope, `message` object and `subscription` string.
 *
 * @example
 * pubSubSender.recognise(push, { message: { data: 'SGk=' }, subscription: 'projects/p/subscriptions/s' }); // true
 */
export const pubSubSender: Sender = {
  name: 'google.pubsub',
  expects: 'a Pub/Sub push ({ "message": {...}, "subscription": "projects/P/subscriptions/S" })',
  needsJson: true,
  recognise: (_push, json) => isPubSubPush(json),
  toEvents: (push, json, context) => work(json as PubSubPushEnvelope, push, context),
  answer,
};

/**
 * Unwrapped push (`--push-no-wrapper`, with `--push-no-wrapper-write-metadata`): the body is the
 * message data, the metadata is in `x-goog-pubsub-subscription-name`, `-message-id`, `-publish-time`
 * and `-ordering-key`. The envelope is rebuilt (data base64, attributes empty: Pub/Sub writes them as
 * plain headers, which cannot be told apart from the others), so the app sees the same shape either way.
 *
 * @example
 * unwrappedPubSubSender.recognise({ ...push, headers: { 'x-goog-pubsub-message-id': '1' } }, undefined); // true
 */
export const unwrappedPubSubSender: Sender = {
  name: 'google.pubsub.unwrapped',
  expects: 'an unwrapped Pub/Sub push (x-goog-pubsub-message-id and x-goog-pubsub-subscription-name headers)',
  needsJson: false,
  recognise: (push) => push.headers['x-goog-pubsub-message-id'] !== undefined || push.headers['x-goog-pubsub-subscription-name'] !== undefined,
  toEvents: (push, _json, context) => {
    const h = push.headers;
    const message: PubSubPushEnvelope['message'] = { data: push.body.toString('base64'), attributes: {} };
    if (h['x-goog-pubsub-message-id'] !== undefined) message.messageId = h['x-goog-pubsub-message-id'];
    if (h['x-goog-pubsub-publish-time'] !== undefined) message.publishTime = h['x-goog-pubsub-publish-time'];
    if (h['x-goog-pubsub-ordering-key'] !== undefined) message.orderingKey = h['x-goog-pubsub-ordering-key'];
    return work({ message, subscription: h['x-goog-pubsub-subscription-name'] ?? '' }, push, context);
  },
  answer,
};
