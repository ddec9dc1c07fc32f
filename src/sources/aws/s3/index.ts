import type { S3Event } from 'aws-lambda';
import { buildCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { toRfc3339 } from '../../convert/time.js';
import { field, firstRecord, recordsOf, textField } from '../../convert/values.js';
import type { EventSource } from '../../types.js';

/**
 * S3 event notifications: `Records[0].eventSource` is `aws:s3`, the field every Records-based AWS
 * event carries and sets to its own service.
 *
 * @example
 * isS3Event({ Records: [{ eventSource: 'aws:s3' }] }); // true
 */
export function isS3Event(event: unknown): event is S3Event {
  return firstRecord(event)?.eventSource === 'aws:s3';
}

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;
const PLUS = /\+/g;
const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/**
 * An S3 object key as it appears in an event (URL-encoded, `+` for space) decoded to the real key.
 * A malformed escape never throws: a run of escapes that is not valid UTF-8 is left as written.
 *
 * @example
 * decodeS3Key('Happy+Face%21.jpg'); // 'Happy Face!.jpg'
 * decodeS3Key('100%.txt');          // '100%.txt'
 */
export function decodeS3Key(key: string): string {
  const spaced = key.includes('+') ? key.replace(PLUS, ' ') : key;
  if (!PERCENT_ESCAPE.test(spaced)) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(ESCAPE_RUN, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/**
 * S3, as the CloudEvents AWS S3 adapter maps it (cloudevents/spec, `cloudevents/adapters/aws-s3.md`):
 * id `x-amz-request-id` + `.` + `x-amz-id-2`; source `eventSource` + `.` + `awsRegion` + `.` + bucket
 * name; type `com.amazonaws.s3.` + eventName; subject the object key (URL-decoded here, as the project's
 * contract asks); time `eventTime`; data the S3 record. Path `/aws.s3`, delivery `async`.
 *
 * @example
 * s3Source.toCloudEvents(event)[0].type; // 'com.amazonaws.s3.ObjectCreated:Put'
 */
export const s3Source: EventSource<S3Event> = {
  name: 'aws.s3',
  detect: isS3Event,
  route: () => '/aws.s3',
  toCloudEvents: (event, context) =>
    mapRecords(
      recordsOf(event),
      (record, index) => {
        const response = field(record, 'responseElements');
        const requestId = textField(response, 'x-amz-request-id');
        const hostId = textField(response, 'x-amz-id-2');
        const s3 = field(record, 's3');
        const key = textField(field(s3, 'object'), 'key');
        const source = [
          textField(record, 'eventSource') ?? 'aws:s3',
          textField(record, 'awsRegion'),
          textField(field(s3, 'bucket'), 'name'),
        ];
        return buildCloudEvent(
          {
            id: requestId !== undefined && hostId !== undefined ? `${requestId}.${hostId}` : invocationId(context, index),
            source: source.filter((part) => part !== undefined).join('.'),
            type: `com.amazonaws.s3.${textField(record, 'eventName') ?? 'event'}`,
            subject: key === undefined ? undefined : decodeS3Key(key),
            time: toRfc3339(field(record, 'eventTime')),
          },
          jsonPayload(record),
        );
      },
      context,
    ),
  delivery: 'async',
};
