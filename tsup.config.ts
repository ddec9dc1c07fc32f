import { defineConfig } from 'tsup';

// One bundle per public entry point, ESM and CommonJS, with types. Bundling keeps the
// cold-start import to one file read per entry (see docs/decisions.md).
export default defineConfig({
  entry: { index: 'src/index.ts', handler: 'src/handler.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  target: 'node20',
  platform: 'node',
  clean: true,
  splitting: false,
  sourcemap: false,
  treeshake: true,
  minify: false,
});
