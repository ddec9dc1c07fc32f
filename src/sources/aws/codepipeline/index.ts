import type { CodePipelineEvent } from 'aws-lambda';
import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { field, isObject, textField } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';

/**
 * CodePipeline Lambda invoke actions: a `CodePipeline.job` object. The dotted member name is
 * CodePipeline's own; no other event has it.
 *
 * @example
 * isCodePipelineJobEvent({ 'CodePipeline.job': { id: 'j-1', data: {} } }); // true
 */
export function isCodePipelineJobEvent(event: unknown): event is CodePipelineEvent {
  return typeof event === 'object' && event !== null && isObject((event as Record<string, unknown>)['CodePipeline.job']);
}

/**
 * CodePipeline jobs: one CloudEvent. id the job id (`CodePipeline.job.id`); source `aws:codepipeline`;
 * type `com.amazonaws.codepipeline.job`; no subject; data the job object (`id`, `accountId`, `data` with the artifacts and their
 * credentials). Path `/aws.codepipeline`, answer `reject` (CodePipeline invokes the function
 * asynchronously and waits for PutJobSuccessResult or PutJobFailureResult, which the app calls itself).
 *
 * @example
 * codePipelineSource.toCloudEvents(event)[0].id; // '11111111-abcd-1111-abcd-111111abcdef'
 */
export const codePipelineSource: PlainSource<CodePipelineEvent> = {
  name: 'aws.codepipeline',
  detect: isCodePipelineJobEvent,
  route: () => '/aws.codepipeline',
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const job = field(event, 'CodePipeline.job');
      return [
        buildCloudEvent(
          { id: textField(job, 'id') ?? invocationId(context), source: 'aws:codepipeline', type: 'com.amazonaws.codepipeline.job' },
          jsonPayload(job ?? null),
        ),
      ];
    }),
  answer: 'reject',
};
