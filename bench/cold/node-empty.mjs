// Cold start baseline: a Node process that loads nothing and exits (what every other script pays first).
const start = process.hrtime.bigint();
const { report } = await import('./report.mjs');
report('node-empty', { start, appReady: start, imported: start }, true, undefined);
