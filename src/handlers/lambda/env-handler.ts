/**
 * The ready Lambda handler configured by environment variables: set the function's handler to
 * `node_modules/cloud-events-handler/handler.handler` and `CLOUD_EVENTS_APP` to your app's module.
 */
import { createLambdaHandler } from './index.js';
import type { LambdaHandler, LambdaResult } from './index.js';
import { loadEnvConfiguration } from './env.js';
import type { LambdaContext } from '../../lambda-context.js';

let loading: Promise<LambdaHandler> | undefined;

/**
 * Lambda entry point. Loads the app named by `CLOUD_EVENTS_APP` on the first invocation (a failed load
 * is retried on the next one), then delivers each event as {@link createLambdaHandler} does.
 *
 * @example
 * // Lambda setting: handler = node_modules/cloud-events-handler/handler.handler
 * // Environment:    CLOUD_EVENTS_APP=./dist/app.js#app   CLOUD_EVENTS_MODE=record
 */
export async function handler<TResult = LambdaResult>(event: unknown, context: LambdaContext): Promise<TResult> {
  loading ??= loadEnvConfiguration(process.env).then(
    ({ app, options }) => createLambdaHandler(app, options),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  const delegate = await loading;
  return delegate<TResult>(event, context);
}

export default handler;
