/**
 * The package as users get it: `npm pack`, installed from the tarball into an empty folder, used through
 * `import` and `require`, and through Lambda's handler setting `node_modules/cloud-events-handler/handler.handler`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
let project: string;
let tarball: string;

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const node = (file: string, env: Record<string, string> = {}) =>
  execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

const SQS = JSON.stringify({ Records: [{ messageId: 'm1', body: '{"a":1}', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:us-east-1:1:q', attributes: { SentTimestamp: '1523232000000' }, messageAttributes: {}, awsRegion: 'us-east-1' }] });

// What every consumer checks: the docs/api.md surface, a delivery in event and record mode, getInvocation and
// EventDeliveryError.
const SCENARIO = `
const app = (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const inv = getInvocation();
    res.setHeader('content-type', 'application/json');
    res.statusCode = req.url === '/aws.s3' ? 500 : 200;
    res.end(JSON.stringify({ url: req.url, body: Buffer.concat(chunks).toString(), id: inv && inv.context.awsRequestId, ce: req.headers['ce-id'] }));
  });
};
const event = ${SQS};
(async () => {
  const out = {};
  out.handlerLength = createLambdaHandler(app).length;
  out.route = routeFor(event);
  out.cloudEvents = toCloudEvents(event).map((e) => [e.specversion, e.id, e.type]);
  out.event = await createLambdaHandler(app)(event, { awsRequestId: 'req-9' });
  out.record = await createLambdaHandler(app, { mode: 'record' })(event, { awsRequestId: 'req-9' });
  try {
    await createLambdaHandler(app)({ Records: [{ eventSource: 'aws:s3' }] }, {});
  } catch (error) {
    out.error = [error instanceof EventDeliveryError, error.statusCode];
  }
  try { createLambdaHandler(42); } catch (error) { out.typeError = error instanceof TypeError; }
  out.invocationOutside = getInvocation() === undefined;
  out.binary = toBinary({ specversion: '1.0', id: 'x y', source: '/s', type: 't' }).headers['ce-id'];
  console.log(JSON.stringify(out));
})();
`;

const EXPECTED = {
  handlerLength: 2,
  route: '/aws.sqs',
  cloudEvents: [['1.0', 'm1', expect.any(String)]],
  event: { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: '/aws.sqs', body: SQS, id: 'req-9' }), isBase64Encoded: false },
  record: { batchItemFailures: [] },
  error: [true, 500],
  typeError: true,
  invocationOutside: true,
  binary: 'x%20y',
};

beforeAll(() => {
  const packDir = mkdtempSync(join(tmpdir(), 'ceh-pack-'));
  npm(['pack', '--silent', '--pack-destination', packDir], repo);
  tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz')) as string);
  project = mkdtempSync(join(tmpdir(), 'ceh-user-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true }));
  npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball], project);
}, 180_000);

describe('the packed package', () => {
  it('installs with zero runtime dependencies', () => {
    expect(readdirSync(join(project, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['cloud-events-handler']);
  });

  it('ships nothing that no entry point reads: no declaration for the bin, the console page only brotli-compressed', () => {
    const dist = readdirSync(join(project, 'node_modules/cloud-events-handler/dist'));
    expect(dist.filter((f) => f.startsWith('cli.'))).toEqual(['cli.cjs']);
    expect(dist.filter((f) => f.startsWith('console.')).sort()).toEqual(['console.css.br', 'console.html.br', 'console.js.br']);
    expect(dist.filter((f) => f.endsWith('.d.cts')).map((f) => f.replace(/^index-\w+/, 'index-HASH')).sort()).toEqual(['handler.d.cts', 'index-HASH.d.cts', 'index.d.cts', 'testing.d.cts']);
  });

  it('works through import (ESM)', () => {
    writeFileSync(join(project, 'esm.mjs'), `import { createLambdaHandler, routeFor, toCloudEvents, getInvocation, EventDeliveryError, toBinary } from 'cloud-events-handler';\n${SCENARIO}`);
    expect(JSON.parse(node('esm.mjs'))).toEqual(EXPECTED);
  });

  it('works through require (CommonJS)', () => {
    writeFileSync(join(project, 'cjs.cjs'), `const { createLambdaHandler, routeFor, toCloudEvents, getInvocation, EventDeliveryError, toBinary } = require('cloud-events-handler');\n${SCENARIO}`);
    expect(JSON.parse(node('cjs.cjs'))).toEqual(EXPECTED);
  });

  // The public surface, pinned: what users call (docs/api.md) and the options' defaults; internals are not
  // exported (docs/decisions.md §10). A name added or removed here is a change to the contract's surface.
  it('exports exactly the public names, the same through import and require', () => {
    const probe = (load: string) =>
      `${load}\nconsole.log(JSON.stringify(Object.fromEntries(entries.map(([entry, m]) => [entry, Object.keys(m).sort()]))));\n`;
    writeFileSync(join(project, 'names-esm.mjs'), probe(`const entries = [['.', await import('cloud-events-handler')], ['handler', await import('cloud-events-handler/handler')], ['testing', await import('cloud-events-handler/testing')]];`));
    writeFileSync(join(project, 'names-cjs.cjs'), probe(`const entries = [['.', require('cloud-events-handler')], ['handler', require('cloud-events-handler/handler')], ['testing', require('cloud-events-handler/testing')]];`));
    const expected = {
      '.': [
        'CLOUDEVENTS_BATCH_JSON_MEDIA_TYPE', 'CLOUDEVENTS_JSON_MEDIA_TYPE',
        'CloudEventDecodeError', 'CloudEventError', 'CloudEventValidationError', 'ConfigurationError',
        'DEFAULT_CLOUDEVENT_BODY_LIMIT', 'DEFAULT_GATEWAY_TIMEOUT_MS', 'DEFAULT_HOST', 'DEFAULT_MAX_BODY_BYTES', 'DEFAULT_MAX_IN_FLIGHT',
        'DEFAULT_METHOD', 'DEFAULT_PATH', 'DEFAULT_RECORD_CONCURRENCY', 'DEFAULT_TIMEOUT_MARGIN_MS', 'DEFAULT_TIMEOUT_MS',
        'EventDeliveryError', 'GOOGLE_JWKS_URI', 'RAW_DATA',
        'assertCloudEvent', 'cloudEventKoaMiddleware', 'cloudEventMiddleware',
        'createAzureFunctionHandler', 'createCloudEventFunction', 'createDispatcher', 'createEventGateway', 'createLambdaHandler', 'createStreamingLambdaHandler',
        'fromBatch', 'fromBinary', 'fromHttp', 'fromRequest', 'fromStructured',
        'getInvocation', 'routeFor', 'serve', 'toBatch', 'toBinary', 'toCloudEvents', 'toStructured', 'unwrapSnsInSqs', 'validateCloudEvent',
      ],
      handler: ['default', 'handler'],
      testing: ['DEFAULT_INVOKE_TIMEOUT_MS', 'SampleError', 'findSample', 'invoke', 'sampleEvent', 'samples'],
    };
    expect(JSON.parse(node('names-esm.mjs'))).toEqual(expected);
    expect(JSON.parse(node('names-cjs.cjs'))).toEqual(expected);
  });

  it('cloud-events-handler/handler works through import, require and the Lambda handler path', () => {
    writeFileSync(join(project, 'app.cjs'), `module.exports = (req, res) => { req.resume(); res.end('hello from ' + req.url); };\n`);
    const env = { CLOUD_EVENTS_APP: './app.cjs', LAMBDA_TASK_ROOT: project };
    const call = `(h) => h(${SQS}, { awsRequestId: 'r' }).then((r) => console.log(JSON.stringify([h.length, r.body])))`;
    writeFileSync(join(project, 'h-esm.mjs'), `import { handler } from 'cloud-events-handler/handler';\n(${call})(handler);\n`);
    writeFileSync(join(project, 'h-cjs.cjs'), `const { handler } = require('cloud-events-handler/handler');\n(${call})(handler);\n`);
    // What Lambda's runtime does with handler = node_modules/cloud-events-handler/handler.handler.
    writeFileSync(join(project, 'h-lambda.mjs'), `const m = await import('./node_modules/cloud-events-handler/handler.js');\n(${call})(m.handler);\n`);
    for (const file of ['h-esm.mjs', 'h-cjs.cjs', 'h-lambda.mjs']) {
      expect(JSON.parse(node(file, env))).toEqual([2, 'hello from /aws.sqs']);
    }
  });

  it('getInvocation is shared between import and require, both ways', () => {
    writeFileSync(
      join(project, 'dual.mjs'),
      `import { createRequire } from 'node:module';\nimport * as esm from 'cloud-events-handler';\nconst cjs = createRequire(import.meta.url)('cloud-events-handler');\n` +
        `const ask = (from) => (req, res) => res.end(String(from.getInvocation()?.context.awsRequestId));\n` +
        `const a = await esm.createLambdaHandler(ask(cjs))({}, { awsRequestId: 'esm-started' });\n` +
        `const b = await cjs.createLambdaHandler(ask(esm))({}, { awsRequestId: 'cjs-started' });\n` +
        `console.log(JSON.stringify([a.body, b.body, esm.EventDeliveryError === cjs.EventDeliveryError]));\n`,
    );
    expect(JSON.parse(node('dual.mjs'))).toEqual(['esm-started', 'cjs-started', true]);
  });

  // Minified builds rename classes: util.inspect then printed `F [EventDeliveryError]: ...`.
  it('error classes keep their names (instance, constructor, util.inspect, stack)', () => {
    const probe = `
const inspectName = (e) => inspect(e).split(':')[0];
const errors = [
  new EventDeliveryError('rejected', { code: 'EVENT_REJECTED', statusCode: 500, body: 'no', path: '/aws.sqs' }),
  new ConfigurationError('CLOUD_EVENTS_APP is not set', 'APP_NOT_CONFIGURED'),
  new CloudEventValidationError([{ attribute: 'id', code: 'CE_MISSING_ATTRIBUTE', message: 'required' }]),
];
console.log(JSON.stringify(errors.map((e) => [e.name, e.constructor.name, inspectName(e), e.stack.split(':')[0]])));
`;
    writeFileSync(join(project, 'names.mjs'), `import { inspect } from 'node:util';\nimport { EventDeliveryError, ConfigurationError, CloudEventValidationError } from 'cloud-events-handler';\n${probe}`);
    writeFileSync(join(project, 'names.cjs'), `const { inspect } = require('node:util');\nconst { EventDeliveryError, ConfigurationError, CloudEventValidationError } = require('cloud-events-handler');\n${probe}`);
    const expected = ['EventDeliveryError', 'ConfigurationError', 'CloudEventValidationError'].map((name) => [name, name, name, name]);
    expect(JSON.parse(node('names.mjs'))).toEqual(expected);
    expect(JSON.parse(node('names.cjs'))).toEqual(expected);
  });

  it('loads in node:test, through import and require', () => {
    const body = `test('loads', async () => {\n  const r = await createLambdaHandler((req, res) => res.end('ok'))({}, { awsRequestId: 't' });\n  assert.equal(r.body, 'ok');\n});\n`;
    writeFileSync(join(project, 'nt.test.mjs'), `import test from 'node:test';\nimport assert from 'node:assert';\nimport { createLambdaHandler } from 'cloud-events-handler';\n${body}`);
    writeFileSync(join(project, 'nt.test.cjs'), `const test = require('node:test');\nconst assert = require('node:assert');\nconst { createLambdaHandler } = require('cloud-events-handler');\n${body}`);
    for (const file of ['nt.test.mjs', 'nt.test.cjs']) {
      expect(execFileSync(process.execPath, ['--test', '--test-reporter=tap', file], { cwd: project, encoding: 'utf8' })).toMatch(/# pass 1\n/);
    }
  });

  it('loads in Vitest, through import and require', () => {
    const dir = join(project, 'vitest-user');
    mkdirSync(dir, { recursive: true });
    const body = `test('loads', async () => {\n  const r = await createLambdaHandler((req, res) => res.end('ok'))({}, { awsRequestId: 't' });\n  expect(r.body).toBe('ok');\n});\n`;
    writeFileSync(join(dir, 'esm.test.mjs'), `import { createLambdaHandler } from 'cloud-events-handler';\n${body}`);
    writeFileSync(join(dir, 'cjs.test.cjs'), `const { createLambdaHandler } = require('cloud-events-handler');\n${body}`);
    writeFileSync(join(dir, 'vitest.config.mjs'), `export default { test: { globals: true, include: ['*.test.{mjs,cjs}'] } };\n`);
    const out = execFileSync(process.execPath, [join(repo, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toMatch(/Tests\s+2 passed/);
  });
});

// A TypeScript user's module compiled with this repository's tsc against the packed package, strict, with
// skipLibCheck false (TypeScript's default: every shipped declaration is checked), in its own folder of
// the project `installed` into.
const tsc = join(repo, 'node_modules/typescript/bin/tsc');
const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
const version = (name: string) => lock.packages[`node_modules/${name}`]?.version ?? 'latest';

/** An empty project with the packed tarball and these type packages (at the lock file's versions) installed. */
function typesProject(typePackages: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ceh-types-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'ts-user', version: '1.0.0', private: true }));
  npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', tarball, ...typePackages.map((name) => `${name}@${version(name)}`)], dir);
  return dir;
}

/** tsc's output (empty when it compiles) for test/types/project/`source` in `project`/`folder`. */
function compile(project: string, source: string, folder: string, type: 'module' | 'commonjs', module: 'nodenext' | 'commonjs'): string {
  const dir = join(project, folder);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(repo, 'test/types/project', source), join(dir, source));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type }));
  const compilerOptions = { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2022'], types: ['node'], module, skipLibCheck: false };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: [source] }));
  try {
    return execFileSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`tsc (${folder}) failed:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
  }
}

// test/types/project/user.ts, with @types/aws-lambda installed beside the package: as an ES module and as
// CommonJS under `module: nodenext`, and with `module: commonjs` (node10 resolution: `types` and the root
// handler.d.ts).
describe('the packed package in TypeScript, with @types/aws-lambda', () => {
  let tsProject: string;
  beforeAll(() => {
    tsProject = typesProject(['@types/aws-lambda', '@types/node']);
  }, 180_000);

  it('compiles as an ES module (module: nodenext)', () => {
    expect(compile(tsProject, 'user.ts', 'esm-nodenext', 'module', 'nodenext')).toBe('');
  });

  it('compiles as CommonJS (module: nodenext)', () => {
    expect(compile(tsProject, 'user.ts', 'cjs-nodenext', 'commonjs', 'nodenext')).toBe('');
  });

  it('compiles as CommonJS (module: commonjs)', () => {
    expect(compile(tsProject, 'user.ts', 'cjs-commonjs', 'commonjs', 'commonjs')).toBe('');
  });
});

// test/types/project/no-aws-types.ts, a Google Cloud Functions, Azure and gateway user's module, with
// @types/node only: @types/aws-lambda is an optional peer dependency, so no shipped declaration may
// import 'aws-lambda' (tsc: "Cannot find module 'aws-lambda'").
describe('the packed package in TypeScript, without @types/aws-lambda', () => {
  let tsProject: string;
  beforeAll(() => {
    tsProject = typesProject(['@types/node']);
  }, 180_000);

  it('installs no @types/aws-lambda', () => {
    expect(readdirSync(join(tsProject, 'node_modules/@types'))).toEqual(['node']);
  });

  it('compiles as an ES module (module: nodenext)', () => {
    expect(compile(tsProject, 'no-aws-types.ts', 'esm-nodenext', 'module', 'nodenext')).toBe('');
  });

  it('compiles as CommonJS (module: nodenext)', () => {
    expect(compile(tsProject, 'no-aws-types.ts', 'cjs-nodenext', 'commonjs', 'nodenext')).toBe('');
  });
});
