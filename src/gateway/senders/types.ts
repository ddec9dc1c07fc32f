import type { PushKind, Outcome } from '../deliver.js';
import type { GatewayAnswer, PushRequest } from '../types.js';

/** What a sender makes of a push. */
export type Work =
  /** Deliver these events; `path` overrides the CloudEvents' own routing fallback. */
  | { kind: 'deliver'; deliver: PushKind; events: readonly unknown[]; path?: string; single?: boolean }
  /** Answer without delivering anything (a handshake, an acknowledgement). */
  | { kind: 'answer'; answer: GatewayAnswer }
  /** SNS: confirm the subscription of `topicArn` by GETting `url` (if the topic is allowed). */
  | { kind: 'confirm'; url: string; topicArn: string };

/** What a sender's functions are given besides the push. */
export interface SenderContext {
  mode: 'event' | 'record';
}

/**
 * One kind of pusher (CloudEvents producers, Pub/Sub, Event Grid, SNS, AWS events): pure functions,
 * registered in one ordered list (`senders/index.ts`); the first that recognises a push handles it.
 */
export interface Sender {
  /** Stable name, for logs and errors. */
  readonly name: string;
  /** What it recognises, for the 400 answer to a push nobody recognises. */
  readonly expects: string;
  /** Recognised from the body's JSON (given parsed), not from headers alone. */
  readonly needsJson: boolean;
  /** SNS: the message's signature must be verified before anything else. */
  readonly signed?: boolean;
  recognise(push: PushRequest, json: unknown): boolean;
  /** The work for a recognised push; throws a GatewayError (400, ...) for a malformed one. */
  toEvents(push: PushRequest, json: unknown, context: SenderContext): Work;
  /** The answer for the outcomes of the push's deliveries. */
  answer(outcomes: readonly Outcome[], work: Work & { kind: 'deliver' }): GatewayAnswer;
}
