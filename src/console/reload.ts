import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { createRequire, register } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEnvConfiguration } from '../handlers/lambda/env.js';
import type { ModuleImporter } from '../handlers/lambda/env.js';

/** The app as last loaded: the value to drive, the module file it came from, which load it was. */
export interface LoadedApp {
  app: unknown;
  file: string;
  generation: number;
}

/** Loads the user's app module again and again, each time from its current files. */
export interface AppReloader {
  /** Load (or reload) the app. @throws ConfigurationError when the module is missing, broken or exports no app. */
  load(): Promise<LoadedApp>;
}

const QUERY = 'ceh-reload';

// A module resolution hook (off-thread, registered once per process): a file of the app's folder imported by a
// module that carries the reload query gets the same query, so that a reload re-evaluates the app's whole
// graph of ES modules, not only its entry. node_modules keeps its one instance.
function hookSource(root: string): string {
  return `const ROOT=${JSON.stringify(pathToFileURL(root + sep).href)};
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const m = context.parentURL && /[?&]${QUERY}=(\\d+)/.exec(context.parentURL);
  if (!m || !result.url.startsWith(ROOT) || result.url.includes('/node_modules/') || result.url.includes('${QUERY}=')) return result;
  return { ...result, url: result.url + (result.url.includes('?') ? '&' : '?') + '${QUERY}=' + m[1] };
}`;
}

const hooked = new Set<string>();

/**
 * A reloader for `--app MODULE[#export]` resolved from `cwd`, loaded exactly as `invoke` and the
 * env-configured handler load it (same resolution, same export rules, same error messages). Each load
 * after the first imports the module with a fresh `?ceh-reload=N` query (ES modules, and every module of
 * the app's folder it imports) after deleting the app folder's CommonJS modules from the require cache.
 *
 * @example
 * const reloader = createAppReloader('./app.js', process.cwd());
 * const { app } = await reloader.load();
 */
export function createAppReloader(spec: string, cwd: string): AppReloader {
  let generation = 0;
  const cache = createRequire(join(cwd, 'noop.js')).cache;
  return {
    async load() {
      generation += 1;
      let file = '';
      const importer: ModuleImporter = async (target) => {
        file = target;
        const root = dirname(target);
        if (!hooked.has(root)) {
          hooked.add(root);
          register(`data:text/javascript,${encodeURIComponent(hookSource(root))}`);
        }
        for (const key of Object.keys(cache)) if (key.startsWith(root + sep) && !key.includes(`${sep}node_modules${sep}`)) delete cache[key];
        return (await import(`${pathToFileURL(target).href}?${QUERY}=${generation}`)) as Record<string, unknown>;
      };
      const { app } = await loadEnvConfiguration({ CLOUD_EVENTS_APP: spec, LAMBDA_TASK_ROOT: cwd }, importer);
      return { app, file, generation };
    },
  };
}

// Code and JSON only: a log file, a database or the console's own output written into the app's folder
// must not reload it (nor loop).
const SOURCE = /\.(?:[cm]?[jt]sx?|json)$/;
const IGNORED = /(?:^|[\\/])(?:node_modules|\.[^\\/]+)(?:[\\/]|$)/;

/**
 * Call `onChange` once, `delayMs` after a burst of changes to files of `dir` (recursively where the
 * platform can), of code or JSON files only (`.js`, `.mjs`, `.cjs`, `.ts`, `.jsx`, `.tsx`, `.json`...), ignoring `node_modules` and dot-folders (`.git`). Returns a function that stops watching.
 *
 * @example
 * const stop = watchFiles(dirname(file), () => reload());
 */
export function watchFiles(dir: string, onChange: (file: string) => void, delayMs = 120): () => void {
  let timer: NodeJS.Timeout | undefined;
  let last = '';
  const changed = (_: string, name: string | Buffer | null): void => {
    const file = name === null ? '' : String(name);
    if (!SOURCE.test(file) || IGNORED.test(file)) return;
    last = file;
    clearTimeout(timer);
    timer = setTimeout(() => onChange(last), delayMs);
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { recursive: true }, changed);
  } catch {
    watcher = watch(dir, changed); // recursive watching is not available on every platform and Node version
  }
  watcher.unref();
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
