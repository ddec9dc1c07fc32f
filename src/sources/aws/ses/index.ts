import type { SESEvent } from 'aws-lambda';
import { buildCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { toRfc3339 } from '../../convert/time.js';
import { field, firstRecord, recordsOf, textField } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';

/**
 * SES email receiving: `Records[0].eventSource` is `aws:ses`.
 *
 * @example
 * isSesEvent({ Records: [{ eventSource: 'aws:ses' }] }); // true
 */
export function isSesEvent(event: unknown): event is SESEvent {
  return firstRecord(event)?.eventSource === 'aws:ses';
}

/**
 * SES receipt rules: one CloudEvent per record. id `ses.mail.messageId`; source `aws:ses`; type
 * `com.amazonaws.ses.received`; subject the mail's `Subject` header (`commonHeaders.subject`); time
 * `ses.mail.timestamp`; data the `ses` object (`mail` and `receipt`). Path `/aws.ses`, answer `reject`.
 *
 * @example
 * sesSource.toCloudEvents(event)[0].subject; // 'Test Subject'
 */
export const sesSource: PlainSource<SESEvent> = {
  name: 'aws.ses',
  detect: isSesEvent,
  route: () => '/aws.ses',
  toCloudEvents: (event, context) =>
    mapRecords(
      recordsOf(event),
      (record, index) => {
        const ses = field(record, 'ses');
        const mail = field(ses, 'mail');
        return buildCloudEvent(
          {
            id: textField(mail, 'messageId') ?? invocationId(context, index),
            source: 'aws:ses',
            type: 'com.amazonaws.ses.received',
            subject: textField(field(mail, 'commonHeaders'), 'subject'),
            time: toRfc3339(field(mail, 'timestamp')),
          },
          jsonPayload(ses === undefined ? null : ses),
        );
      },
      context,
    ),
  answer: 'reject',
};
