import type { SNSEvent } from 'aws-lambda';
import { buildCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { toRfc3339 } from '../../convert/time.js';
import { field, firstRecord, recordsOf, textField } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';

/**
 * SNS: `Records[0].EventSource` is `aws:sns` (SNS alone spells these fields with capitals).
 *
 * @example
 * isSnsEvent({ Records: [{ EventSource: 'aws:sns' }] }); // true
 */
export function isSnsEvent(event: unknown): event is SNSEvent {
  return firstRecord(event)?.EventSource === 'aws:sns';
}

/**
 * SNS, as the CloudEvents AWS SNS adapter maps a notification (cloudevents/spec,
 * `cloudevents/adapters/aws-sns.md`), reading the HTTP headers' values from the record: id
 * `Sns.MessageId`; source the subscription ARN (`EventSubscriptionArn`, else the topic ARN); type
 * `com.amazonaws.sns.` + `Sns.Type` (`Notification`); subject `Sns.Subject` when present; time
 * `Sns.Timestamp`; data the SNS message object (the HTTP payload's equivalent), `application/json`.
 * Path `/aws.sns`, answer `reject`.
 *
 * @example
 * snsSource.toCloudEvents(event)[0].type; // 'com.amazonaws.sns.Notification'
 */
export const snsSource: PlainSource<SNSEvent> = {
  name: 'aws.sns',
  detect: isSnsEvent,
  route: () => '/aws.sns',
  toCloudEvents: (event, context) =>
    mapRecords(
      recordsOf(event),
      (record, index) => {
        const sns = field(record, 'Sns');
        return buildCloudEvent(
          {
            id: textField(sns, 'MessageId') ?? invocationId(context, index),
            source: textField(record, 'EventSubscriptionArn') ?? textField(sns, 'TopicArn') ?? 'aws:sns',
            type: `com.amazonaws.sns.${textField(sns, 'Type') ?? 'Notification'}`,
            subject: textField(sns, 'Subject'),
            time: toRfc3339(field(sns, 'Timestamp')),
          },
          jsonPayload(sns === undefined ? null : sns),
        );
      },
      context,
    ),
  answer: 'reject',
};
