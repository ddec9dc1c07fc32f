// Cold start: a fresh process builds the app, imports the adapter and handles one SQS event. run.mjs spawns
// it and times spawn to exit; the script reports its own phases (hrtime): the app (its modules and the
// event), the adapter's import (after the app, so only what the adapter adds), and handler creation plus
// the first event; and performance.now() at the end (time since process start). Prints one JSON line.
const start = process.hrtime.bigint();
const { createProbe, createExpressApp } = await import('../lib/apps.mjs');
const { lambdaContext, sqsEvent } = await import('../lib/events.mjs');
const probe = createProbe();
const app = await createExpressApp(probe);
const event = sqsEvent();
const appReady = process.hrtime.bigint();
const { createFloorHandler } = await import('../lib/floor.mjs');
const imported = process.hrtime.bigint();
const handle = createFloorHandler(app);
const result = await handle(event);
const ok = result.statusCode === 200 && probe.requests === 1;
const { report } = await import('./report.mjs');
report('floor-express', { start, appReady, imported }, ok, probe);
