import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { unwatch, watch } from './deadline.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('one timer for all pending dispatches', () => {
  it('expires each watched dispatch at its own deadline, in deadline order, and not those unwatched', async () => {
    const expired: string[] = [];
    const now = Date.now();
    watch(now + 60, () => expired.push('late'));
    const cancelled = watch(now + 10, () => expired.push('cancelled'));
    watch(now + 20, () => expired.push('early'));
    watch(now + 40, () => expired.push('middle'));
    unwatch(cancelled);
    await sleep(30);
    expect(expired).toEqual(['early']);
    await sleep(50);
    expect(expired).toEqual(['early', 'middle', 'late']);
  });

  it('an earlier deadline added later re-arms the timer', async () => {
    const expired: string[] = [];
    watch(Date.now() + 200, () => expired.push('far'));
    watch(Date.now() + 10, () => expired.push('near'));
    await sleep(40);
    expect(expired).toEqual(['near']);
    await sleep(200);
    expect(expired).toEqual(['near', 'far']);
  });

  it('expires on time while Date is frozen (a test runner fake clock), in deadline order', async () => {
    const realNow = Date.now;
    const frozen = realNow();
    Date.now = () => frozen;
    try {
      const expired: string[] = [];
      watch(frozen + 40, () => expired.push('second'));
      watch(frozen + 15, () => expired.push('first'));
      await sleep(30);
      expect(expired).toEqual(['first']);
      await sleep(40);
      expect(expired).toEqual(['first', 'second']);
    } finally {
      Date.now = realNow;
    }
  });

  it('does not keep a finished process alive until a far deadline', () => {
    // A child process watches a deadline a minute away and unwatches it after 10 ms: it must exit then.
    const module = fileURLToPath(new URL('./deadline.ts', import.meta.url));
    const script = `import { watch, unwatch } from ${JSON.stringify(module)};\nconst w = watch(Date.now() + 60_000, () => console.log('expired'));\nsetTimeout(() => unwatch(w), 10);\n`;
    const bundled = buildSync({ stdin: { contents: script, loader: 'ts', resolveDir: '.' }, bundle: true, format: 'esm', platform: 'node', write: false });
    const started = Date.now();
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', bundled.outputFiles[0]!.text], { encoding: 'utf8', timeout: 20_000 });
    expect(output).toBe('');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
