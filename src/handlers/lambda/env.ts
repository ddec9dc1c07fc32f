import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isAppLike } from '../../dispatch/app.js';
import { ConfigurationError, describeError } from '../../errors.js';
import type { LambdaOptions, RequestDefaults } from './options.js';

/** What the environment configures: the app module and the handler's options. */
export interface EnvConfiguration {
  app: unknown;
  options: LambdaOptions;
}

/** How a resolved module file is loaded: `import()` of its file URL; the dev console adds a reload query. */
export type ModuleImporter = (file: string) => Promise<Record<string, unknown>>;

const importFile: ModuleImporter = async (file) => (await import(pathToFileURL(file).href)) as Record<string, unknown>;

const EXTENSIONS = ['', '.js', '.mjs', '.cjs', '/index.js', '/index.mjs', '/index.cjs'];

/**
 * Load the app and options named by the environment: `CLOUD_EVENTS_APP` (`module#export`, required),
 * `CLOUD_EVENTS_REQUEST` (`module#export` of request defaults) and `CLOUD_EVENTS_MODE` (`event` or
 * `record`). Relative modules resolve from `LAMBDA_TASK_ROOT`, else the working directory; a name that
 * is not a file there is resolved as a package from that folder.
 *
 * @throws ConfigurationError naming the variable and the module it tried.
 * @example
 * process.env.CLOUD_EVENTS_APP = './dist/app.js#app';
 * const { app, options } = await loadEnvConfiguration(process.env);
 */
export async function loadEnvConfiguration(env: NodeJS.ProcessEnv, importModule: ModuleImporter = importFile): Promise<EnvConfiguration> {
  const root = env.LAMBDA_TASK_ROOT || process.cwd();
  const appSpec = env.CLOUD_EVENTS_APP;
  if (!appSpec) {
    throw new ConfigurationError('CLOUD_EVENTS_APP is not set: set it to the module of your app, e.g. "./app.js" or "./dist/server.js#app"', 'APP_NOT_CONFIGURED');
  }
  const app = await loadExport('CLOUD_EVENTS_APP', appSpec, root, importModule, (module) => {
    const fallback = module.default;
    if (isAppLike(fallback)) return fallback;
    if (module.app !== undefined) return module.app;
    return (fallback as { app?: unknown } | undefined)?.app ?? fallback;
  });
  const options: LambdaOptions = {};
  const mode = env.CLOUD_EVENTS_MODE;
  if (mode) {
    if (mode !== 'event' && mode !== 'record') {
      throw new ConfigurationError(`CLOUD_EVENTS_MODE is "${mode}": expected "event" or "record"`, 'INVALID_OPTION');
    }
    options.mode = mode;
  }
  if (env.CLOUD_EVENTS_REQUEST) {
    const request = await loadExport('CLOUD_EVENTS_REQUEST', env.CLOUD_EVENTS_REQUEST, root, importModule, (module) => module.default);
    if (typeof request !== 'object' || request === null) {
      throw new ConfigurationError(`CLOUD_EVENTS_REQUEST="${env.CLOUD_EVENTS_REQUEST}" does not export an object of request defaults`, 'INVALID_OPTION');
    }
    options.request = request as RequestDefaults;
  }
  return { app, options };
}

async function loadExport(
  variable: string,
  spec: string,
  root: string,
  importModule: ModuleImporter,
  pickDefault: (module: Record<string, unknown>) => unknown,
): Promise<unknown> {
  const hash = spec.lastIndexOf('#');
  const specifier = hash > 0 ? spec.slice(0, hash) : spec;
  const exportName = hash > 0 ? spec.slice(hash + 1) : undefined;
  let target: string;
  try {
    target = resolveModule(specifier, root);
  } catch (error) {
    throw new ConfigurationError(`${variable}="${spec}": cannot find module "${specifier}" from ${root}: ${describeError(error)}`, 'APP_NOT_FOUND', error);
  }
  let module: Record<string, unknown>;
  try {
    module = await importModule(target);
  } catch (error) {
    throw new ConfigurationError(`${variable}="${spec}": loading ${target} failed: ${describeError(error)}`, 'APP_LOAD_FAILED', error);
  }
  const value = exportName !== undefined ? module[exportName] : pickDefault(module);
  if (value === undefined) {
    const names = Object.keys(module).join(', ') || 'none';
    throw new ConfigurationError(
      `${variable}="${spec}": ${target} has no ${exportName !== undefined ? `export "${exportName}"` : 'default export nor export "app"'} (its exports: ${names})`,
      'APP_NOT_FOUND',
    );
  }
  return value;
}

function resolveModule(specifier: string, root: string): string {
  const base = resolve(root, specifier);
  for (const extension of EXTENSIONS) {
    if (isFile(base + extension)) return base + extension;
  }
  if (isAbsolute(specifier) || specifier.startsWith('.')) throw new Error(`no file ${base}`);
  // A bare name that is no file of the task root (Lambda's own habit) is a package.
  return createRequire(resolve(root, 'noop.js')).resolve(specifier);
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}
