import type { CloudFormationCustomResourceEvent, CloudFormationCustomResourceResponse } from 'aws-lambda';
import type { LambdaContext } from '../../../lambda-context.js';
import type { CallbackOutcome, CallbackRequest } from '../../types.js';

// CloudFormation caps the response document at 4096 bytes; a longer reason is cut to fit.
const MAX_REASON = 1024;

/** What the app may answer a custom resource request with (a 2xx JSON body); all optional. */
interface AppAnswer {
  PhysicalResourceId?: unknown;
  Data?: unknown;
  NoEcho?: unknown;
  Reason?: unknown;
}

/**
 * The custom resource response document for the app's outcome, PUT to the event's `ResponseURL`.
 * - SUCCESS when the app answered 2xx. Its JSON body may carry `PhysicalResourceId`, `Data`, `NoEcho`
 *   and `Reason`; a JSON object without any of these is taken as `Data` itself.
 * - FAILED otherwise (non-2xx, a throw, a timeout), with the app's error text as `Reason`.
 * `PhysicalResourceId`: the app's, else the event's (Update, Delete), else the log stream name, as AWS's
 * own cfn-response module does, so that a failed Create still gets a valid id.
 *
 * @example
 * cloudFormationResponse({ ok: false, reason: 'bucket name taken' }, event, context).Status; // 'FAILED'
 */
export function cloudFormationResponse(
  outcome: CallbackOutcome,
  event: CloudFormationCustomResourceEvent,
  context?: LambdaContext,
): CloudFormationCustomResourceResponse {
  const answer = outcome.ok ? parseAnswer(outcome.response.body) : {};
  const eventPhysicalId = 'PhysicalResourceId' in event ? event.PhysicalResourceId : undefined;
  const physicalId =
    (typeof answer.PhysicalResourceId === 'string' && answer.PhysicalResourceId) ||
    eventPhysicalId ||
    (typeof context?.logStreamName === 'string' && context.logStreamName) ||
    `${event.LogicalResourceId}-${event.RequestId}`;
  const reason = outcome.ok
    ? typeof answer.Reason === 'string'
      ? answer.Reason
      : undefined
    : `${outcome.reason}${typeof context?.logStreamName === 'string' ? ` (log stream ${context.logStreamName})` : ''}`;
  const document: CloudFormationCustomResourceResponse = {
    Status: outcome.ok ? 'SUCCESS' : 'FAILED',
    PhysicalResourceId: physicalId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  } as CloudFormationCustomResourceResponse;
  if (reason !== undefined) (document as { Reason?: string }).Reason = reason.slice(0, MAX_REASON);
  if (outcome.ok && answer.NoEcho === true) document.NoEcho = true;
  if (outcome.ok && typeof answer.Data === 'object' && answer.Data !== null) document.Data = answer.Data as Record<string, unknown>;
  return document;
}

/**
 * The PUT of the response document to `ResponseURL` (a presigned S3 URL: no content type, as AWS's
 * cfn-response sends it, since the signature may cover it).
 *
 * @example
 * cloudFormationCallback({ ok: true, response }, event).url === event.ResponseURL; // true
 */
export function cloudFormationCallback(outcome: CallbackOutcome, event: CloudFormationCustomResourceEvent, context?: LambdaContext): CallbackRequest | undefined {
  if (typeof event.ResponseURL !== 'string' || event.ResponseURL === '') return undefined;
  const body = JSON.stringify(cloudFormationResponse(outcome, event, context));
  return { url: event.ResponseURL, method: 'PUT', headers: { 'content-type': '', 'content-length': String(Buffer.byteLength(body)) }, body };
}

function parseAnswer(body: Buffer): AppAnswer {
  if (body.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const answer = parsed as AppAnswer;
    const known = 'PhysicalResourceId' in answer || 'Data' in answer || 'NoEcho' in answer || 'Reason' in answer;
    return known ? answer : { Data: parsed };
  } catch {
    return {};
  }
}
