// Record mode: one 10,000-record batch (SQS or Kinesis) into a raw listener, in a fresh process.
// Run by run.mjs as `node --expose-gc bench/record-mode.mjs <sqs|kinesis> [records=10000] [runs=5]`;
// prints one JSON line. Memory: heapUsed and rss sampled inside the app every 64 requests and after
// every batch (peaks reported for the first batch, the Lambda cold case, and over all batches, where
// garbage of earlier batches may still wait for a major GC) (the batch runs on promise jobs and never yields to timers, so a setInterval sampler
// would see nothing), plus the process's peak RSS from process.resourceUsage().maxRSS.
import { hrtime, memoryUsage, resourceUsage } from 'node:process';
import { createLambdaHandler } from '../dist/index.js';
import { createProbe, createRawListener } from './lib/apps.mjs';
import { kinesisBatch, lambdaContext, sqsBatch } from './lib/events.mjs';
import { median } from './lib/stats.mjs';

const [kind = 'sqs', recordsArg = '10000', runsArg = '5'] = process.argv.slice(2);
const RECORDS = Number(recordsArg);
const RUNS = Number(runsArg);
const gc = globalThis.gc ?? (() => {});

const event = kind === 'kinesis' ? kinesisBatch(RECORDS) : sqsBatch(RECORDS);
const path = kind === 'kinesis' ? '/aws.kinesis' : '/aws.sqs';
const eventBytes = Buffer.byteLength(JSON.stringify(event));
const context = lambdaContext();
const probe = createProbe();
const listener = createRawListener(probe, [path]);

let peakHeap = 0;
let peakRss = 0;
function sample() {
  const { heapUsed, rss } = memoryUsage();
  if (heapUsed > peakHeap) peakHeap = heapUsed;
  if (rss > peakRss) peakRss = rss;
}
let requests = 0;
const app = (req, res) => {
  if ((++requests & 63) === 0) sample();
  return listener(req, res);
};
const handle = createLambdaHandler(app, { mode: 'record' });

gc();
gc();
const baseline = memoryUsage();
peakHeap = baseline.heapUsed;
peakRss = baseline.rss;

const times = [];
let firstPeak;
for (let run = 0; run < RUNS; run++) {
  const before = probe.requests;
  const start = hrtime.bigint();
  const result = await handle(event, context);
  times.push(Number(hrtime.bigint() - start) / 1e6);
  sample();
  if (run === 0) firstPeak = { heapUsed: peakHeap, rss: peakRss };
  // The check: every record reached the app at the source's path, none failed, the last body is the record's.
  const failures = result?.batchItemFailures;
  const lastBody = probe.lastBody?.toString('utf8');
  const wantBody = kind === 'kinesis' ? 'Hello World' : 'Message Body';
  if (!Array.isArray(failures) || failures.length !== 0 || probe.requests - before !== RECORDS || probe.lastUrl !== path || lastBody !== wantBody) {
    console.error(`CHECK FAILED (${kind}): result ${JSON.stringify(result).slice(0, 200)}, ${probe.requests - before} requests, last url ${probe.lastUrl}, last body ${lastBody}`);
    process.exit(1);
  }
}
// What the handler keeps once the batches are done (batches run back to back: no forced GC between them).
gc();
gc();
const retained = memoryUsage().heapUsed - baseline.heapUsed;

console.log(
  JSON.stringify({
    kind,
    records: RECORDS,
    runs: RUNS,
    eventBytes,
    firstMs: times[0],
    warmMedianMs: RUNS > 1 ? median(times.slice(1)) : times[0],
    times,
    recordsPerSecondFirst: RECORDS / (times[0] / 1000),
    recordsPerSecondWarm: RECORDS / ((RUNS > 1 ? median(times.slice(1)) : times[0]) / 1000),
    baselineHeapUsed: baseline.heapUsed,
    baselineRss: baseline.rss,
    peakHeapUsed: peakHeap,
    peakRss,
    peakHeapAboveBaseline: peakHeap - baseline.heapUsed,
    firstBatchPeakHeapAboveBaseline: firstPeak.heapUsed - baseline.heapUsed,
    firstBatchPeakRss: firstPeak.rss,
    maxRssBytes: resourceUsage().maxRSS * 1024,
    retainedAfterGcBytes: retained,
  }),
);
