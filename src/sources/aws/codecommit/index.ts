import type { CodeCommitTriggerEvent } from 'aws-lambda';
import { buildCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { toRfc3339 } from '../../convert/time.js';
import { field, firstRecord, recordsOf, textField } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';

/** A CodeCommit repository trigger invocation. */
export type CodeCommitEvent = CodeCommitTriggerEvent;

/**
 * CodeCommit triggers: `Records[0].eventSource` is `aws:codecommit`.
 *
 * @example
 * isCodeCommitEvent({ Records: [{ eventSource: 'aws:codecommit' }] }); // true
 */
export function isCodeCommitEvent(event: unknown): event is CodeCommitEvent {
  return firstRecord(event)?.eventSource === 'aws:codecommit';
}

/** The record's only reference (`refs/heads/main`), when it has exactly one. */
function singleRef(record: unknown): string | undefined {
  const references = field(field(record, 'codecommit'), 'references');
  return Array.isArray(references) && references.length === 1 ? textField(references[0], 'ref') : undefined;
}

/**
 * CodeCommit: one CloudEvent per record. id `eventId` (with `-` + `eventPartNumber` when the trigger
 * event is split into parts); source `eventSourceARN` (the repository); type
 * `com.amazonaws.codecommit.` + eventName; subject the reference when the record has exactly one;
 * time `eventTime` (its `+0000` offset normalised); data the record. Path `/aws.codecommit`.
 *
 * @example
 * codeCommitSource.toCloudEvents(event)[0].subject; // 'refs/heads/master'
 */
export const codeCommitSource: PlainSource<CodeCommitEvent> = {
  name: 'aws.codecommit',
  detect: isCodeCommitEvent,
  route: () => '/aws.codecommit',
  toCloudEvents: (event, context) =>
    mapRecords(
      recordsOf(event),
      (record, index) => {
        const eventId = textField(record, 'eventId');
        const parts = field(record, 'eventTotalParts');
        const part = field(record, 'eventPartNumber');
        return buildCloudEvent(
          {
            id:
              eventId === undefined
                ? invocationId(context, index)
                : typeof parts === 'number' && parts > 1 && typeof part === 'number' ? `${eventId}-${part}` : eventId,
            source: textField(record, 'eventSourceARN') ?? 'aws:codecommit',
            type: `com.amazonaws.codecommit.${textField(record, 'eventName') ?? 'event'}`,
            subject: singleRef(record),
            time: toRfc3339(field(record, 'eventTime')),
          },
          jsonPayload(record),
        );
      },
      context,
    ),
  answer: 'reject',
};
