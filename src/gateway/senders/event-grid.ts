/**
 * Azure Event Grid webhooks: the Event Grid schema (a JSON array of events, with the
 * `SubscriptionValidationEvent` handshake) and, for the CloudEvents schema, the `OPTIONS`
 * abuse-protection handshake of the CloudEvents webhook spec (the events themselves are CloudEvents).
 */
import { isEventGridEvent } from '../../sources/index.js';
import type { EventGridEvent } from '../../sources/index.js';
import { emptyAnswer, errorAnswer, gatewayError, jsonAnswer } from '../types.js';
import type { GatewayAnswer, PushRequest } from '../types.js';
import { allOrFirstFailure } from './answers.js';
import type { Sender } from './types.js';

const VALIDATION_EVENT = 'Microsoft.EventGrid.SubscriptionValidationEvent';

/**
 * Event Grid schema: an array whose first element has `eventType` and `eventTime`. A
 * `SubscriptionValidationEvent` is answered 200 `{ validationResponse }` and never delivered; other
 * events are delivered one by one at `/azure.eventgrid`; the push is answered 200 when every event
 * was accepted, else the first failing status.
 *
 * @example
 * eventGridSender.recognise(push, [{ id: '1', eventType: 't', eventTime: '2024-01-01T00:00:00Z', data: {} }]); // true
 */
export const eventGridSender: Sender = {
  name: 'azure.eventgrid',
  expects: 'an Event Grid delivery (a JSON array of Event Grid schema events)',
  needsJson: true,
  recognise: (_push, json) => Array.isArray(json) && isEventGridEvent(json),
  toEvents: (_push, json) => {
    const events = json as EventGridEvent[];
    const validation = events.find((event) => event?.eventType === VALIDATION_EVENT);
    if (validation !== undefined) {
      const code = (validation.data as { validationCode?: unknown } | undefined)?.validationCode;
      if (typeof code !== 'string') throw gatewayError(400, 'MALFORMED_JSON', 'a SubscriptionValidationEvent without data.validationCode');
      return { kind: 'answer', answer: jsonAnswer(200, { validationResponse: code }) };
    }
    return { kind: 'deliver', deliver: 'event', events };
  },
  answer: (outcomes) => allOrFirstFailure(outcomes, 200),
};

/**
 * The CloudEvents webhook abuse-protection handshake (CloudEvents Web Hooks spec §4): an `OPTIONS`
 * request with `WebHook-Request-Origin` is answered 200 with `WebHook-Allowed-Origin` (the origin)
 * and `WebHook-Allowed-Rate: *` when the origin is in `allowedOrigins` (`*` allows any), else 403.
 * `undefined` for a request that is not the handshake.
 *
 * @example
 * webhookHandshake({ method: 'OPTIONS', url: '/', headers: { 'webhook-request-origin': 'eventgrid.azure.net' }, body: Buffer.alloc(0) }, ['eventgrid.azure.net']);
 * // { statusCode: 200, headers: { 'webhook-allowed-origin': 'eventgrid.azure.net', 'webhook-allowed-rate': '*', allow: 'POST, OPTIONS' }, body: '' }
 */
export function webhookHandshake(push: PushRequest, allowedOrigins: readonly string[]): GatewayAnswer | undefined {
  if (push.method !== 'OPTIONS') return undefined;
  const origin = push.headers['webhook-request-origin'];
  if (origin === undefined) return undefined;
  const wanted = origin.trim().toLowerCase();
  if (!allowedOrigins.some((allowed) => allowed === '*' || allowed.toLowerCase() === wanted)) {
    return errorAnswer(gatewayError(403, 'ORIGIN_NOT_ALLOWED', `WebHook-Request-Origin ${JSON.stringify(origin)} is not in auth.eventGrid.allowedOrigins`));
  }
  return emptyAnswer(200, { 'webhook-allowed-origin': origin.trim(), 'webhook-allowed-rate': '*', allow: 'POST, OPTIONS' });
}
