// Where this package's event-mode time goes on the raw listener, by ablation: each step adds one layer,
// all in one process, rounds interleaved, median µs/event. Not part of `npm run bench`:
//   npm run build && node bench/breakdown.mjs [rounds=20] [events=2000]
import { AsyncLocalStorage } from 'node:async_hooks';
import { createDispatcher, createLambdaHandler } from '../dist/index.js';
import { createProbe, createRawListener } from './lib/apps.mjs';
import { lambdaContext, sqsEvent } from './lib/events.mjs';
import { createFloorHandler } from './lib/floor.mjs';
import { median, table } from './lib/stats.mjs';

const [roundsArg = '20', eventsArg = '2000'] = process.argv.slice(2);
const ROUNDS = Number(roundsArg);
const EVENTS = Number(eventsArg);
const event = sqsEvent();
const context = lambdaContext();
const listener = createRawListener(createProbe());
const headersFor = (body) => ({ host: 'localhost', 'content-type': 'application/json', 'content-length': String(body.length) });
const prebuilt = Buffer.from(JSON.stringify(event));
const als = new AsyncLocalStorage();
const floor = createFloorHandler(listener);
const dispatch = createDispatcher(listener);

const steps = [
  ['floor (EventEmitter req, plain res, JSON.stringify per event)', () => floor(event)],
  ['floor inside AsyncLocalStorage.run (promise hooks on)', () => als.run({ event }, () => floor(event))],
  ['dispatch layer alone: createDispatcher(listener), body prebuilt', () => dispatch({ method: 'POST', url: '/aws.sqs', headers: headersFor(prebuilt), body: prebuilt }, 60_000)],
  ['dispatch layer + JSON.stringify per event', () => {
    const body = Buffer.from(JSON.stringify(event));
    return dispatch({ method: 'POST', url: '/aws.sqs', headers: headersFor(body), body }, 60_000);
  }],
  ['dispatch layer + JSON.stringify, inside AsyncLocalStorage.run', () => {
    const body = Buffer.from(JSON.stringify(event));
    return als.run({ event }, () => dispatch({ method: 'POST', url: '/aws.sqs', headers: headersFor(body), body }, 60_000));
  }],
  ['createLambdaHandler, no context (no invocation headers)', createLambdaHandler(listener).bind(null, event, undefined)],
  ['createLambdaHandler, Lambda context (the real case)', createLambdaHandler(listener).bind(null, event, context)],
];

const samples = steps.map(() => []);
async function block(fn) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < EVENTS; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e3 / EVENTS;
}
for (let round = 0; round < 3; round++) for (const [, fn] of steps) await block(fn);
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < steps.length; k++) {
    const index = (round + k) % steps.length;
    samples[index].push(await block(steps[index][1]));
  }
}
let previous;
const rows = steps.map(([name], i) => {
  const us = median(samples[i]);
  const row = [name, us.toFixed(2), previous === undefined ? '' : (us - previous).toFixed(2)];
  previous = us;
  return row;
});
console.log(table(['step', 'µs/event', 'Δ vs the step above'], rows, 'lrr'));
