/**
 * The Google Cloud Functions (Cloud Run functions) entry point, as a user deploys it: the same app,
 * registered as a CloudEvent function named `books` for the Functions Framework. A Cloud Storage
 * upload becomes `POST /google.storage` in binary CloudEvents mode, its body the object's metadata.
 *
 *   gcloud functions deploy books --gen2 --runtime=nodejs22 --entry-point=books \
 *     --trigger-event-filters=type=google.cloud.storage.object.v1.finalized \
 *     --trigger-event-filters=bucket=MY_BUCKET --retry
 */
import functions from '@google-cloud/functions-framework';
import { createCloudEventFunction } from 'cloud-events-handler';
import { createApp, openDatabase } from './app.mjs';

export const app = createApp({ db: await openDatabase() });

/** Resolves when the app answered 2xx; otherwise rejects, the framework answers 500 and Eventarc retries. */
export const books = createCloudEventFunction(app);

functions.cloudEvent('books', books);
