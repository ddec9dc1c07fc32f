// One server under load, in its own process: `node bench/gateway/server.mjs gateway|ff|floor`. The same
// Express 5 app (a CloudEvent route and a Pub/Sub route, each parsing its JSON and answering 204) served
// by this package's gateway, by the Functions Framework 5 (`cloudEvent` signature, the app's work done
// in the function), or by its own http.createServer (the floor: requests sent straight to its routes).
// Prints `listening <port>` and answers `GET /__mem` (on a second port) with process.memoryUsage().
import { createServer } from 'node:http';
import express from 'express';

const target = process.argv[2];
let handled = 0;

/** The app's work for one event: read what it was sent, count it. */
function work(data) {
  if (data === undefined) throw new Error('no data');
  handled++;
}

function expressApp() {
  const app = express();
  app.post('/shop/orders', express.json(), (req, res) => {
    work(req.body);
    res.sendStatus(204);
  });
  app.post('/google.pubsub', express.json(), (req, res) => {
    work(req.body.message);
    res.sendStatus(204);
  });
  return app;
}

let server;
if (target === 'gateway') {
  const { serve } = await import('../../dist/index.js');
  ({ server } = await serve(expressApp(), { port: 0, host: '127.0.0.1', handleSignals: false }));
} else if (target === 'floor') {
  server = createServer(expressApp());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
} else if (target === 'ff') {
  const functions = await import('@google-cloud/functions-framework');
  functions.cloudEvent('bench', (cloudEvent) => work(cloudEvent.data));
  const { getTestServer } = await import('@google-cloud/functions-framework/testing');
  server = getTestServer('bench');
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
} else {
  throw new Error(`unknown target ${target}`);
}

const stats = createServer((req, res) => {
  globalThis.gc?.();
  res.end(JSON.stringify({ ...process.memoryUsage(), handled }));
});
await new Promise((resolve) => stats.listen(0, '127.0.0.1', resolve));
console.log(`listening ${server.address().port} ${stats.address().port}`);
process.on('SIGINT', () => process.exit(0)); // lets --cpu-prof write its profile
