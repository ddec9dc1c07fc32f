import type { SQSEvent } from 'aws-lambda';
import type { CloudEvent } from '../../../cloudevents/types.js';
import type { LambdaContext } from '../../../lambda-context.js';
import { buildCloudEvent } from '../../convert/build.js';
import { textPayload } from '../../convert/payload.js';
import { toRfc3339 } from '../../convert/time.js';
import { isObject, text, textField, type JsonObject } from '../../convert/values.js';
import { sqsSource } from '../sqs/index.js';

/*
 * Events inside events. AWS often delivers one service's notification through another: S3 or SNS
 * notifications in SQS message bodies, S3 notifications through EventBridge, SES receipts through SNS.
 * By default each arrives as the outer event (SQS at `/aws.sqs` with the inner notification as the
 * parsed body, EventBridge at `/` + source, SNS at `/aws.sns`); see docs/mapping.md. Unwrapping is
 * opt-in, through the helpers here.
 */

/**
 * An SNS notification as SNS writes it into an SQS message body (subscription without raw message
 * delivery): an object with `Type` `Notification`, a string `TopicArn` and a string `Message`.
 *
 * @example
 * isSnsNotification({ Type: 'Notification', MessageId: 'm', TopicArn: 'arn:aws:sns:eu-west-1:1:t', Message: 'hi' }); // true
 */
export function isSnsNotification(value: unknown): value is JsonObject & { Type: 'Notification'; TopicArn: string; Message: string } {
  return isObject(value) && value.Type === 'Notification' && typeof value.TopicArn === 'string' && typeof value.Message === 'string';
}

/**
 * The CloudEvents of an SQS event whose messages are SNS notifications (an SNS topic with an SQS
 * subscription, raw message delivery off): one per SQS record and in record order, as record mode
 * delivers SQS records, but each SNS notification unwrapped: id the SNS `MessageId`; source the topic
 * ARN; type `com.amazonaws.sns.Notification`; subject the SNS `Subject`; time the SNS `Timestamp`; data
 * the SNS `Message`, JSON when it parses, else text. A record whose body is not an SNS notification
 * keeps its SQS CloudEvent. Pure, never throws; not applied by default (the package delivers such
 * records as SQS records, the notification being the parsed body).
 *
 * `event` is typed by the one field it needs, `Records`, so that `SQSEvent` of `@types/aws-lambda` and a
 * plain object are accepted and the shipped declaration imports nothing from 'aws-lambda' (an optional
 * peer dependency; docs/decisions.md §2).
 *
 * @example
 * unwrapSnsInSqs(sqsEventWithSnsBodies)[0];
 * // { specversion: '1.0', id: '<SNS MessageId>', source: 'arn:aws:sns:...', type: 'com.amazonaws.sns.Notification',
 * //   datacontenttype: 'application/json', time: '...', data: { message: 'hello world' } }
 */
export function unwrapSnsInSqs(event: { Records: readonly object[] }, context?: LambdaContext): CloudEvent[] {
  // The SQS mapping reads every field defensively (recordsOf, textField): any object records will do.
  const events = sqsSource.toCloudEvents(event as SQSEvent, context);
  for (let i = 0; i < events.length; i++) {
    const sqsEvent = events[i] as CloudEvent;
    const notification = sqsEvent.data;
    if (sqsEvent.datacontenttype !== 'application/json' || !isSnsNotification(notification)) continue;
    events[i] = buildCloudEvent(
      {
        id: textField(notification, 'MessageId') ?? sqsEvent.id,
        source: text(notification.TopicArn) ?? sqsEvent.source,
        type: 'com.amazonaws.sns.Notification',
        subject: textField(notification, 'Subject'),
        time: toRfc3339(notification.Timestamp),
      },
      textPayload(notification.Message),
    );
  }
  return events;
}
