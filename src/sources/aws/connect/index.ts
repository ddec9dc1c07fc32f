import type { ConnectContactFlowEvent } from 'aws-lambda';
import type { DispatchResponse } from '../../../dispatch/types.js';
import { EventDeliveryError } from '../../../errors.js';
import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { field, isObject, textField } from '../../convert/values.js';
import type { JsonSource } from '../../types.js';

/**
 * Amazon Connect's "Invoke AWS Lambda function" flow block: `Name: 'ContactFlowEvent'` with a
 * `Details.ContactData` object. `Name` alone is a plausible field elsewhere; with `Details.ContactData`
 * it is Connect's.
 *
 * @example
 * isConnectContactFlowEvent({ Name: 'ContactFlowEvent', Details: { ContactData: {}, Parameters: {} } }); // true
 * isConnectContactFlowEvent({ Name: 'ContactFlowEvent' });                                              // false
 */
export function isConnectContactFlowEvent(event: unknown): event is ConnectContactFlowEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return candidate.Name === 'ContactFlowEvent' && isObject(field(candidate.Details, 'ContactData'));
}

/** What Connect takes from the function: a flat map of strings (or, with JSON validation, nested JSON). */
export type ConnectContactFlowResult = Record<string, unknown>;

/**
 * The result Connect reads from the app's 2xx JSON object: strings as they are, numbers and booleans
 * as their text (Connect's default `STRING_MAP` validation takes strings only), `null` members left
 * out, objects and arrays kept (Connect accepts them with the block's `JSON` validation; with
 * `STRING_MAP` it takes the block's Error branch, as it would for the function's own nested answer).
 * An empty body is `{}` (no attributes). A body that is not a JSON object has no attributes to give,
 * and Connect would only fail the block on it: the invocation rejects (`EVENT_REJECTED`), so it is
 * logged and counted as Lambda's error.
 *
 * @example
 * connectContactFlowResult({ statusCode: 200, headers: {}, body: Buffer.from('{"balance":12.5,"vip":true}') });
 * // { balance: '12.5', vip: 'true' }
 */
export function connectContactFlowResult(response: DispatchResponse): ConnectContactFlowResult {
  if (response.body.length === 0) return {};
  const text = response.body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isObject(parsed)) {
    throw new EventDeliveryError(`the app answered ${response.statusCode} to POST /aws.connect with a body that is not a JSON object: Amazon Connect needs an object of attributes`, {
      code: 'EVENT_REJECTED',
      statusCode: response.statusCode,
      body: text,
      path: '/aws.connect',
    });
  }
  const attributes: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== null) attributes.push([key, typeof value === 'number' || typeof value === 'boolean' ? String(value) : value]);
  }
  // fromEntries defines each member, so an attribute named `__proto__` stays an attribute.
  return Object.fromEntries(attributes);
}

/**
 * Amazon Connect flows: one CloudEvent. id the request id (a contact can invoke functions many times);
 * source the instance ARN (`aws:connect`); type `com.amazonaws.connect.ContactFlowEvent`; subject the
 * `ContactId`; data the event. Path `/aws.connect` (the event names no flow; a flow tells its calls
 * apart with the block's `Details.Parameters`); answer `json`: a 2xx JSON object as the flat attribute
 * map Connect reads (`connectContactFlowResult`); any other status rejects, and the block takes its
 * Error branch.
 *
 * @example
 * connectSource.toCloudEvents(event)[0].subject; // the ContactId
 */
export const connectSource: JsonSource<ConnectContactFlowEvent> = {
  name: 'aws.connect',
  detect: isConnectContactFlowEvent,
  route: () => '/aws.connect',
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const contact = field(field(event, 'Details'), 'ContactData');
      return [
        buildCloudEvent(
          {
            id: invocationId(context),
            source: textField(contact, 'InstanceARN') ?? 'aws:connect',
            type: 'com.amazonaws.connect.ContactFlowEvent',
            subject: textField(contact, 'ContactId'),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'json',
  respond: connectContactFlowResult,
};
