/**
 * The Lambda entry point, as a user deploys it: set the function's handler to `handler.handler` (with
 * this folder as the package root) and S3 to notify the function on `s3:ObjectCreated:*`.
 *
 * The database is opened at module load (top-level await), so Lambda does it once per execution
 * environment, during the init phase, not on every invocation.
 */
import { createLambdaHandler } from 'cloud-events-handler';
import { createApp, openDatabase } from './app.mjs';

export const db = await openDatabase();

/** The Express app, also for the package's ready handler: `CLOUD_EVENTS_APP=./handler.mjs#app`. */
export const app = createApp({ db });

/** `async (event, context)`: an S3 event becomes `POST /aws.s3` with the event as its JSON body. */
export const handler = createLambdaHandler(app);
