import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { textField } from '../../convert/values.js';
import type { CallbackSource } from '../../types.js';
import { cloudFormationCallback } from './response.js';

/**
 * CloudFormation custom resources: `LogicalResourceId` with `RequestType` (`Create`, `Update`,
 * `Delete`); the capitalised names are CloudFormation's.
 *
 * @example
 * isCloudFormationEvent({ RequestType: 'Create', LogicalResourceId: 'MyResource' }); // true
 */
export function isCloudFormationEvent(event: unknown): event is CloudFormationCustomResourceEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return candidate.LogicalResourceId !== undefined && candidate.RequestType !== undefined;
}

/**
 * CloudFormation: one CloudEvent. id `RequestId`; source `StackId` (the stack ARN); type
 * `com.amazonaws.cloudformation.` + RequestType; subject `LogicalResourceId`; data the event. Path
 * `/aws.cloudformation`. The stack waits for the response document PUT to `ResponseURL`, not for the
 * Lambda result: `callback` builds it from the app's outcome (see `cloudFormationResponse`), and the
 * handler sends it, success or failure, so that the stack is never left waiting.
 *
 * @example
 * cloudFormationSource.toCloudEvents(event)[0].type; // 'com.amazonaws.cloudformation.Create'
 */
export const cloudFormationSource: CallbackSource<CloudFormationCustomResourceEvent> = {
  name: 'aws.cloudformation',
  detect: isCloudFormationEvent,
  route: () => '/aws.cloudformation',
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => [
      buildCloudEvent(
        {
          id: textField(event, 'RequestId') ?? invocationId(context),
          source: textField(event, 'StackId') ?? 'aws:cloudformation',
          type: `com.amazonaws.cloudformation.${textField(event, 'RequestType') ?? 'request'}`,
          subject: textField(event, 'LogicalResourceId'),
        },
        jsonPayload(event),
      ),
    ]),
  answer: 'callback',
  callback: cloudFormationCallback,
};
