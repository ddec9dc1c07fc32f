import { createDispatcher } from '../../dispatch/app.js';
import type { App } from '../../dispatch/app.js';
import type { LambdaContext } from '../../lambda-context.js';
import { handleEvent } from './event-mode.js';
import { resolveOptions } from './options.js';
import type { LambdaOptions } from './options.js';
import { handleRecords } from './record-mode.js';
import type { BatchResult, HttpEventResult, HttpResult, SyncResult } from './result.js';

/** What a handler made by {@link createLambdaHandler} resolves with. */
export type LambdaResult = HttpResult | BatchResult | HttpResult[] | HttpEventResult | SyncResult;

/**
 * A Lambda handler of exactly two parameters (Node 24's runtime rejects handlers that take a callback).
 * `TResult` lets it stand where `@types/aws-lambda`'s handler types are expected
 * (`const handler: SQSHandler = createLambdaHandler(app)`): TypeScript infers it from that type. Called
 * directly, it resolves with a {@link LambdaResult}.
 */
export type LambdaHandler = <TResult = LambdaResult>(event: unknown, context: LambdaContext) => Promise<TResult>;

/**
 * A Lambda handler that delivers every invocation's event to `app` as an in-process HTTP request, and
 * answers with what the app answered. The app is detected, never declared (see {@link App}); options
 * are checked here, so a bad app or option fails at cold start, not at the first event.
 *
 * @throws TypeError when `app` is not something this package can drive.
 * @example
 * import express from 'express';
 * import { createLambdaHandler } from 'cloud-events-handler';
 *
 * const app = express();
 * app.post('/aws.s3', express.json(), (req, res) => res.json({ received: req.body.Records.length }));
 * export const handler = createLambdaHandler(app);
 */
export function createLambdaHandler(app: App | unknown, options?: LambdaOptions): LambdaHandler {
  const dispatch = createDispatcher(app);
  const resolved = resolveOptions(options);
  if (resolved.mode === 'record') {
    // Plain functions returning the mode's promise: an async wrapper would add a promise per event.
    return function handler(event: unknown, context: LambdaContext) {
      return handleRecords(dispatch, resolved, event, context);
    } as LambdaHandler;
  }
  return function handler(event: unknown, context: LambdaContext) {
    return handleEvent(dispatch, resolved, event, context);
  } as LambdaHandler;
}

export type { LambdaOptions, RecordRoutes, RequestDefaults } from './options.js';
export {
  DEFAULT_HOST,
  DEFAULT_METHOD,
  DEFAULT_PATH,
  DEFAULT_RECORD_CONCURRENCY,
  DEFAULT_TIMEOUT_MARGIN_MS,
  DEFAULT_TIMEOUT_MS,
} from './options.js';
export type { BatchResult, HttpEventResult, HttpResult, SyncResult } from './result.js';
export { createStreamingLambdaHandler } from './streaming.js';
export type { AwsLambdaRuntime, LambdaResponseStream, StreamedResponseHead, StreamingLambdaHandler } from './streaming.js';
