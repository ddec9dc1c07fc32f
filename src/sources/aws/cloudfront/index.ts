import type { CloudFrontRequestEvent, CloudFrontResponseEvent } from 'aws-lambda';
import { buildCloudEvent, invocationId, mapRecords } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { field, firstRecord, recordsOf, textField } from '../../convert/values.js';
import { encodeSegment } from '../../path.js';
import type { ResponseSource } from '../../types.js';
import { cloudFrontEventType, cloudFrontResult } from './result.js';

export {
  cloudFrontEventType,
  cloudFrontHeaders,
  cloudFrontObject,
  cloudFrontResult,
  generatedResponse,
  type CloudFrontGeneratedResponse,
  type CloudFrontHeaderMap,
} from './result.js';

/** A Lambda@Edge event: a viewer or origin request or response. */
export type CloudFrontEvent = CloudFrontRequestEvent | CloudFrontResponseEvent;

/**
 * Lambda@Edge: `Records[0].cf`, the only Records-based event without an `eventSource`.
 *
 * @example
 * isCloudFrontEvent({ Records: [{ cf: { config: {}, request: {} } }] }); // true
 */
export function isCloudFrontEvent(event: unknown): event is CloudFrontEvent {
  return firstRecord(event)?.cf !== undefined;
}

/**
 * CloudFront (Lambda@Edge): one CloudEvent per record. id `cf.config.requestId` (else the request
 * id); source `aws:cloudfront:distribution/` + distributionId; type `com.amazonaws.cloudfront.` +
 * `cf.config.eventType` (`viewer-request`, `origin-response`, ...; else `request` or `response`);
 * subject the request URI; data the `cf` object. Path `/aws.cloudfront`. CloudFront waits for the
 * answer, so its answer is `response` (whatever the status), and `respond` turns the app's answer into the Lambda@Edge result (see
 * `cloudFrontResult`): a CloudFront request or response object as is, a `204` to a response event as
 * "no change", any other plain HTTP response converted into a CloudFront response.
 *
 * @example
 * cloudFrontSource.toCloudEvents(event)[0].subject; // '/test'
 */
export const cloudFrontSource: ResponseSource<CloudFrontEvent> = {
  name: 'aws.cloudfront',
  detect: isCloudFrontEvent,
  route: () => '/aws.cloudfront',
  toCloudEvents: (event, context) =>
    mapRecords(
      recordsOf(event),
      (record, index) => {
        const cf = field(record, 'cf');
        const config = field(cf, 'config');
        const distribution = textField(config, 'distributionId');
        const kind = cloudFrontEventType(cf);
        return buildCloudEvent(
          {
            id: textField(config, 'requestId') ?? invocationId(context, index),
            source: distribution === undefined ? 'aws:cloudfront' : `aws:cloudfront:distribution/${encodeSegment(distribution)}`,
            type: `com.amazonaws.cloudfront.${kind}`,
            subject: textField(field(cf, 'request'), 'uri'),
          },
          jsonPayload(cf === undefined ? null : cf),
        );
      },
      context,
    ),
  // A redirect or a 403 is an answer for the viewer, not a failed invocation (which CloudFront shows as 502).
  answer: 'response',
  respond: cloudFrontResult,
};
