// Event mode: the same SQS event through each adapter into the same app, rounds interleaved.
// Run by run.mjs as `node bench/event-mode.mjs [--rounds N] [--events N] [--warmup N] [--only app:adapter,...]`;
// prints one JSON line. No forced GC between blocks: a full gc() before each block made the next
// block's allocations slower (measured: this package on Express 164 µs/event with it, 99 without), so
// garbage is collected as it would be in production, by whichever variant's allocation triggers it.
import { hrtime } from 'node:process';
import * as adapters from './lib/adapters.mjs';
import { createExpressApp, createProbe, createRawListener, seenBody } from './lib/apps.mjs';
import { lambdaContext, sqsEvent } from './lib/events.mjs';
import { median, quantile } from './lib/stats.mjs';

const args = new Map(process.argv.slice(2).map((arg, i, all) => (arg.startsWith('--') ? [arg.slice(2), all[i + 1]] : [])).filter((e) => e.length));
const ROUNDS = Number(args.get('rounds') ?? 30);
const EVENTS = Number(args.get('events') ?? 2000);
const WARMUP_ROUNDS = Number(args.get('warmup') ?? 3);

const event = sqsEvent();
const context = lambdaContext();
const expected = JSON.stringify(event);

// Variants in the order the rounds interleave them.
const plan = [
  { app: 'raw', adapter: 'ours' },
  { app: 'raw', adapter: 'h4ad' },
  { app: 'raw', adapter: 'floor' },
  { app: 'express', adapter: 'ours' },
  { app: 'express', adapter: 'h4ad' },
  { app: 'express', adapter: 'codegenie' },
  { app: 'express', adapter: 'floor' },
];

// --only raw:ours,express:h4ad runs a subset (e.g. one variant per process, to see what sharing a process costs).
const only = args.get('only')?.split(',');
const variants = [];
for (const { app: kind, adapter } of plan.filter((p) => !only || only.includes(`${p.app}:${p.adapter}`))) {
  const probe = createProbe();
  const app = kind === 'raw' ? createRawListener(probe) : await createExpressApp(probe);
  const built = await adapters[adapter](app);
  variants.push({ kind, adapter, probe, ...built, samples: [] });
}

// The check before timing: the adapter saw a 200 with the app's body, and the app saw the event's JSON.
for (const v of variants) {
  const before = v.probe.requests;
  const seen = await v.status(event, context);
  const problems = [];
  if (seen?.statusCode !== 200) problems.push(`the adapter saw status ${seen?.statusCode}`);
  if (seen?.body !== '{"ok":true}') problems.push(`the adapter saw body ${JSON.stringify(seen?.body)}`);
  if (v.probe.requests !== before + 1) problems.push(`the app handled ${v.probe.requests - before} requests`);
  else if (JSON.stringify(seenBody(v.probe)) !== expected) problems.push(`the app saw a different body: ${JSON.stringify(seenBody(v.probe)).slice(0, 200)}`);
  if (problems.length > 0) {
    console.error(`CHECK FAILED for ${v.adapter} on ${v.kind} (path ${v.probe.lastUrl}): ${problems.join('; ')}`);
    process.exit(1);
  }
  v.path = v.probe.lastUrl;
}

async function block(v, count) {
  const handle = v.handle;
  const start = hrtime.bigint();
  for (let i = 0; i < count; i++) await handle(event, context);
  return Number(hrtime.bigint() - start) / 1e3 / count; // µs per event
}

for (let round = 0; round < WARMUP_ROUNDS; round++) for (const v of variants) await block(v, EVENTS);

for (let round = 0; round < ROUNDS; round++) {
  // Interleaved, starting one place later each round, so no variant always follows the same one.
  for (let k = 0; k < variants.length; k++) {
    const v = variants[(round + k) % variants.length];
    v.samples.push(await block(v, EVENTS));
  }
}

// Every timed request reached the app.
for (const v of variants) {
  const want = 1 + (WARMUP_ROUNDS + ROUNDS) * EVENTS;
  if (v.probe.requests !== want) {
    console.error(`CHECK FAILED for ${v.adapter} on ${v.kind}: the app handled ${v.probe.requests} requests, expected ${want}`);
    process.exit(1);
  }
}

const results = variants.map((v) => {
  const us = median(v.samples);
  return {
    app: v.kind,
    adapter: v.adapter,
    path: v.path,
    usPerEvent: us,
    eventsPerSecond: 1e6 / us,
    p25: quantile(v.samples, 0.25),
    p75: quantile(v.samples, 0.75),
  };
});
console.log(JSON.stringify({ rounds: ROUNDS, eventsPerRound: EVENTS, warmupRounds: WARMUP_ROUNDS, eventBytes: Buffer.byteLength(expected), results }));
