import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The RIC version the test runs (the one `install.sh` builds). */
export const RIC_VERSION = '4.0.2';

const HERE = fileURLToPath(new URL('./', import.meta.url));
const PROJECT = join(HERE, '..', '..');

/**
 * Where aws-lambda-ric is installed for the Node running this test: `CEH_RIC_DIR` (what `install.sh`
 * prints), else the folder `install.sh` uses for this Node version; `undefined` when it is not there.
 *
 * @example
 * const ric = findRic(); // '/root/.cache/cloud-events-handler/ric/node-v22.23.5-ric-4.0.2/node_modules/aws-lambda-ric'
 */
export function findRic(): string | undefined {
  const cache = process.env.CEH_RIC_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'cloud-events-handler', 'ric');
  const dir = process.env.CEH_RIC_DIR || join(cache, `node-${process.version}-ric-${RIC_VERSION}`);
  const ric = join(dir, 'node_modules', 'aws-lambda-ric');
  return existsSync(join(ric, 'rapid-client.node')) ? ric : undefined;
}

/**
 * A Lambda task root under `test/ric/` (so that the app's `express` resolves from the project): the
 * package as `npm pack` builds it in `node_modules/cloud-events-handler`, and `app.mjs`. Needs `dist/`.
 *
 * @example
 * const root = makeTaskRoot(); // ... LAMBDA_TASK_ROOT=root ...; rmSync(root, { recursive: true })
 */
export function makeTaskRoot(): string {
  if (!existsSync(join(PROJECT, 'dist', 'handler.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const root = mkdtempSync(join(HERE, '.task-'));
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', root], { cwd: PROJECT, encoding: 'utf8' }).trim().split('\n').pop()!;
  const target = join(root, 'node_modules', 'cloud-events-handler');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['xzf', join(root, tarball), '-C', target, '--strip-components=1']);
  rmSync(join(root, tarball));
  copyFileSync(join(HERE, 'app.mjs'), join(root, 'app.mjs'));
  // The task root's own package.json: app.mjs is ESM, and `cloud-events-handler` resolves to the packed
  // copy in node_modules rather than to the project itself (a package's self-reference).
  writeFileSync(join(root, 'package.json'), '{ "private": true, "type": "module" }\n');
  return root;
}

/** A running RIC and what it printed (for the failure message of a test). */
export interface RicProcess {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Start the RIC (`index.mjs`, its `bin`) on this Node with the env-configured handler, as Lambda starts
 * it: the handler in `_HANDLER` (v4 reads no argument), `LAMBDA_TASK_ROOT` as working directory, the
 * function's variables, and `env` on top (`CLOUD_EVENTS_*`, `AWS_LAMBDA_MAX_CONCURRENCY`, ...).
 *
 * @example
 * const ric = startRic(findRic()!, { root, runtimeApi: api.address, env: { CLOUD_EVENTS_APP: './app.mjs' } });
 * await ric.stop();
 */
export function startRic(ric: string, options: { root: string; runtimeApi: string; env: Record<string, string> }): RicProcess {
  const child = spawn(process.execPath, [join(ric, 'index.mjs')], {
    cwd: options.root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      LANG: 'C.UTF-8',
      TZ: 'UTC',
      AWS_LAMBDA_RUNTIME_API: options.runtimeApi,
      _HANDLER: 'node_modules/cloud-events-handler/handler.handler',
      LAMBDA_TASK_ROOT: options.root,
      AWS_LAMBDA_FUNCTION_NAME: 'books',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/books',
      AWS_LAMBDA_LOG_STREAM_NAME: '2026/01/01/[$LATEST]0123456789abcdef',
      AWS_REGION: 'eu-west-1',
      ...options.env,
    },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
