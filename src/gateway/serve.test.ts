// `serve` in a child process: SIGTERM with deliveries in flight loses none (every client gets its 2xx,
// the app finishes each, then the process exits 0), and new connections are refused.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { serve } from './index.js';
import { express5App } from '../../test/apps/echo.js';
import { push } from './gateway.testing.js';

const dir = mkdtempSync(join(tmpdir(), 'ceh-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The child script bundled (express included) into one CommonJS file, so it runs on plain Node. */
function bundleChild(): string {
  const outfile = join(dir, 'child.cjs');
  buildSync({ entryPoints: [fileURLToPath(new URL('./serve-child.testing.ts', import.meta.url))], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

const envelope = (id: string) => ({ message: { data: 'e30=', messageId: id, publishTime: '2024-01-01T00:00:00Z' }, subscription: 'projects/p/subscriptions/s' });

describe('serve', () => {
  it('SIGTERM with deliveries in flight: each finishes and is answered 2xx, then the process exits 0', async () => {
    const child = spawn(process.execPath, [bundleChild()], { env: { ...process.env, DELAY_MS: '700', PORT: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening (\S+)/.exec(stdout);
        if (match) resolve(match[1] as string);
      });
      child.once('exit', (code) => reject(new Error(`child exited ${code}: ${stdout}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const answers = ids.map((id) => push(url, envelope(id)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const late = await push(url, envelope('late')).then((r) => r.status, () => 'refused');
    expect((await Promise.all(answers)).map((r) => r.status)).toEqual([204, 204, 204, 204, 204]);
    expect(await exited).toBe(0);
    expect(late === 'refused' || late === 503).toBe(true);
    for (const id of ids) expect(stdout).toContain(`finished ${id}`);
    expect(stdout).toContain('exit 0 finished=5');
  }, 15_000);

  it('port 0, a url, close(); PORT is read when no port is given', async () => {
    const served = await serve(express5App().app, { port: 0, host: '127.0.0.1', handleSignals: false });
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(served.server.requestTimeout).toBe(30_000);
    expect((await push(served.url, envelope('x'))).status).toBe(204);
    await served.close();
    const previous = process.env.PORT;
    process.env.PORT = '0';
    try {
      const fromEnv = await serve(express5App().app, { host: '127.0.0.1', handleSignals: false });
      expect(fromEnv.url).toMatch(/:\d+$/);
      await fromEnv.close();
    } finally {
      if (previous === undefined) delete process.env.PORT;
      else process.env.PORT = previous;
    }
  });
});
