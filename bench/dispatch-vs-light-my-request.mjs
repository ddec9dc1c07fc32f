// The dispatch decision (docs/decisions.md): our lean in-memory request/response against
// light-my-request, on the same raw listener, in one process with interleaved rounds; and the cold
// import time of each, in fresh processes. Run: npm run build && node bench/dispatch-vs-light-my-request.mjs
import { execFileSync } from 'node:child_process';
import inject from 'light-my-request';
import { createDispatcher } from '../dist/index.js';

const body = JSON.stringify({ Records: [{ messageId: 'm1', body: 'hello', eventSource: 'aws:sqs' }] });
const listener = (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
};
const request = { method: 'POST', url: '/aws.sqs', headers: { host: 'localhost', 'content-type': 'application/json', 'content-length': String(body.length) } };

const lean = createDispatcher(listener);
const candidates = {
  lean: () => lean({ ...request, body: Buffer.from(body) }, 10_000),
  'light-my-request': () => inject(listener, { ...request, payload: body }),
};

const N = 2000;
const ROUNDS = 25;
const samples = Object.fromEntries(Object.keys(candidates).map((k) => [k, []]));
for (let round = -3; round < ROUNDS; round++) {
  for (const [name, send] of Object.entries(candidates)) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < N; i++) {
      const response = await send();
      if ((response.statusCode ?? response.statusCode) !== 200) throw new Error(`${name}: ${response.statusCode}`);
    }
    const micros = Number(process.hrtime.bigint() - start) / 1000 / N;
    if (round >= 0) samples[name].push(micros);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const importTime = (specifier) => {
  const times = [];
  for (let i = 0; i < 15; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`], { encoding: 'utf8' });
    times.push(Number(out));
  }
  return median(times);
};

const result = {
  node: process.version,
  perRequestMicros: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, Number(median(v).toFixed(2))])),
  importMillis: {
    'cloud-events-handler (whole package)': Number(importTime(new URL('../dist/index.js', import.meta.url).href).toFixed(2)),
    'light-my-request': Number(importTime('light-my-request').toFixed(2)),
  },
};
console.log(JSON.stringify(result, null, 2));
