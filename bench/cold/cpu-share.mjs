// Cold start in CPU time: the adapter's share (import + first event, less the floor's) measured as the
// process's user + system CPU time (process.cpuUsage) instead of wall time. On a shared machine a
// fresh process's wall time swings by 2x with the load; its CPU time moves by ~10 %, so A/B comparisons
// of a few hundred microseconds are readable here. Each child builds the raw listener and the SQS
// event, then times the adapter's import and its first event; `ours-phases` splits ours further.
//
//   node bench/cold/cpu-share.mjs [runs=20] [--dist <dir>]   (prints one JSON line per variant, medians + p25-p75)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const cpu = (from, to) => (to.user + to.system - from.user - from.system) / 1000;

if (args[0] === '--child') {
  const [, role, dist] = args;
  const { createProbe, createRawListener } = await import('../lib/apps.mjs');
  const { lambdaContext, sqsEvent } = await import('../lib/events.mjs');
  const probe = createProbe();
  const app = createRawListener(probe);
  const event = sqsEvent();
  const marks = [process.cpuUsage()];
  const mark = () => marks.push(process.cpuUsage());
  let ok;
  if (role === 'floor') {
    const { createFloorHandler } = await import('../lib/floor.mjs');
    mark();
    ok = (await createFloorHandler(app)(event)).statusCode === 200;
  } else if (role === 'h4ad') {
    const { ServerlessAdapter } = await import('@h4ad/serverless-adapter');
    const { DefaultHandler } = await import('@h4ad/serverless-adapter/handlers/default');
    const { PromiseResolver } = await import('@h4ad/serverless-adapter/resolvers/promise');
    const { ExpressFramework } = await import('@h4ad/serverless-adapter/frameworks/express');
    const { SQSAdapter } = await import('@h4ad/serverless-adapter/adapters/aws');
    mark();
    const handle = ServerlessAdapter.new(app).setFramework(new ExpressFramework()).setHandler(new DefaultHandler())
      .setResolver(new PromiseResolver()).addAdapter(new SQSAdapter()).build();
    await handle(event, lambdaContext());
    ok = probe.lastUrl === '/sqs';
  } else if (role === 'ours') {
    const { createLambdaHandler } = await import(`${dist}/index.js`);
    mark();
    ok = (await createLambdaHandler(app)(event, lambdaContext())).statusCode === 200;
  } else {
    // ours-phases: Node's built-ins the package imports, the package's own import, one request through
    // the in-memory IncomingMessage/ServerResponse alone, the first AsyncLocalStorage run, the handler.
    await import('node:http');
    await import('node:async_hooks');
    mark();
    const lib = await import(`${dist}/index.js`);
    mark();
    const body = Buffer.from(JSON.stringify(event));
    const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
    await lib.createDispatcher(app)({ method: 'POST', url: '/aws.sqs', headers, body }, 5000);
    mark();
    const { AsyncLocalStorage } = await import('node:async_hooks');
    await new AsyncLocalStorage().run({}, async () => {});
    mark();
    ok = (await lib.createLambdaHandler(app)(event, lambdaContext())).statusCode === 200;
  }
  mark();
  if (!ok || probe.requests < 1) process.exit(1);
  const spans = marks.slice(1).map((m, i) => cpu(marks[i], m));
  const names = role === 'ours-phases' ? ['builtins', 'packageImport', 'firstDispatch', 'asyncLocalStorage', 'handlerRest'] : ['import', 'firstEvent'];
  process.stdout.write(JSON.stringify(Object.fromEntries(names.map((n, i) => [n, spans[i]]))) + '\n');
  process.exit(0);
}

const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 20);
const distAt = args.indexOf('--dist');
const dist = distAt === -1 ? fileURLToPath(new URL('../../dist', import.meta.url)) : args[distAt + 1];
const roles = ['floor', 'ours', 'h4ad', 'ours-phases'];
const samples = Object.fromEntries(roles.map((r) => [r, []]));
for (let run = 0; run < runs; run++) {
  for (let k = 0; k < roles.length; k++) {
    const role = roles[(run + k) % roles.length];
    const child = spawnSync(process.execPath, [here, '--child', role, dist], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`cold/cpu-share ${role} failed: ${child.stderr}`);
    samples[role].push(JSON.parse(child.stdout));
  }
}
const quantile = (values, q) => {
  const s = [...values].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
};
const summary = (values) => `${quantile(values, 0.5).toFixed(2)} (${quantile(values, 0.25).toFixed(2)}-${quantile(values, 0.75).toFixed(2)})`;
const totals = {};
for (const role of roles) {
  const rows = samples[role];
  const line = { variant: role, runs: rows.length };
  for (const key of Object.keys(rows[0])) line[key] = summary(rows.map((r) => r[key]));
  totals[role] = rows.map((r) => Object.values(r).reduce((a, b) => a + b, 0));
  line.total = summary(totals[role]);
  console.log(JSON.stringify(line));
}
const floor = quantile(totals.floor, 0.5);
const share = (role) => quantile(totals[role], 0.5) - floor;
console.log(JSON.stringify({ oursShareMs: +share('ours').toFixed(2), h4adShareMs: +share('h4ad').toFixed(2), ratio: +(share('ours') / share('h4ad')).toFixed(2) }));
