import type { S3Event } from 'aws-lambda';
import { isUtf8 } from 'node:buffer';
import { buildCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { toRfc3339 } from '../../convert/time.js';
import { field, firstRecord, recordsOf, textField } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';

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

/** Length of the UTF-8 sequence a lead byte starts (0: not a lead byte). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * A run of `%XX` escapes decoded sequence by sequence: each valid UTF-8 character is decoded, each
 * byte that does not start one is kept as its escape, as written.
 */
function decodeEscapeRun(run: string): string {
  const bytes = Buffer.from(run.replaceAll('%', ''), 'hex');
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes[i] ?? 0);
    const sequence = length === 0 ? undefined : bytes.subarray(i, i + length);
    if (sequence !== undefined && sequence.length === length && isUtf8(sequence)) {
      out += sequence.toString('utf8');
      i += length;
    } else {
      out += run.slice(i * 3, i * 3 + 3);
      i += 1;
    }
  }
  return out;
}

/**
 * An S3 object key as it appears in an event (URL-encoded, `+` for space) decoded to the real key.
 * A malformed escape never throws: bytes that are not valid UTF-8 are left as written.
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
    return spaced.replace(ESCAPE_RUN, decodeEscapeRun);
  }
}

/**
 * S3, as the CloudEvents AWS S3 adapter maps it (cloudevents/spec, `cloudevents/adapters/aws-s3.md`):
 * id `x-amz-request-id` + `.` + `x-amz-id-2`; source `eventSource` + `.` + `awsRegion` + `.` + bucket
 * name; type `com.amazonaws.s3.` + eventName; subject the object key (URL-decoded here, as the project's
 * contract asks); time `eventTime`; data the S3 record. Path `/aws.s3`, answer `reject`.
 *
 * @example
 * s3Source.toCloudEvents(event)[0].type; // 'com.amazonaws.s3.ObjectCreated:Put'
 */
export const s3Source: PlainSource<S3Event> = {
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
  answer: 'reject',
};
