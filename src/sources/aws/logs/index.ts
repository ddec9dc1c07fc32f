import type { CloudWatchLogsDecodedData, CloudWatchLogsEvent } from 'aws-lambda';
import type * as Zlib from 'node:zlib';
import { builtin } from '../../../builtins.js';
import type { CloudEvent } from '../../../cloudevents/types.js';
import type { LambdaContext } from '../../../lambda-context.js';
import { buildCloudEvent, convertSafely, invocationId, mapRecords } from '../../convert/build.js';
import { jsonPayload, textPayload } from '../../convert/payload.js';
import { fromEpochMillis } from '../../convert/time.js';
import { field, isObject, recordsOf, textField } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';

/**
 * Ceiling on the decompressed batch. CloudWatch Logs batches are at most about 1 MB of log events;
 * the ceiling stops a hand-crafted gzip bomb from exhausting the function's memory.
 */
export const MAX_DECODED_LOGS_BYTES = 16 * 1024 * 1024;

/**
 * CloudWatch Logs subscriptions: `awslogs.data`, the gzipped, base64-encoded batch.
 *
 * @example
 * isCloudWatchLogsEvent({ awslogs: { data: 'H4sI...' } }); // true
 */
export function isCloudWatchLogsEvent(event: unknown): event is CloudWatchLogsEvent {
  if (typeof event !== 'object' || event === null) return false;
  const logs = (event as { awslogs?: unknown }).awslogs;
  return typeof logs === 'object' && logs !== null && typeof (logs as { data?: unknown }).data === 'string';
}

/**
 * The subscription batch inside the event: base64-decoded, gunzipped, JSON-parsed. Throws on a
 * malformed batch (the caller falls back to the generic CloudEvent).
 *
 * @example
 * decodeLogs(event).logEvents.length; // 2
 */
export function decodeLogs(event: CloudWatchLogsEvent): CloudWatchLogsDecodedData {
  const zipped = Buffer.from(event.awslogs.data, 'base64');
  const decoded: unknown = JSON.parse(builtin<typeof Zlib>('node:zlib').gunzipSync(zipped, { maxOutputLength: MAX_DECODED_LOGS_BYTES }).toString('utf8'));
  if (!isObject(decoded)) throw new TypeError('CloudWatch Logs data is not a JSON object');
  return decoded as unknown as CloudWatchLogsDecodedData;
}

function toCloudEvents(event: CloudWatchLogsEvent, context?: LambdaContext): CloudEvent[] {
  return convertSafely(event, context, () => {
    const batch = decodeLogs(event);
    if (!Array.isArray(batch.logEvents)) throw new TypeError('CloudWatch Logs data has no logEvents array');
    const source = textField(batch, 'logGroup') ?? 'aws:logs';
    const subject = textField(batch, 'logStream');
    const type = `com.amazonaws.logs.${textField(batch, 'messageType') ?? 'DATA_MESSAGE'}`;
    return mapRecords(
      recordsOf(batch, 'logEvents'),
      (logEvent, index) => {
        const message = field(logEvent, 'message');
        return buildCloudEvent(
          {
            id: textField(logEvent, 'id') ?? invocationId(context, index),
            source,
            type,
            subject,
            time: fromEpochMillis(field(logEvent, 'timestamp')),
          },
          typeof message === 'string' ? textPayload(message) : jsonPayload(message === undefined ? null : message),
        );
      },
      context,
    );
  });
}

/**
 * CloudWatch Logs: the batch decoded (base64, gzip, JSON), then one CloudEvent per log event. id the
 * log event's `id`; source the log group; type `com.amazonaws.logs.` + messageType (`DATA_MESSAGE`, or
 * `CONTROL_MESSAGE` for CloudWatch's health checks); subject the log stream; time the log event's
 * `timestamp` (epoch ms); data the message: JSON when it parses (structured logs), else the text.
 * A batch that does not decode becomes the generic CloudEvent. Path `/aws.logs`, answer `reject`.
 *
 * @example
 * logsSource.toCloudEvents(event).map((e) => e.data); // ['[ERROR] First test message', ...]
 */
export const logsSource: PlainSource<CloudWatchLogsEvent> = {
  name: 'aws.logs',
  detect: isCloudWatchLogsEvent,
  route: () => '/aws.logs',
  toCloudEvents,
  answer: 'reject',
};
