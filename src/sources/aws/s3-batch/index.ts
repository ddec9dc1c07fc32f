import type { S3BatchEvent } from 'aws-lambda';
import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { field, isObject, recordsOf, textField } from '../../convert/values.js';
import { encodeSegment } from '../../path.js';
import type { JsonSource } from '../../types.js';

/**
 * S3 Batch Operations (schema 1.0 and 2.0): a string `invocationSchemaVersion` with a `job` object.
 * The schema version field is S3 Batch's own; `job` keeps a bare version field elsewhere out.
 *
 * @example
 * isS3BatchEvent({ invocationSchemaVersion: '2.0', invocationId: 'i', job: { id: 'j' }, tasks: [] }); // true
 */
export function isS3BatchEvent(event: unknown): event is S3BatchEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return typeof candidate.invocationSchemaVersion === 'string' && isObject(candidate.job);
}

/**
 * S3 Batch Operations: one CloudEvent per invocation (S3 Batch sends one task per invocation and
 * wants one result document back). id `invocationId`; source `aws:s3:batch-job/` + `job.id`
 * (`aws:s3:batch-job`); type `com.amazonaws.s3.batch.invocation`; subject the task's `s3Key` as sent,
 * when the invocation has exactly one task; data the event. Path `/aws.s3.batch`; answer `json`:
 * the app's JSON body, the result document
 * `{ invocationSchemaVersion, treatMissingKeysAs, invocationId, results: [{ taskId, resultCode, resultString }] }`,
 * is the result.
 *
 * @example
 * s3BatchSource.toCloudEvents(event)[0].source; // 'aws:s3:batch-job/f3cc4f60-61f6-4a2b-8a21-d07600c373ce'
 */
export const s3BatchSource: JsonSource<S3BatchEvent> = {
  name: 'aws.s3.batch',
  detect: isS3BatchEvent,
  route: () => '/aws.s3.batch',
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const job = textField(field(event, 'job'), 'id');
      const tasks = recordsOf(event, 'tasks');
      return [
        buildCloudEvent(
          {
            id: textField(event, 'invocationId') ?? invocationId(context),
            source: job === undefined ? 'aws:s3:batch-job' : `aws:s3:batch-job/${encodeSegment(job)}`,
            type: 'com.amazonaws.s3.batch.invocation',
            subject: tasks.length === 1 ? textField(tasks[0], 's3Key') : undefined,
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'json',
};
