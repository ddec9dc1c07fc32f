// Per-event cost in CPU instructions: run `valgrind --tool=callgrind` on a process that delivers N
// events, and on one that delivers none, and divide the difference by N. Node runs with --predictable
// (one thread for V8's compiler and GC, no randomness): without it the count depended on when V8's
// background threads ran, 275k-458k per event for one build on a busy machine; with it, it repeats. Compares builds side by side: each `--dist DIR` is a built dist/ folder.
//   node bench/instructions.mjs --dist dist --dist /path/to/other/dist [--events 3000] [--mode event|record]
// The child (`--child`) loads the build, makes a raw-listener handler and delivers the SQS event N times.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lambdaContext, sqsEvent } from './lib/events.mjs';

const argv = process.argv.slice(2);
const values = (name) => argv.flatMap((arg, i) => (arg === `--${name}` ? [argv[i + 1]] : []));
const events = Number(values('events')[0] ?? 3000);
const mode = values('mode')[0] ?? 'event';

if (argv.includes('--child')) {
  const dist = resolve(values('dist')[0]);
  const { createLambdaHandler } = await import(pathToFileURL(`${dist}/index.js`).href);
  const app = (req, res) => {
    req.on('data', () => {});
    req.on('end', () => res.end('{"ok":true}'));
  };
  const handle = createLambdaHandler(app, { mode });
  const event = sqsEvent();
  const context = lambdaContext();
  await handle(event, context); // the first event (lazy work) is not counted: both runs do it
  for (let i = 0; i < events; i++) await handle(event, context);
} else {
  const count = (dist, n) => {
    const run = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--predictable', new URL(import.meta.url).pathname, '--child', '--dist', dist, '--events', String(n), '--mode', mode], { encoding: 'utf8' });
    const match = /Collected : (\d+)/.exec(run.stderr);
    if (!match) throw new Error(`callgrind printed no total for ${dist}: ${run.stderr.slice(-500)}`);
    return Number(match[1]);
  };
  const rows = [];
  for (const dist of values('dist')) {
    const base = count(dist, 0);
    const loaded = count(dist, events);
    rows.push({ dist, mode, events, instructionsPerEvent: Math.round((loaded - base) / events) });
  }
  console.log(JSON.stringify(rows));
}
