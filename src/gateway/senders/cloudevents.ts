/**
 * CloudEvents producers (Knative, Eventarc, Dapr, Event Grid's CloudEvents schema, any SDK): binary
 * (`ce-specversion`), structured (`application/cloudevents+json`) and batched content mode.
 */
import { CloudEventError } from '../../cloudevents/errors.js';
import { detectCloudEventMode, fromHttp } from '../../cloudevents/http/decode.js';
import type { Outcome } from '../deliver.js';
import { emptyAnswer, gatewayError } from '../types.js';
import type { GatewayAnswer, PushRequest } from '../types.js';
import { allOrFirstFailure, failureAnswer } from './answers.js';
import type { Sender, Work } from './types.js';

/**
 * A single event accepted: the app's 2xx status; when the app's answer is itself a valid CloudEvent
 * (binary or structured), that event is the answer, as the reply Knative forwards. A batch: 200 when
 * every event was accepted, else the first failing status.
 */
function answer(outcomes: readonly Outcome[], work: Work & { kind: 'deliver' }): GatewayAnswer {
  if (work.single !== true) return allOrFirstFailure(outcomes, 200);
  const outcome = outcomes[0];
  if (outcome === undefined) return emptyAnswer(500);
  if (outcome.state !== 'accepted') return failureAnswer(outcome);
  return replyEvent(outcome) ?? emptyAnswer(outcome.statusCode);
}

/** The app's answer as a reply event (its `ce-` headers, content type and body), if it is a valid one. */
function replyEvent(outcome: Outcome & { state: 'accepted' }): GatewayAnswer | undefined {
  if (detectCloudEventMode(outcome.headers) === undefined) return undefined;
  try {
    fromHttp({ headers: outcome.headers, body: outcome.body });
  } catch (error) {
    console.error(`cloud-events-handler: the app's answer to ${outcome.path} looks like a CloudEvent but is not a valid one; no reply event is sent:`, error);
    return undefined;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(outcome.headers)) {
    if ((name === 'content-type' || name.startsWith('ce-')) && typeof value === 'string') headers[name] = value;
  }
  return { statusCode: outcome.statusCode, headers, body: outcome.body };
}

/**
 * The CloudEvents sender: recognised by headers alone (`detectCloudEventMode`); decoded with the HTTP
 * binding (charset, any case); invalid events are 400 (415 for a CloudEvents format other than JSON).
 *
 * @example
 * cloudEventsSender.recognise({ method: 'POST', url: '/', headers: { 'ce-specversion': '1.0' }, body: Buffer.alloc(0) }, undefined); // true
 */
export const cloudEventsSender: Sender = {
  name: 'cloudevents',
  expects: 'a CloudEvent (a ce-specversion header, or Content-Type application/cloudevents+json or application/cloudevents-batch+json)',
  needsJson: false,
  recognise: (push: PushRequest) => detectCloudEventMode(push.headers) !== undefined,
  toEvents: (push: PushRequest): Work => {
    let decoded;
    try {
      decoded = fromHttp({ headers: push.headers, body: push.body.length === 0 ? undefined : push.body });
    } catch (error) {
      const status = error instanceof CloudEventError ? error.status : 400;
      throw gatewayError(status, 'INVALID_CLOUDEVENT', `not a valid CloudEvent: ${(error as Error).message}`, error);
    }
    return Array.isArray(decoded)
      ? { kind: 'deliver', deliver: 'cloudevents', events: decoded }
      : { kind: 'deliver', deliver: 'cloudevents', events: [decoded], single: true };
  },
  answer,
};
