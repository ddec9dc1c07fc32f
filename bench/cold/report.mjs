// The cold-start scripts' last step: one JSON line with their own timings, or a failed check.
import { performance } from 'node:perf_hooks';

const ms = (from, to) => Number(to - from) / 1e6;

export function report(name, { start, appReady, imported }, ok, probe) {
  const end = process.hrtime.bigint();
  const sinceProcessStartMs = performance.now();
  if (!ok) {
    console.error(`CHECK FAILED for cold/${name}: the app did not answer 200 to the event (${probe?.requests} requests, last url ${probe?.lastUrl})`);
    process.exit(1);
  }
  const line = {
    name,
    appMs: ms(start, appReady),
    adapterImportMs: ms(appReady, imported),
    firstEventMs: ms(imported, end),
    adapterMs: ms(appReady, end),
    importAndFirstEventMs: ms(start, end),
    sinceProcessStartMs,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
