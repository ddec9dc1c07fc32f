// Load test of the HTTP push gateway (issue 10), not a timed test: a CloudEvent in binary mode and a
// Pub/Sub push into an Express 5 app, through the gateway, against the same app's work served by
// @google-cloud/functions-framework 5 (`cloudEvent` signature) and against the app's own
// http.createServer (the floor). autocannon, rounds alternated between the servers in one run; each
// server in its own process, started once. Medians of the rounds: requests/s and p99 latency. Then a
// memory check: RSS and heap after GC, before and after N more requests through the gateway.
//   npm run build && node bench/gateway.mjs [--rounds 5] [--seconds 5] [--connections 10] [--memory 1000000]
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { median } from './lib/stats.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const ROUNDS = arg('rounds', 5);
const SECONDS = arg('seconds', 5);
const CONNECTIONS = arg('connections', 10);
const MEMORY_REQUESTS = arg('memory', 1_000_000);

function start(target) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', new URL('./gateway/server.mjs', import.meta.url).pathname, target], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening (\d+) (\d+)/.exec(out);
      if (match) resolve({ target, child, port: Number(match[1]), statsPort: Number(match[2]) });
    });
    child.once('exit', (code) => reject(new Error(`${target} exited ${code}`)));
  });
}

const pubsubBody = JSON.stringify({
  message: { data: Buffer.from('{"order":42}').toString('base64'), attributes: { origin: 'bench' }, messageId: '2070443601311540', publishTime: '2024-03-01T08:00:01.5Z' },
  subscription: 'projects/p/subscriptions/s',
});
const ceHeaders = { 'ce-specversion': '1.0', 'ce-id': 'order-1', 'ce-source': '/shop/orders', 'ce-type': 'com.example.order.created', 'content-type': 'application/json' };
const ceBody = JSON.stringify({ order: 42, lines: [{ sku: 'b-1', qty: 2 }] });

/** What each server is sent, per scenario: the same push, at the path each one expects. */
const SCENARIOS = {
  'CloudEvent, binary mode': {
    gateway: { path: '/', headers: ceHeaders, body: ceBody },
    ff: { path: '/', headers: ceHeaders, body: ceBody },
    floor: { path: '/shop/orders', headers: ceHeaders, body: ceBody },
  },
  'Pub/Sub push': {
    gateway: { path: '/', headers: { 'content-type': 'application/json' }, body: pubsubBody },
    ff: { path: '/projects/p/topics/t', headers: { 'content-type': 'application/json' }, body: pubsubBody },
    floor: { path: '/google.pubsub', headers: { 'content-type': 'application/json' }, body: pubsubBody },
  },
};

function load(port, request, options) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `http://127.0.0.1:${port}${request.path}`, method: 'POST', headers: request.headers, body: request.body, connections: CONNECTIONS, ...options }, (error, result) => {
      if (error) reject(error);
      else if (result.non2xx > 0 || result.errors > 0) reject(new Error(`${port}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      else resolve(result);
    });
  });
}

const mem = async (server) => (await fetch(`http://127.0.0.1:${server.statsPort}/`)).json();

const servers = {};
for (const target of ['gateway', 'ff', 'floor']) servers[target] = await start(target);
const rows = [];
try {
  for (const [scenario, requests] of Object.entries(SCENARIOS)) {
    const runs = { gateway: [], ff: [], floor: [] };
    for (const target of Object.keys(runs)) await load(servers[target].port, requests[target], { duration: 1 }); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of Object.keys(runs)) runs[target].push(await load(servers[target].port, requests[target], { duration: SECONDS }));
    }
    const figures = Object.fromEntries(Object.entries(runs).map(([t, rs]) => [t, { rps: median(rs.map((r) => r.requests.average)), p99: median(rs.map((r) => r.latency.p99)) }]));
    rows.push({ scenario, ...figures });
    process.stderr.write(`${scenario}: ${JSON.stringify(figures)}\n`);
  }
  const before = await mem(servers.gateway);
  await load(servers.gateway.port, SCENARIOS['Pub/Sub push'].gateway, { amount: MEMORY_REQUESTS });
  const after = await mem(servers.gateway);
  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
  console.log(`Node ${process.version}, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s alternated, medians\n`);
  console.log('| push | gateway req/s | Functions Framework 5 req/s | floor req/s | gateway / FF | floor / gateway | p99 gateway / FF / floor (ms) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.scenario} | ${r.gateway.rps.toFixed(0)} | ${r.ff.rps.toFixed(0)} | ${r.floor.rps.toFixed(0)} | ${(r.gateway.rps / r.ff.rps).toFixed(2)}× | ${(r.floor.rps / r.gateway.rps).toFixed(2)}× | ${r.gateway.p99} / ${r.ff.p99} / ${r.floor.p99} |`);
  }
  console.log(`\nMemory of the gateway's process after GC, before and after ${MEMORY_REQUESTS} more Pub/Sub pushes: RSS ${mb(before.rss)} → ${mb(after.rss)} MB, heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)} MB (${after.handled - before.handled} handled).`);
} finally {
  for (const server of Object.values(servers)) server.child.kill();
}
