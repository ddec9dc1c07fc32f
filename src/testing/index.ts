/**
 * cloud-events-handler/testing: helpers for the user's own tests. `invoke(app, event, options)` runs
 * the Lambda handler once and reports what the app received and answered; `sampleEvent(name,
 * overrides)` builds a fresh sample event of any source.
 */
export { invoke, DEFAULT_INVOKE_TIMEOUT_MS } from './invoke.js';
export type { Delivery, InvokedCallback, InvokedRequest, InvokedResponse, InvokeOptions, InvokeResult } from './types.js';
export { sampleEvent, samples, findSample, SampleError } from '../samples/index.js';
export type { SampleDefinition, SampleErrorCode, SampleOverrides } from '../samples/index.js';
