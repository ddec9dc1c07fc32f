/**
 * The Azure Functions entry point (Node.js v4 programming model), as a user deploys it: the same app,
 * one handler for a blob trigger (an upload becomes `POST /azure.storage.blob` with the blob's bytes)
 * and an HTTP trigger serving the JSON API (`GET /books`, ...; `host.json` sets the route prefix to "").
 * package.json `main` points at this file.
 */
import { app as azure } from '@azure/functions';
import { createAzureFunctionHandler } from 'cloud-events-handler';
import { createApp, openDatabase } from './app.mjs';

export const app = createApp({ db: await openDatabase() });

/** Blob items resolve once the app answered 2xx, else reject (the host retries, then poisons the blob). */
export const handler = createAzureFunctionHandler(app);

azure.storageBlob('uploads', { path: 'books/{name}', connection: 'AzureWebJobsStorage', handler });
azure.http('api', { route: '{*path}', methods: ['GET', 'POST', 'DELETE'], authLevel: 'anonymous', handler });
