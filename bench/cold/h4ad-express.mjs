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
const { ServerlessAdapter } = await import('@h4ad/serverless-adapter');
const { DefaultHandler } = await import('@h4ad/serverless-adapter/handlers/default');
const { PromiseResolver } = await import('@h4ad/serverless-adapter/resolvers/promise');
const { ExpressFramework } = await import('@h4ad/serverless-adapter/frameworks/express');
const { SQSAdapter } = await import('@h4ad/serverless-adapter/adapters/aws');
const imported = process.hrtime.bigint();
const handle = ServerlessAdapter.new(app)
  .setFramework(new ExpressFramework())
  .setHandler(new DefaultHandler())
  .setResolver(new PromiseResolver())
  .addAdapter(new SQSAdapter())
  .build();
// Its SQS result is {} for any status in 200..399 (it throws otherwise); the app's probe says it answered.
await handle(event, lambdaContext());
const ok = probe.requests === 1 && probe.lastUrl === '/sqs';
const { report } = await import('./report.mjs');
report('h4ad-express', { start, appReady, imported }, ok, probe);
