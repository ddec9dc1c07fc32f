import { defineConfig } from 'tsup';

// One ES module per public entry point, minified, with the handler sharing the library's chunk, and one
// set of types. CommonJS users `require()` the same ES module (Node 20.19+, 22.12+, 24: require(esm)), so
// there is one copy of the code on disk and one instance in memory. See docs/decisions.md §3.
export default defineConfig({
  entry: { index: 'src/index.ts', handler: 'src/handler.ts', testing: 'src/testing/index.ts', cli: 'src/cli/index.ts' },
  format: ['esm'],
  dts: true,
  target: 'node20',
  platform: 'node',
  clean: true,
  splitting: true,
  sourcemap: false,
  treeshake: true,
  minify: true,
  keepNames: false,
});
