import { createRequire } from 'node:module';

/**
 * A Node built-in module, loaded when first needed rather than at import: `node:zlib` (CloudWatch Logs
 * only) and `node:crypto` (ids for events without one) cost 1–3 ms of cold start that most functions
 * never use. `process.getBuiltinModule` (Node 20.16+, 22.3+) loads it synchronously from ESM and CJS
 * alike; older Node 20 releases fall back to `require`.
 *
 * @example
 * const { gunzipSync } = builtin<typeof import('node:zlib')>('node:zlib');
 */
export function builtin<T>(name: `node:${string}`): T {
  const getBuiltinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (typeof getBuiltinModule === 'function') return getBuiltinModule(name) as T;
  // Built-ins resolve the same from any base; the working directory is one that always exists.
  return createRequire(process.cwd() + '/')(name) as T;
}
