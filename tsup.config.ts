import { defineConfig } from 'tsup';

// One CommonJS build of the code, minified, the handler sharing the library's chunk, with its types; then
// scripts/post-build.mjs writes the ES module entry points, which load that same CommonJS code. One
// copy on disk and one instance in memory whichever way the package is loaded, and `require()` works
// where require(esm) does not (Jest's module runtime). See docs/decisions.md §3.
export default defineConfig({
  entry: { index: 'src/index.ts', handler: 'src/handlers/lambda/env-handler.ts', testing: 'src/testing/index.ts', cli: 'src/cli/index.ts' },
  format: ['cjs'],
  // Types for the three package entries only: the bin (cli) has no importers, and its declaration
  // would ship for nothing.
  dts: { entry: { index: 'src/index.ts', handler: 'src/handlers/lambda/env-handler.ts', testing: 'src/testing/index.ts' } },
  target: 'node20',
  platform: 'node',
  clean: true,
  splitting: true,
  sourcemap: false,
  treeshake: true,
  minify: true,
  // Identifiers minified; the error classes set their own `name` (src/errors.ts): keepNames costs ~10 KB.
  keepNames: false,
  // `npm run build --silent` (the demo, the benchmarks) silences tsup too.
  silent: process.env.npm_config_loglevel === 'silent',
});
