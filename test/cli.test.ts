/**
 * The bin and cloud-events-handler/testing as users get them: `npm pack`, installed from the tarball with
 * express and hono into a fresh folder, run as `npx cloud-events-handler ...` in subprocesses; invoke()
 * from node:test in ESM and CommonJS. One pack and one install, shared by every case.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
let project: string;

interface Run {
  code: number;
  out: string;
  err: string;
}

/** Run a command in the project, feeding `stdin`; never throws on a non-zero exit. */
function run(command: string, args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
    });
    child.stdin?.end(stdin);
  });
}
// npx as the README says, for the first run of each case; the linked bin itself (no npx start-up, ~1 s
// each) for the rest.
const npx = (args: string[], stdin?: string) => run('npx', ['--no-install', 'cloud-events-handler', ...args], stdin);
const bin = (args: string[], stdin?: string) => run(process.execPath, [join(project, 'node_modules/.bin/cloud-events-handler'), ...args], stdin);

/** Whether dist/ was built after every source file changed (then `npm pack` need not build again). */
function distIsFresh(): boolean {
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs)));
  try {
    return statSync(join(repo, 'dist/cli.cjs')).mtimeMs > Math.max(newest(join(repo, 'src')), newest(join(repo, 'scripts')), statSync(join(repo, 'package.json')).mtimeMs, statSync(join(repo, 'tsup.config.ts')).mtimeMs);
  } catch {
    return false;
  }
}

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const stripsTypes = major > 22 || (major === 22 && minor >= 6);

const EXPRESS_ROUTES = `
app.use(express.json());
app.post('/aws.s3', (req, res) => res.json({ key: req.body.Records[0].s3.object.key }));
app.post('/aws.sqs', (req, res) => res.status(req.body.id % 2 ? 500 : 200).json({ id: req.body.id }));
`;
const HONO_ROUTES = `
app.post('/aws.s3', async (c) => c.json({ key: (await c.req.json()).Records[0].s3.object.key }));
app.post('/aws.sqs', async (c) => { const { id } = await c.req.json(); return c.json({ id }, id % 2 ? 500 : 200); });
`;

beforeAll(() => {
  const packDir = mkdtempSync(join(tmpdir(), 'ceh-pack-'));
  const build = distIsFresh() ? ['--ignore-scripts'] : [];
  execFileSync('npm', ['pack', '--silent', ...build, '--pack-destination', packDir], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz')) as string);
  project = mkdtempSync(join(tmpdir(), 'ceh-cli-user-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'cli-user', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, 'express@5', 'hono@4'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  const files: Record<string, string> = {
    'express-app.mjs': `import express from 'express';\nconst app = express();\n${EXPRESS_ROUTES}\nexport default app;\n`,
    'express-app.cjs': `const express = require('express');\nconst app = express();\n${EXPRESS_ROUTES}\nmodule.exports = { app };\n`,
    'hono-app.mjs': `import { Hono } from 'hono';\nexport const app = new Hono();\n${HONO_ROUTES}\n`,
    'hono-app.cjs': `const { Hono } = require('hono');\nconst app = new Hono();\n${HONO_ROUTES}\nmodule.exports = app;\n`,
    'hono-app.ts': `import { Hono } from 'hono';\nconst app: Hono = new Hono();\n${HONO_ROUTES}\nexport default app;\n`,
    'express-app.mts': `import express, { type Request, type Response } from 'express';\nconst app = express();\napp.use(express.json());\napp.post('/aws.s3', (req: Request, res: Response) => { res.json({ key: req.body.Records[0].s3.object.key }); });\nexport { app };\n`,
    'broken.mjs': `throw new Error('database url missing');\n`,
    'sqs.json': JSON.stringify({ Records: [{ eventSource: 'aws:sqs', messageId: 'm-2', body: '{"id":2}', eventSourceARN: 'arn:aws:sqs:us-east-1:1:q' }] }),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(project, name), text);
}, 180_000);

describe('the cloud-events-handler bin, from the packed package', () => {
  it('events lists the samples, and prints every one as JSON', async () => {
    const list = await npx(['events']);
    expect(list.code).toBe(0);
    const names = list.out.trim().split('\n').map((line) => line.split(' ')[0] as string);
    expect(names.length).toBeGreaterThan(25);
    expect(names).toContain('aws.s3.put');
    // In parallel, a few at a time: each is a Node process.
    for (let i = 0; i < names.length; i += 6) {
      const runs = await Promise.all(names.slice(i, i + 6).map((name) => bin(['events', name])));
      runs.forEach((printed, j) => {
        expect(printed.code, names[i + j]).toBe(0);
        expect(() => JSON.parse(printed.out), names[i + j]).not.toThrow();
      });
    }
  });

  it.each([['express-app.mjs'], ['express-app.cjs#app'], ['hono-app.mjs#app'], ['hono-app.cjs']])('invoke --app ./%s with a sample, a file and stdin', async (app) => {
    const sample = await npx(['invoke', '--app', `./${app}`, 'aws.s3.put', '--set', 'key=books/dune.pdf']);
    expect(sample.code, sample.err).toBe(0);
    expect(sample.out).toContain('POST /aws.s3');
    expect(sample.out).toMatch(/← 200 OK/);
    expect(sample.out).toContain('{"key":"books/dune.pdf"}');
    expect(sample.out).toContain('"statusCode": 200');
    const file = await bin(['invoke', '--app', `./${app}`, '--event', 'sqs.json', '--mode', 'record', '--json']);
    expect(file.code, file.err).toBe(0);
    expect(JSON.parse(file.out)).toMatchObject({ handled: true, result: { batchItemFailures: [] }, deliveries: [{ request: { path: '/aws.sqs', body: '{"id":2}' }, response: { statusCode: 200 } }] });
    const stdin = await bin(['invoke', '--app', `./${app}`, '-', '--mode', 'record', '--json'], JSON.stringify({ Records: [{ eventSource: 'aws:sqs', messageId: 'm-1', body: '{"id":1}' }] }));
    expect(stdin.code).toBe(1);
    expect(JSON.parse(stdin.out)).toMatchObject({ handled: false, result: { batchItemFailures: [{ itemIdentifier: 'm-1' }] }, deliveries: [{ response: { statusCode: 500 } }] });
  });

  it('exit codes: 1 when the event is not handled (a rejected event, a failed record), 2 on a usage error naming the flag', async () => {
    const rejected = await npx(['invoke', '--app', './express-app.mjs', 'aws.sns', '--json']);
    expect(rejected.code).toBe(1);
    expect(JSON.parse(rejected.out)).toMatchObject({ handled: false, error: { name: 'EventDeliveryError', statusCode: 404, path: '/aws.sns' } });
    const partial = await bin(['invoke', '--app', './express-app.mjs', 'aws.sqs', '--mode', 'record', '--set', 'records=[{"body":{"id":1}},{"body":{"id":2}}]']);
    expect(partial.code).toBe(1);
    expect(partial.out).toContain('not handled: 1 of 2 records failed');
    expect(await bin(['invoke', '--app', './express-app.mjs', 'aws.sqs', '--mode', 'all'])).toMatchObject({ code: 2, err: expect.stringContaining('--mode all') });
    expect(await bin(['invoke', 'aws.sqs'])).toMatchObject({ code: 2, err: expect.stringContaining('--app') });
    expect(await bin(['events', 'aws.sqs', '--sett', 'x=1'])).toMatchObject({ code: 2, err: expect.stringContaining("'--sett'") });
    expect(await bin([])).toMatchObject({ code: 2 });
    expect(await bin(['serve'])).toMatchObject({ code: 2, err: expect.stringContaining('--app') });
    expect(await bin(['serve', '--app', './express-app.mjs', '--port', 'x'])).toMatchObject({ code: 2, err: expect.stringContaining('--port') });
    const helps = await Promise.all(['events', 'invoke', 'serve', 'dev'].map((command) => bin([command, '--help'])));
    for (const [i, command] of ['events', 'invoke', 'serve', 'dev'].entries()) expect(helps[i]?.out).toContain(`Usage: cloud-events-handler ${command}`);
  });

  it('serve: the gateway on a free port delivers a pushed AWS event to the app; SIGTERM ends it with 0', async () => {
    const child = spawn(process.execPath, [join(project, 'node_modules/.bin/cloud-events-handler'), 'serve', '--app', './express-app.mjs', '--port', '0'], { cwd: project });
    try {
      let err = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          err += chunk.toString();
          const found = /listening on (http:\/\/\S+)/.exec(err);
          if (found) resolve(found[1] as string);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
      });
      const s3 = { Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'b' }, object: { key: 'books/dune.pdf' } } }] };
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(s3) });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ key: 'books/dune.pdf' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('dev serves the page from the brotli-compressed files the package ships: br to a client that accepts it, else the plain bytes', async () => {
    expect(readdirSync(join(project, 'node_modules/cloud-events-handler/dist')).filter((f) => f.startsWith('console.')).sort()).toEqual(['console.css.br', 'console.html.br', 'console.js.br']);
    const child = spawn(process.execPath, [join(project, 'node_modules/.bin/cloud-events-handler'), 'dev', '--app', './express-app.mjs', '--port', '0', '--no-watch'], { cwd: project });
    try {
      let out = '';
      const url = await new Promise<URL>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /(http:\/\/\S+token=\S+)/.exec(out);
          if (found) resolve(new URL(found[1] as string));
        });
        child.on('exit', (code) => reject(new Error(`dev exited with ${code}`)));
      });
      const get = (path: string, headers: Record<string, string>) =>
        new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
          const req = httpRequest({ host: url.hostname, port: url.port, path, headers: { host: url.host, ...headers } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
          });
          req.on('error', reject);
          req.end();
        });
      for (const path of ['/', '/console.css', '/console.js']) {
        const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
        const plain = await get(path, {});
        expect([br.encoding, plain.encoding], path).toEqual(['br', undefined]);
        expect(brotliDecompressSync(br.body).equals(plain.body), path).toBe(true);
      }
      expect((await get('/', {})).body.toString()).toMatch(/^<!doctype html>/);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('a broken app module: the message names the file and the export', async () => {
    const thrown = await npx(['invoke', '--app', './broken.mjs', 'aws.sqs']);
    expect(thrown.code).toBe(2);
    expect(thrown.err).toMatch(/--app "\.\/broken\.mjs": loading .*broken\.mjs failed: .*database url missing/);
    const missing = await bin(['invoke', '--app', './express-app.cjs#handler', 'aws.sqs']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--app "\.\/express-app\.cjs#handler": .*express-app\.cjs has no export "handler" \(its exports: .*app/);
    expect(await bin(['invoke', '--app', './nowhere.js', 'aws.sqs'])).toMatchObject({ code: 2, err: expect.stringContaining('cannot find module "./nowhere.js"') });
  });

  it.runIf(stripsTypes)('invoke --app ./app.ts: TypeScript apps through Node\'s own type stripping (Node 22.6+ only: skipped on older Node, where the next case checks the message)', async () => {
    for (const app of ['hono-app.ts', 'express-app.mts#app']) {
      const ts = await bin(['invoke', '--app', `./${app}`, 'aws.s3.put', '--set', 'key=a.ts', '--json']);
      expect(ts.code, ts.err).toBe(0);
      expect(JSON.parse(ts.out).deliveries[0].response).toMatchObject({ statusCode: 200, body: '{"key":"a.ts"}' });
    }
  });

  it.runIf(!stripsTypes)('invoke --app ./app.ts on Node < 22.6 says what is needed (skipped where Node strips types)', async () => {
    const ts = await npx(['invoke', '--app', './hono-app.ts', 'aws.s3.put']);
    expect(ts.code).toBe(2);
    expect(ts.err).toContain('a TypeScript app needs Node.js 22.6 or later');
  });

  it('invoke() from node:test, through import and require of cloud-events-handler/testing', async () => {
    const body = (load: string) => `${load}
test('an SQS route with partial failures', async () => {
  const event = sampleEvent('aws.sqs', { records: [{ body: { id: 1 } }, { body: { id: 2 } }] });
  const { result, error, deliveries } = await invoke(app, event, { mode: 'record' });
  assert.equal(error, undefined);
  assert.deepEqual(result, { batchItemFailures: [{ itemIdentifier: event.Records[0].messageId }] });
  assert.deepEqual(deliveries.map((d) => [d.request.path, d.request.json(), d.response.statusCode]), [['/aws.sqs', { id: 1 }, 500], ['/aws.sqs', { id: 2 }, 200]]);
});
`;
    writeFileSync(join(project, 'esm.test.mjs'), body(`import test from 'node:test';\nimport assert from 'node:assert/strict';\nimport { invoke, sampleEvent } from 'cloud-events-handler/testing';\nimport app from './express-app.mjs';`));
    writeFileSync(join(project, 'cjs.test.cjs'), body(`const test = require('node:test');\nconst assert = require('node:assert/strict');\nconst { invoke, sampleEvent } = require('cloud-events-handler/testing');\nconst { app } = require('./express-app.cjs');`));
    const tests = await run(process.execPath, ['--test', '--test-reporter=tap', 'esm.test.mjs', 'cjs.test.cjs']);
    expect(tests.out + tests.err).toMatch(/# pass 2/);
    expect(tests.code).toBe(0);
  });
});
