import { spawnSync } from 'node:child_process';

/** Whether a module specifier names a TypeScript file. */
export const isTypeScript = (specifier: string): boolean => /\.[cm]?ts$/.test(specifier.replace(/#[^#/]*$/, ''));

const STRIP_FLAG = '--experimental-strip-types';

/**
 * How this Node runs TypeScript: `native` (type stripping on: Node 23.6+, 22.18+, or the flag given),
 * `flag` (Node 22.6+ has it behind `--experimental-strip-types`), or `none` (Node 20 and early 22).
 *
 * @example
 * typeScriptSupport(); // 'native' on Node 24
 */
export function typeScriptSupport(version = process.versions.node, features: object = process.features, execArgv = process.execArgv): 'native' | 'flag' | 'none' {
  const stripping = (features as { typescript?: unknown }).typescript;
  if (typeof stripping === 'string' || execArgv.includes(STRIP_FLAG)) return 'native';
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (stripping === false) return 'flag'; // 22.10+ with stripping off: the flag turns it on
  return major > 22 || (major === 22 && minor >= 6) ? 'flag' : 'none';
}

/**
 * Run this same CLI again under `node --experimental-strip-types` (standard streams shared), and give
 * its exit code.
 *
 * @example
 * if (typeScriptSupport() === 'flag') return rerunWithTypeStripping();
 */
export function rerunWithTypeStripping(): number {
  const child = spawnSync(process.execPath, [STRIP_FLAG, '--disable-warning=ExperimentalWarning', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  return child.status ?? 1;
}

/** What to tell a user whose Node cannot load a TypeScript app. */
export function typeScriptUnsupportedMessage(file: string): string {
  return `--app ${file}: a TypeScript app needs Node.js 22.6 or later (its own type stripping); this is Node.js ${process.versions.node}. Compile it to JavaScript and pass the .js file, or run the CLI under a TypeScript loader: npx tsx node_modules/cloud-events-handler/dist/cli.js invoke ...`;
}
