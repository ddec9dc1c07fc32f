/**
 * The container entry point (Cloud Run, Knative): the same app behind the HTTP push gateway. Eventarc
 * pushes Cloud Storage uploads as CloudEvents; the route sends them to POST /google.storage. Plain
 * requests (GET /books, ...) are not pushes: serve the app itself on another port, or mount the
 * gateway on a path of the app, as below.
 */
import { createEventGateway } from 'cloud-events-handler';
import { createApp, openDatabase } from './app.mjs';

const db = await openDatabase();
const app = createApp({ db });

/** Eventarc's Cloud Storage events go to the app's upload route; other CloudEvents to `/` + source. */
export const routes = { 'google.cloud.storage.object.v1.*': '/google.storage' };

// Pushes (Eventarc, Knative triggers, Pub/Sub push) arrive at POST /_events; the API stays as it is.
app.post('/_events', createEventGateway(app, { routes }));

const port = Number(process.env.PORT || 8080);
const server = app.listen(port, () => console.log(`books on :${port} (pushes at POST /_events)`));
process.once('SIGTERM', () => server.close(() => db.close().then(() => process.exit(0))));
