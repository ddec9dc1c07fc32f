// A focused loop of this package's event-mode handler, for `node --cpu-prof`:
//   node --cpu-prof --cpu-prof-dir=bench/results/profile bench/profile.mjs [raw|express] [events]
//   node bench/profile-summary.mjs bench/results/profile/<file>.cpuprofile
// Add --no-turbo-inlining to node's flags to see inlined functions under their own names.
import { createLambdaHandler } from '../dist/index.js';
import { createExpressApp, createProbe, createRawListener } from './lib/apps.mjs';
import { lambdaContext, sqsEvent } from './lib/events.mjs';

const [kind = 'raw', eventsArg] = process.argv.slice(2);
const EVENTS = Number(eventsArg ?? (kind === 'raw' ? 200_000 : 50_000));
const event = sqsEvent();
const context = lambdaContext();
const probe = createProbe();
const app = kind === 'express' ? await createExpressApp(probe) : createRawListener(probe);
const handle = createLambdaHandler(app);

const first = await handle(event, context);
if (first.statusCode !== 200 || probe.requests !== 1) throw new Error(`expected 200 from the app, got ${first.statusCode}`);
const start = process.hrtime.bigint();
for (let i = 0; i < EVENTS; i++) await handle(event, context);
const us = Number(process.hrtime.bigint() - start) / 1e3 / EVENTS;
console.log(`${kind}: ${EVENTS} events, ${us.toFixed(2)} µs/event, ${Math.round(1e6 / us)} events/s`);
