/** Any JSON body `routeFor` recognises: an AWS event, an EventBridge API destination call, ... */
import { findSource } from '../../sources/index.js';
import { emptyAnswer } from '../types.js';
import { passThrough } from './answers.js';
import type { Sender } from './types.js';

/**
 * Delivered exactly as the Lambda handler delivers the event (event or record mode, no Lambda
 * context); answered with the app's own answer (status, content type, body), which callers that read
 * it (a request-response source, a direct call) need; the first failure of a record-mode batch.
 *
 * @example
 * awsEventSender.recognise(push, { Records: [{ eventSource: 'aws:sqs' }] }); // true
 */
export const awsEventSender: Sender = {
  name: 'aws.event',
  expects: 'a JSON event routeFor recognises (an AWS event, an EventBridge event)',
  needsJson: true,
  recognise: (_push, json) => findSource(json) !== undefined,
  toEvents: (_push, json) => ({ kind: 'deliver', deliver: 'event', events: [json] }),
  answer: (outcomes) => {
    const failed = outcomes.find((outcome) => outcome.state !== 'accepted');
    const first = failed ?? outcomes[0];
    return first === undefined ? emptyAnswer(200) : passThrough(first);
  },
};
