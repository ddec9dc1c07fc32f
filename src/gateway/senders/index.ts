/**
 * The senders, in recognition order: the first that recognises a push handles it. Header-recognised
 * senders come first (no body parsing needed): CloudEvents (`ce-specversion`, CloudEvents media
 * types), SNS (`x-amz-sns-message-type`), unwrapped Pub/Sub (`x-goog-pubsub-*`). Then the body's
 * JSON: a Pub/Sub envelope, an Event Grid array, any event `routeFor` recognises.
 */
import { awsEventSender } from './aws-event.js';
import { cloudEventsSender } from './cloudevents.js';
import { eventGridSender } from './event-grid.js';
import { pubSubSender, unwrappedPubSubSender } from './pubsub.js';
import { snsSender } from './sns.js';
import type { Sender } from './types.js';

export const senders: readonly Sender[] = [cloudEventsSender, snsSender, unwrappedPubSubSender, pubSubSender, eventGridSender, awsEventSender];

/** What the gateway recognises, for the 400 answer to anything else. */
export const EXPECTED = senders.map((sender) => sender.expects);

export type { Sender, SenderContext, Work } from './types.js';
export { webhookHandshake } from './event-grid.js';
