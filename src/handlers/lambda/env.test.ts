import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigurationError } from '../../errors.js';
import { handler } from './env-handler.js';
import { loadEnvConfiguration } from './env.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ceh-env-'));
  // A raw listener as the default export of an ESM module.
  writeFileSync(join(root, 'app.mjs'), `export default (req, res) => { req.resume(); res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ url: req.url, method: req.method })); };\n`);
  // A CommonJS module exporting { app } and a named other.
  writeFileSync(join(root, 'server.cjs'), `const app = (req, res) => res.end('cjs:' + req.url);\nmodule.exports = { app, other: (req, res) => res.end('other') };\n`);
  writeFileSync(join(root, 'request.mjs'), `export const defaults = { method: 'PUT', path: '/from-env' };\n`);
  writeFileSync(join(root, 'broken.mjs'), `throw new Error('module body failed');\n`);
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'index.js'), `module.exports = (req, res) => res.end('dir index');\n`);
});

afterEach(() => vi.unstubAllEnvs());

describe('loadEnvConfiguration', () => {
  it('CLOUD_EVENTS_APP resolves from LAMBDA_TASK_ROOT: default export, `app` export, #export, folders', async () => {
    const env = (app: string) => ({ LAMBDA_TASK_ROOT: root, CLOUD_EVENTS_APP: app });
    expect(typeof (await loadEnvConfiguration(env('./app.mjs'))).app).toBe('function');
    const cjs = (await loadEnvConfiguration(env('./server.cjs'))).app as (...a: unknown[]) => unknown;
    expect(cjs.toString()).toContain("'cjs:'");
    const other = (await loadEnvConfiguration(env('server.cjs#other'))).app as (...a: unknown[]) => unknown;
    expect(other.toString()).toContain("'other'");
    expect(typeof (await loadEnvConfiguration(env('./dist'))).app).toBe('function');
  });

  it('CLOUD_EVENTS_MODE and CLOUD_EVENTS_REQUEST become options', async () => {
    const { options } = await loadEnvConfiguration({ LAMBDA_TASK_ROOT: root, CLOUD_EVENTS_APP: './app.mjs', CLOUD_EVENTS_MODE: 'record', CLOUD_EVENTS_REQUEST: './request.mjs#defaults' });
    expect(options).toEqual({ mode: 'record', request: { method: 'PUT', path: '/from-env' } });
  });

  it('errors name the variable and the module tried', async () => {
    const failure = (env: NodeJS.ProcessEnv) => loadEnvConfiguration(env).then(() => { throw new Error("expected a failure"); }, (e: unknown) => e as ConfigurationError);
    const unset = await failure({ LAMBDA_TASK_ROOT: root });
    expect(unset).toBeInstanceOf(ConfigurationError);
    expect([unset.code, unset.message]).toEqual(['APP_NOT_CONFIGURED', expect.stringContaining('CLOUD_EVENTS_APP is not set')]);
    const missing = await failure({ LAMBDA_TASK_ROOT: root, CLOUD_EVENTS_APP: './nope.js' });
    expect([missing.code, missing.message]).toEqual(['APP_NOT_FOUND', expect.stringContaining(`CLOUD_EVENTS_APP="./nope.js": cannot find module "./nope.js" from ${root}`)]);
    const broken = await failure({ LAMBDA_TASK_ROOT: root, CLOUD_EVENTS_APP: './broken.mjs' });
    expect([broken.code, broken.message]).toEqual(['APP_LOAD_FAILED', expect.stringContaining('module body failed')]);
    const noExport = await failure({ LAMBDA_TASK_ROOT: root, CLOUD_EVENTS_APP: './app.mjs#missing' });
    expect(noExport.message).toMatch(/has no export "missing" \(its exports: default\)/);
    const badMode = await failure({ LAMBDA_TASK_ROOT: root, CLOUD_EVENTS_APP: './app.mjs', CLOUD_EVENTS_MODE: 'batch' });
    expect(badMode.message).toBe('CLOUD_EVENTS_MODE is "batch": expected "event" or "record"');
  });
});

describe('handler (cloud-events-handler/handler)', () => {
  it('takes two parameters, loads the app from the environment and delivers', async () => {
    expect(handler.length).toBe(2);
    vi.stubEnv('LAMBDA_TASK_ROOT', root);
    vi.stubEnv('CLOUD_EVENTS_APP', './app.mjs');
    const result = await handler({ Records: [{ eventSource: 'aws:sqs', messageId: '1', body: 'x' }] }, { awsRequestId: 'r' });
    expect(result).toMatchObject({ statusCode: 200, body: '{"url":"/aws.sqs","method":"POST"}' });
  });
});
