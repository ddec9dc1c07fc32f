// `npm run bench`: builds dist (the npm script does), then runs every benchmark in child processes and
// prints a markdown summary (pasted into docs/benchmarks.md); the raw figures go to bench/results/latest.json.
//   node bench/run.mjs [--quick] [--skip-size] [--skip-cold] [--skip-record] [--skip-isolated]
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { fmt, median, quantile, table } from './lib/stats.mjs';

const flags = new Set(process.argv.slice(2));
const QUICK = flags.has('--quick');
const EVENT_ROUNDS = QUICK ? 5 : 30;
const EVENTS_PER_ROUND = QUICK ? 300 : 1000;
const ISOLATED_ROUNDS = QUICK ? 3 : 20;
const COLD_RUNS = QUICK ? 3 : 15;
const RECORD_RUNS = QUICK ? 2 : 5;
const RECORDS = 10_000;

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const started = Date.now();
const log = (message) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}\n`);

/** Run `node [flags] script args`, resolve with its stdout and wall time (spawn to exit, ms). */
function node(args, { json = true } = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited with ${code}`));
      try {
        resolve({ wallMs, out: json ? JSON.parse(stdout.trim().split('\n').pop()) : stdout });
      } catch (error) {
        reject(new Error(`node ${args.join(' ')} printed no JSON: ${stdout.slice(0, 300)}`, { cause: error }));
      }
    });
  });
}

const machine = {
  node: process.version,
  v8: process.versions.v8,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  loadAverageAtStart: os.loadavg().map((n) => n.toFixed(2)).join(' '),
};
const results = { machine, date: new Date().toISOString(), quick: QUICK };

// 1. Event mode, all variants in one process, rounds interleaved.
log(`event mode: ${EVENT_ROUNDS} rounds × ${EVENTS_PER_ROUND} events × 7 variants, one process`);
results.eventMode = (await node([here('./event-mode.mjs'), '--rounds', String(EVENT_ROUNDS), '--events', String(EVENTS_PER_ROUND)])).out;

// 1b. The same, each variant alone in its own process (no other adapter's objects, prototypes or hooks).
if (!flags.has('--skip-isolated')) {
  log(`event mode, isolated: each variant in its own process, ${ISOLATED_ROUNDS} rounds`);
  results.eventModeIsolated = [];
  for (const variant of ['raw:ours', 'raw:h4ad', 'raw:floor', 'express:ours', 'express:h4ad', 'express:codegenie', 'express:floor']) {
    const { out } = await node([here('./event-mode.mjs'), '--rounds', String(ISOLATED_ROUNDS), '--events', String(EVENTS_PER_ROUND), '--only', variant]);
    results.eventModeIsolated.push(out.results[0]);
  }
}

// 2. Record mode: a 10,000-record SQS batch and a 10,000-record Kinesis batch, each in a fresh process.
if (!flags.has('--skip-record')) {
  results.recordMode = [];
  for (const kind of ['sqs', 'kinesis']) {
    log(`record mode: ${RECORDS} ${kind} records × ${RECORD_RUNS} batches`);
    results.recordMode.push((await node(['--expose-gc', here('./record-mode.mjs'), kind, String(RECORDS), String(RECORD_RUNS)])).out);
  }
}

// 3. Cold start: fresh processes, alternated.
const COLD = ['node-empty', 'floor-raw', 'ours-raw', 'h4ad-raw', 'floor-express', 'ours-express', 'h4ad-express', 'codegenie-express'];
if (!flags.has('--skip-cold')) {
  log(`cold start: ${COLD.length} scripts × ${COLD_RUNS} runs, alternated`);
  const fields = ['wallMs', 'appMs', 'adapterImportMs', 'firstEventMs', 'adapterMs', 'importAndFirstEventMs', 'sinceProcessStartMs'];
  const samples = Object.fromEntries(COLD.map((name) => [name, Object.fromEntries(fields.map((f) => [f, []]))]));
  for (let run = 0; run < COLD_RUNS; run++) {
    for (let k = 0; k < COLD.length; k++) {
      const name = COLD[(run + k) % COLD.length];
      const { wallMs, out } = await node([here(`./cold/${name}.mjs`)]);
      for (const f of fields) samples[name][f].push(f === 'wallMs' ? wallMs : out[f]);
    }
  }
  results.coldStart = COLD.map((name) => ({
    name,
    runs: COLD_RUNS,
    ...Object.fromEntries(fields.map((f) => [f, median(samples[name][f])])),
    wallP25: quantile(samples[name].wallMs, 0.25),
    wallP75: quantile(samples[name].wallMs, 0.75),
    adapterP25: quantile(samples[name].adapterMs, 0.25),
    adapterP75: quantile(samples[name].adapterMs, 0.75),
  }));
}

// 4. Installed size.
if (!flags.has('--skip-size')) {
  log('installed size: npm pack + npm install into empty folders');
  try {
    results.size = (await node([here('./size.mjs')])).out.results;
  } catch (error) {
    log(`installed size skipped: ${error.message}`);
  }
}

mkdirSync(here('./results'), { recursive: true });
writeFileSync(here('./results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
const markdown = summary(results);
writeFileSync(here('./results/latest.md'), markdown);
process.stdout.write(markdown);
log('done');

// ---------------------------------------------------------------------------------------------------

function summary(r) {
  const out = [];
  const targets = [];
  const verdict = (met) => (met ? '**met**' : '**missed**');
  const label = { ours: 'cloud-events-handler', h4ad: '@h4ad/serverless-adapter 4.4.0', codegenie: '@codegenie/serverless-express 4', floor: 'floor (hand-written minimum)' };

  out.push(`Machine: Node ${r.machine.node} (V8 ${r.machine.v8}), ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memory}, ${r.machine.platform}; load average at start ${r.machine.loadAverageAtStart}. ${r.date}${r.quick ? ' (--quick: too few rounds to quote)' : ''}.\n`);

  const em = r.eventMode;
  out.push(`### Event mode: one SQS event (${em.eventBytes} bytes of JSON) per invocation\n`);
  out.push(`${em.rounds} rounds × ${em.eventsPerRound} events per variant after ${em.warmupRounds} warm-up rounds, all variants in one process, interleaved; median of the rounds (p25–p75 in brackets).\n`);
  const modeRows = (rows, app) => {
    const mine = rows.filter((x) => x.app === app);
    const peers = mine.filter((x) => x.adapter === 'h4ad' || x.adapter === 'codegenie');
    const best = peers.reduce((a, b) => (a.eventsPerSecond >= b.eventsPerSecond ? a : b));
    const floor = mine.find((x) => x.adapter === 'floor');
    const lines = mine.map((x) => [
      label[x.adapter],
      `\`${x.path}\``,
      fmt.int(x.eventsPerSecond),
      `${fmt.f1(x.usPerEvent)} (${fmt.f1(x.p25)}–${fmt.f1(x.p75)})`,
      x.adapter === 'floor' ? '' : fmt.ratio(x.eventsPerSecond / best.eventsPerSecond),
      fmt.ratio(x.usPerEvent / floor.usPerEvent),
    ]);
    return { lines, best, floor, ours: mine.find((x) => x.adapter === 'ours') };
  };
  const header = ['adapter', 'path', 'events/s', 'µs/event', 'events/s vs best peer', 'time vs floor'];
  const raw = modeRows(em.results, 'raw');
  out.push(`**Raw \`node:http\` listener** (reads the body, answers 200 JSON; @codegenie/serverless-express cannot feed it)\n`);
  out.push(table(header, raw.lines, 'llrrrr'), '');
  const express = modeRows(em.results, 'express');
  out.push(`**Express 5 with \`express.json()\`**\n`);
  out.push(table(header, express.lines, 'llrrrr'), '');
  targets.push([`event mode, raw listener: ≥ 2× the events/s of the best peer (${label[raw.best.adapter]})`, fmt.ratio(raw.ours.eventsPerSecond / raw.best.eventsPerSecond), verdict(raw.ours.eventsPerSecond >= 2 * raw.best.eventsPerSecond)]);
  targets.push(['event mode, raw listener: within 1.5× of the floor', `${fmt.ratio(raw.ours.usPerEvent / raw.floor.usPerEvent)} the floor's time`, verdict(raw.ours.usPerEvent <= 1.5 * raw.floor.usPerEvent)]);
  targets.push([`event mode, Express 5: ≥ 1.2× the events/s of the best peer (${label[express.best.adapter]})`, fmt.ratio(express.ours.eventsPerSecond / express.best.eventsPerSecond), verdict(express.ours.eventsPerSecond >= 1.2 * express.best.eventsPerSecond)]);

  if (r.eventModeIsolated) {
    const iso = (app) => modeRows(r.eventModeIsolated, app);
    const [isoRaw, isoExpress] = [iso('raw'), iso('express')];
    targets.push([`… the same, each variant in its own process: raw ≥ 2× best peer (${label[isoRaw.best.adapter]})`, fmt.ratio(isoRaw.ours.eventsPerSecond / isoRaw.best.eventsPerSecond), verdict(isoRaw.ours.eventsPerSecond >= 2 * isoRaw.best.eventsPerSecond)]);
    targets.push(['… each in its own process: raw within 1.5× of the floor', `${fmt.ratio(isoRaw.ours.usPerEvent / isoRaw.floor.usPerEvent)} the floor's time`, verdict(isoRaw.ours.usPerEvent <= 1.5 * isoRaw.floor.usPerEvent)]);
    targets.push([`… each in its own process: Express 5 ≥ 1.2× best peer (${label[isoExpress.best.adapter]})`, fmt.ratio(isoExpress.ours.eventsPerSecond / isoExpress.best.eventsPerSecond), verdict(isoExpress.ours.eventsPerSecond >= 1.2 * isoExpress.best.eventsPerSecond)]);
    out.push(`**The same, each variant alone in its own process** (${r.eventModeIsolated.length} processes; no other adapter's objects, prototype swaps or async hooks in the process; fewer rounds, so noisier)\n`);
    out.push(
      table(
        ['app', 'adapter', 'events/s', 'µs/event'],
        r.eventModeIsolated.map((x) => [x.app === 'raw' ? 'raw listener' : 'Express 5', label[x.adapter], fmt.int(x.eventsPerSecond), `${fmt.f1(x.usPerEvent)} (${fmt.f1(x.p25)}–${fmt.f1(x.p75)})`]),
        'llrr',
      ),
      '',
    );
  }

  if (r.recordMode) {
    out.push(`### Record mode: one 10,000-record batch into a raw listener (\`mode: 'record'\`)\n`);
    out.push(`A fresh process per source; ${r.recordMode[0].runs} batches back to back; memory sampled in the app every 64 requests. Heap figures are above the process's baseline once the event is built (the event itself is in the baseline); peak heap counts garbage not yet collected. *Retained* is what is left after the batches and a forced full GC.\n`);
    out.push(
      table(
        ['batch', 'event JSON', 'first batch', 'records/s', `next ${r.recordMode[0].runs - 1} (median)`, 'records/s', 'peak heap, first batch', 'peak heap, all batches', 'peak RSS, first batch', 'retained'],
        r.recordMode.map((x) => [
          `${fmt.int(x.records)} × ${x.kind === 'sqs' ? 'SQS' : 'Kinesis'}`,
          fmt.mb(x.eventBytes),
          `${fmt.int(x.firstMs)} ms`,
          fmt.int(x.recordsPerSecondFirst),
          `${fmt.int(x.warmMedianMs)} ms`,
          fmt.int(x.recordsPerSecondWarm),
          `+${fmt.mb(x.firstBatchPeakHeapAboveBaseline)}`,
          `+${fmt.mb(x.peakHeapAboveBaseline)}`,
          fmt.mb(x.firstBatchPeakRss),
          fmt.mb(x.retainedAfterGcBytes),
        ]),
      ),
      '',
    );
    const sqs = r.recordMode.find((x) => x.kind === 'sqs');
    targets.push(['10,000-record SQS batch into a raw listener in ≤ 1 s', `${fmt.int(sqs.firstMs)} ms (first batch in a fresh process)`, verdict(sqs.firstMs <= 1000)]);
    targets.push(['… with bounded memory (nothing kept after the batch: < 2 MB retained)', `peak heap +${fmt.mb(sqs.firstBatchPeakHeapAboveBaseline)} (first batch), ${fmt.mb(sqs.retainedAfterGcBytes)} retained`, verdict(sqs.retainedAfterGcBytes < 2 * 2 ** 20)]);
  }

  if (r.coldStart) {
    const cs = Object.fromEntries(r.coldStart.map((x) => [x.name, x]));
    out.push(`### Cold start: a fresh \`node\` process builds the app, imports the adapter and handles one SQS event\n`);
    out.push(`Median of ${r.coldStart[0].runs} runs per script, scripts alternated. *Spawn to exit* is timed by the parent. The child times its phases with hrtime: *app* (the app's modules, the app, the event), then *adapter import* (after the app, so only what the adapter adds: for Express, \`node:http\` is already loaded), then *first event* (creating the handler and answering the event; on Express this includes Express's own first-request work, which the floor pays too). *Adapter's share* = adapter import + first event, less the floor's for the same app (p25–p75 of adapter import + first event in brackets). *Since start* is the child's \`performance.now()\` at the end.\n`);
    const row = (name, adapter, floorName) => {
      const x = cs[name];
      const share = floorName ? x.adapterMs - cs[floorName].adapterMs : undefined;
      return [
        adapter,
        `${fmt.f1(x.wallMs)} (${fmt.f1(x.wallP25)}–${fmt.f1(x.wallP75)})`,
        fmt.f1(x.sinceProcessStartMs),
        fmt.f1(x.appMs),
        fmt.f1(x.adapterImportMs),
        fmt.f1(x.firstEventMs),
        share === undefined ? '' : `${fmt.f1(share)} (${fmt.f1(x.adapterP25 - cs[floorName].adapterMs)}–${fmt.f1(x.adapterP75 - cs[floorName].adapterMs)})`,
      ];
    };
    out.push(
      table(
        ['script', 'spawn to exit', 'since start', 'app', 'adapter import', 'first event', "adapter's share"],
        [
          row('node-empty', '`node` alone (empty script)'),
          row('floor-raw', 'raw listener: floor'),
          row('ours-raw', `raw listener: ${label.ours}`, 'floor-raw'),
          row('h4ad-raw', `raw listener: ${label.h4ad}`, 'floor-raw'),
          row('floor-express', 'Express 5: floor'),
          row('ours-express', `Express 5: ${label.ours}`, 'floor-express'),
          row('h4ad-express', `Express 5: ${label.h4ad}`, 'floor-express'),
          row('codegenie-express', `Express 5: ${label.codegenie}`, 'floor-express'),
        ],
      ),
      '',
      'All figures in ms.',
      '',
    );
    const best = (names) => names.map((n) => cs[n]).reduce((a, b) => (a.wallMs <= b.wallMs ? a : b));
    const bestExpress = best(['h4ad-express', 'codegenie-express']);
    const ours = cs['ours-express'];
    targets.push([`cold start ≤ 0.6× the best peer, Express 5, spawn to exit (best: ${bestExpress.name})`, `${fmt.f1(ours.wallMs)} / ${fmt.f1(bestExpress.wallMs)} ms = ${fmt.ratio(ours.wallMs / bestExpress.wallMs)}`, verdict(ours.wallMs <= 0.6 * bestExpress.wallMs)]);
    targets.push(['cold start ≤ 0.6× the best peer, raw listener, spawn to exit (h4ad-raw)', `${fmt.f1(cs['ours-raw'].wallMs)} / ${fmt.f1(cs['h4ad-raw'].wallMs)} ms = ${fmt.ratio(cs['ours-raw'].wallMs / cs['h4ad-raw'].wallMs)}`, verdict(cs['ours-raw'].wallMs <= 0.6 * cs['h4ad-raw'].wallMs)]);
    const share = (n, f) => cs[n].adapterMs - cs[f].adapterMs;
    const shareRaw = [share('ours-raw', 'floor-raw'), share('h4ad-raw', 'floor-raw')];
    targets.push(["cold start, adapter's share only, raw listener ≤ 0.6× h4ad's", `${fmt.f1(shareRaw[0])} / ${fmt.f1(shareRaw[1])} ms`, verdict(shareRaw[0] <= 0.6 * shareRaw[1])]);
    const peerShares = ['h4ad-express', 'codegenie-express'].map((n) => share(n, 'floor-express'));
    const oursShare = share('ours-express', 'floor-express');
    targets.push(["cold start, adapter's share only, Express 5 ≤ 0.6× the best peer's", `${fmt.f1(oursShare)} / ${fmt.f1(Math.min(...peerShares))} ms`, verdict(oursShare <= 0.6 * Math.min(...peerShares))]);
  }

  if (r.size) {
    out.push(`### Installed size: the package alone, \`npm install --omit=dev\` into an empty folder\n`);
    out.push(
      table(
        ['package', 'node_modules (du -sb)', 'the package’s own folder', 'packages installed', 'runtime dependencies'],
        r.size.map((x) => [
          `${label[x.label]}${x.tarballBytes ? ` (tarball ${fmt.kb(x.tarballBytes)})` : ''}`,
          `${fmt.int(x.nodeModulesBytes)} B = ${fmt.kb(x.nodeModulesBytes)}`,
          fmt.kb(x.packageDirBytes),
          `${x.packages.length}${x.packages.length > 1 ? `: ${x.packages.join(', ')}` : ''}`,
          x.runtimeDependencies.length === 0 ? 'none' : x.runtimeDependencies.join(', '),
        ]),
        'lrrll',
      ),
      '',
    );
    const ours = r.size.find((x) => x.label === 'ours');
    if (ours.files) out.push(`Files in the tarball: ${ours.files.join(', ')}.\n`);
    targets.push(['installed size alone ≤ 150 KB', `${fmt.kb(ours.nodeModulesBytes)}`, verdict(ours.nodeModulesBytes <= 150 * 1024)]);
    targets.push(['zero runtime dependencies', ours.runtimeDependencies.length === 0 && ours.packages.length === 1 ? 'none; 1 package installed' : ours.packages.join(', '), verdict(ours.runtimeDependencies.length === 0 && ours.packages.length === 1)]);
  }

  out.push('### Targets\n');
  out.push(table(['target', 'measured', 'verdict'], targets, 'lrl'), '');
  return `${out.join('\n')}\n`;
}
