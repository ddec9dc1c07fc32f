/**
 * SNS HTTP(S) subscriptions (`x-amz-sns-message-type`). The JSON message's signature is verified
 * before anything else (auth/sns-signature.ts). `Notification`: delivered as the SNS record Lambda
 * would get (`/aws.sns`); `SubscriptionConfirmation`: confirmed for allowed topics only;
 * `UnsubscribeConfirmation`: acknowledged, not delivered.
 */
import { gatewayError, emptyAnswer } from '../types.js';
export { isSnsUrl } from '../auth/sns-url.js';
import type { PushRequest } from '../types.js';
import { allOrFirstFailure, parseJson } from './answers.js';
import type { Sender } from './types.js';

/** An SNS HTTP(S) message (docs.aws.amazon.com/sns/latest/dg/http-notification-json.html). */
export interface SnsHttpMessage {
  Type: 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation' | string;
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
  UnsubscribeURL?: string;
  SubscribeURL?: string;
  Token?: string;
  MessageAttributes?: Record<string, { Type: string; Value: string }>;
}

/**
 * The push's SNS message: its JSON body (SNS sends it as `text/plain`), with the fields every type
 * has, and the type the `x-amz-sns-message-type` header names.
 *
 * @throws GatewayError 400 when the body is not such a message.
 * @example
 * snsMessage(push).TopicArn; // 'arn:aws:sns:us-east-1:123456789012:books'
 */
export function snsMessage(push: PushRequest): SnsHttpMessage {
  const parsed = parseJson(push.body)?.value as Partial<SnsHttpMessage> | undefined;
  if (typeof parsed !== 'object' || parsed === null) throw gatewayError(400, 'MALFORMED_JSON', 'an SNS message must be a JSON object');
  for (const key of ['Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL'] as const) {
    if (typeof parsed[key] !== 'string') throw gatewayError(400, 'MALFORMED_JSON', `an SNS message without ${key}`);
  }
  if (parsed.Type !== push.headers['x-amz-sns-message-type']) {
    throw gatewayError(400, 'MALFORMED_JSON', `x-amz-sns-message-type ${JSON.stringify(push.headers['x-amz-sns-message-type'])} does not match the message's Type ${JSON.stringify(parsed.Type)}`);
  }
  return parsed as SnsHttpMessage;
}

/**
 * A Notification as the SNS event Lambda receives (field names as Lambda spells them:
 * `SigningCertUrl`, `UnsubscribeUrl`), so that the app's `/aws.sns` route serves both.
 *
 * @example
 * snsRecordEvent(message, 'arn:aws:sns:us-east-1:1:books:sub').Records[0].EventSource; // 'aws:sns'
 */
export function snsRecordEvent(message: SnsHttpMessage, subscriptionArn: string | undefined) {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: subscriptionArn ?? '',
        Sns: {
          Type: message.Type,
          MessageId: message.MessageId,
          TopicArn: message.TopicArn,
          Subject: message.Subject ?? null,
          Message: message.Message,
          Timestamp: message.Timestamp,
          SignatureVersion: message.SignatureVersion,
          Signature: message.Signature,
          SigningCertUrl: message.SigningCertURL,
          UnsubscribeUrl: message.UnsubscribeURL ?? '',
          MessageAttributes: message.MessageAttributes ?? {},
        },
      },
    ],
  };
}

/**
 * The SNS sender: recognised by its header; answered 200 when the app accepted the notification, else
 * the app's status (SNS retries 5xx and connection failures by its delivery policy; a 4xx is not
 * retried: the message goes to the subscription's dead-letter queue if it has one).
 *
 * @example
 * snsSender.recognise({ ...push, headers: { 'x-amz-sns-message-type': 'Notification' } }, undefined); // true
 */
export const snsSender: Sender = {
  name: 'aws.sns',
  expects: 'an SNS HTTP(S) message (x-amz-sns-message-type header)',
  needsJson: false,
  signed: true,
  recognise: (push) => push.headers['x-amz-sns-message-type'] !== undefined,
  toEvents: (push) => {
    const message = snsMessage(push);
    if (message.Type === 'Notification') {
      return { kind: 'deliver', deliver: 'event', events: [snsRecordEvent(message, push.headers['x-amz-sns-subscription-arn'])] };
    }
    if (message.Type === 'SubscriptionConfirmation') {
      if (typeof message.SubscribeURL !== 'string') throw gatewayError(400, 'MALFORMED_JSON', 'a SubscriptionConfirmation without SubscribeURL');
      return { kind: 'confirm', url: message.SubscribeURL, topicArn: message.TopicArn };
    }
    if (message.Type === 'UnsubscribeConfirmation') return { kind: 'answer', answer: emptyAnswer(200) };
    throw gatewayError(400, 'MALFORMED_JSON', `unknown SNS message type ${JSON.stringify(message.Type)}`);
  },
  answer: (outcomes) => allOrFirstFailure(outcomes, 200),
};
