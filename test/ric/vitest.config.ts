import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The RIC suite runs on its own (`npx vitest run --config test/ric/vitest.config.ts`, from .ci/run on Node
// 22 and 24): the project's suite does not pick up `*.spec.ts`, so it never waits on a native build.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('./', import.meta.url)),
    include: ['*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
