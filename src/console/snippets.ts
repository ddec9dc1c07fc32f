import { relative, sep } from 'node:path';
import type { SendOutcome, SendRequest } from './send.js';

/** Where the app comes from, for the snippets: `--app` as given, resolved against the console's folder. */
export interface AppSource {
  /** `--app` as the user gave it (`./app.js#app`). */
  spec: string;
  /** The module file it resolved to. */
  file: string;
  /** The folder `dev` runs in: the snippets are meant to be run from there. */
  cwd: string;
}

function modulePath(source: AppSource): string {
  const path = relative(source.cwd, source.file).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

function exportName(spec: string): string | undefined {
  const hash = spec.lastIndexOf('#');
  return hash > 0 ? spec.slice(hash + 1) : undefined;
}

function invokeOptions(send: SendRequest): Record<string, unknown> {
  return { ...(send.mode === 'record' ? { mode: 'record' } : {}), ...send.options };
}

/**
 * A Vitest test (Jest: drop the import line) that reproduces a send with `invoke()`: the same event and
 * options, and the outcome the console saw as expectations (each delivery's method, path and status;
 * the error's status or the batch's failed items). Meant to be saved in the folder `dev` ran in.
 *
 * @example
 * const code = testSnippet(send, outcome, { spec: './app.js', file: '/p/app.js', cwd: '/p' });
 */
export function testSnippet(send: SendRequest, outcome: SendOutcome, source: AppSource): string {
  const name = exportName(source.spec);
  const path = JSON.stringify(modulePath(source));
  const load =
    name === undefined
      ? `import * as appModule from ${path};\n\n// As the CLI picks it: the default export, else the export named app.\nconst app = appModule.default?.app ?? appModule.app ?? appModule.default;`
      : `import { ${/^[A-Za-z_$][\w$]*$/.test(name) ? name : `${JSON.stringify(name)}`} as app } from ${path};`;
  const options = invokeOptions(send);
  const steps = outcome.deliveries.map((d) => [d.request.method, d.request.path, d.response?.statusCode ?? null]);
  const first = outcome.deliveries[0]?.request;
  const title = first === undefined ? 'the event reaches no route' : `${first.method} ${first.path}${steps.length > 1 ? ` (${steps.length} requests)` : ''}`;
  const expectations = [
    `  expect(deliveries.map((d) => [d.request.method, d.request.path, d.response?.statusCode ?? null])).toEqual(${JSON.stringify(steps)});`,
  ];
  const status = (outcome.error as { statusCode?: unknown } | undefined)?.statusCode;
  if (outcome.error === undefined) expectations.push('  expect(error).toBeUndefined();');
  else expectations.push(typeof status === 'number' ? `  expect(error).toMatchObject({ statusCode: ${status} });` : '  expect(error).toBeInstanceOf(Error);');
  const failures = (outcome.result as { batchItemFailures?: unknown } | undefined)?.batchItemFailures;
  if (Array.isArray(failures)) expectations.push(`  expect(result).toEqual(${JSON.stringify({ batchItemFailures: failures })});`);
  return [
    `// Made by the cloud-events-handler console: save it in ${source.cwd} and run it with Vitest (for Jest, drop the vitest import).`,
    `import { expect, it } from 'vitest';`,
    `import { invoke } from 'cloud-events-handler/testing';`,
    load,
    '',
    `const event = ${JSON.stringify(send.event, null, 2)};`,
    '',
    `it(${JSON.stringify(title)}, async () => {`,
    `  const { result, error, deliveries } = await invoke(app, event${Object.keys(options).length > 0 ? `, ${JSON.stringify(options)}` : ''});`,
    ...expectations,
    '});',
    '',
  ].join('\n');
}

/**
 * The `cloud-events-handler invoke` command line that makes the same send, the event on standard input.
 *
 * @example
 * cliSnippet({ event: {}, mode: 'record' }, source); // "cloud-events-handler invoke --app ./app.js --mode record - <<'EVENT' ..."
 */
export function cliSnippet(send: SendRequest, source: AppSource): string {
  const quoted = /^[\w./#@:-]+$/.test(source.spec) ? source.spec : `'${source.spec.replace(/'/g, `'\\''`)}'`;
  const lines = [`npx cloud-events-handler invoke --app ${quoted}${send.mode === 'record' ? ' --mode record' : ''} - <<'EVENT'`, JSON.stringify(send.event, null, 2), 'EVENT'];
  if (send.options !== undefined && Object.keys(send.options).length > 0) lines.unshift(`# routes and request defaults have no flag: ${JSON.stringify(send.options)} is left out`);
  return lines.join('\n') + '\n';
}
