import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { textField } from '../../convert/values.js';
import { encodeSegment } from '../../path.js';
import type { PlainSource } from '../../types.js';

/** A Cognito Sync trigger event (a dataset of an identity changed). */
export interface CognitoSyncEvent {
  version?: number;
  eventType?: string;
  region?: string;
  identityPoolId: string;
  identityId: string;
  datasetName?: string;
  datasetRecords?: Record<string, { oldValue?: string; newValue?: string; op?: string }>;
}

/**
 * Cognito Sync: `identityId` with `identityPoolId` (user pool triggers carry `userPoolId` instead).
 *
 * @example
 * isCognitoSyncEvent({ identityId: 'i', identityPoolId: 'p', eventType: 'SyncTrigger' }); // true
 */
export function isCognitoSyncEvent(event: unknown): event is CognitoSyncEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return candidate.identityId !== undefined && candidate.identityPoolId !== undefined;
}

/**
 * Cognito Sync: one CloudEvent. id the request id; source `aws:cognito-sync:` + identity pool id; type
 * `com.amazonaws.cognito.` + eventType (`SyncTrigger`); subject the dataset name; data the event.
 * Path `/aws.cognito`; Cognito reads the answer (the records to store), so its answer is `envelope`.
 *
 * @example
 * cognitoSource.toCloudEvents(event)[0].type; // 'com.amazonaws.cognito.SyncTrigger'
 */
export const cognitoSource: PlainSource<CognitoSyncEvent> = {
  name: 'aws.cognito',
  detect: isCognitoSyncEvent,
  route: () => '/aws.cognito',
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const pool = textField(event, 'identityPoolId');
      return [
        buildCloudEvent(
          {
            id: invocationId(context),
            source: pool === undefined ? 'aws:cognito-sync' : `aws:cognito-sync:${encodeSegment(pool)}`,
            type: `com.amazonaws.cognito.${textField(event, 'eventType') ?? 'SyncTrigger'}`,
            subject: textField(event, 'datasetName'),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'envelope',
};
