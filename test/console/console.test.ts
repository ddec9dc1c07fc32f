/**
 * The development console as a developer uses it: `cloud-events-handler dev` (the built bin, dist/cli.cjs)
 * on an Express 5 app in a fresh folder, its page in a real headless Chromium (Debian's chromium, driven
 * by playwright-core). Skipped with a message when /usr/bin/chromium is missing, except under CI=true.
 */
import { spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEvent } from '../../src/samples/index.js';
import { hasChromium, launchChromium, openConsole, pick as pickOn, repo, sendAndWait as sendAndWaitOn, startDev } from './harness.js';

// Functions run in the page (page.evaluate) see the DOM; this project's types have no DOM lib.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const express = pathToFileURL(join(repo, 'node_modules/express/index.js')).href;
/**
 * The app under the console: /aws.s3 answers the status that ./status.mjs exports (a module the app
 * imports: a reload must re-read it too); an SQS message whose body says fail gets 500.
 */
const appSource = (broken = false) =>
  `import express from '${express}';\nimport { s3Status } from './status.mjs';\n${broken ? 'this is not JavaScript;\n' : ''}const app = express();\napp.use(express.json({ type: '*/*' }));\n` +
  `app.post('/aws.s3', (req, res) => res.status(s3Status).json({ key: req.body.Records[0].s3.object.key }));\n` +
  `app.post('/aws.sqs', (req, res) => res.status(req.body.fail ? 500 : 200).json({ ok: !req.body.fail }));\nexport default app;\n`;

let dir: string;
let dev: ChildProcess;
let url: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  dir = mkdtempSync(join(tmpdir(), 'ceh-console-'));
  writeFileSync(join(dir, 'app.mjs'), appSource());
  writeFileSync(join(dir, 'status.mjs'), 'export const s3Status = 200;\n');
  // For "copy as test": the made test imports cloud-events-handler/testing and vitest, as in a user's project.
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(repo, join(dir, 'node_modules/cloud-events-handler'), 'dir');
  symlinkSync(join(repo, 'node_modules/vitest'), join(dir, 'node_modules/vitest'), 'dir');
  ({ url, process: dev } = await startDev(dir));
  browser = await launchChromium();
  page = await openConsole(browser, url, { viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  dev?.kill('SIGTERM');
});

const pick = (name: string): Promise<void> => pickOn(page, name);
const sendAndWait = (): Promise<void> => sendAndWaitOn(page);

describe.skipIf(!hasChromium)('the development console in Chromium', () => {
  it('picks the S3 sample, sends it, and shows the delivery POST /aws.s3 200 and the verdict', async () => {
    await pick('aws.s3.put');
    await expect.poll(() => page.textContent('#route-path')).toBe('/aws.s3');
    await sendAndWait();
    const row = page.locator('#timeline li summary').first();
    expect(await row.textContent()).toMatch(/POST\s*\/aws\.s3\s*200\s*[\d.]+ ms/);
    expect(await page.textContent('#verdict')).toContain('Accepted');
    await row.click();
    expect(await page.locator('#timeline .detail pre').first().textContent()).toContain('"eventSource": "aws:s3"');
  });

  it('copy as test makes a Vitest test that passes when run', async () => {
    await page.click('#copy-test');
    const test = (await page.textContent('#snippet')) ?? '';
    expect(test).toContain("from 'cloud-events-handler/testing'");
    writeFileSync(join(dir, 'made-by-console.test.mjs'), test);
    const run = spawnSync(process.execPath, [join(repo, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, 'made-by-console.test.mjs'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(run.stdout + run.stderr).toMatch(/1 passed/);
    expect(run.status).toBe(0);
    await page.click('#copy-cli');
    expect(await page.textContent('#snippet')).toContain('npx cloud-events-handler invoke --app ./app.mjs -');
  });

  it('in record mode, an SQS batch with one failing record shows that record going back to the queue', async () => {
    const event = sampleEvent('aws.sqs', { records: [{ body: { id: 1 } }, { body: { id: 2, fail: true } }, { body: { id: 3 } }] }) as { Records: Array<{ messageId: string }> };
    const failing = event.Records[1]?.messageId as string;
    await page.check('input[name=mode][value=record]');
    await page.fill('#editor', JSON.stringify(event, null, 2));
    await expect.poll(() => page.textContent('#ce-count')).toBe('3');
    await sendAndWait();
    const verdict = await page.textContent('#verdict');
    expect(verdict).toContain('Failed');
    expect(verdict).toContain(`Back to the queue (delivered again): ${failing}`);
    const rows = await page.locator('#timeline li summary').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/\/aws\.sqs\s*500.*back to the queue/);
    expect(rows[0]).not.toContain('back to the queue');
    await page.check('input[name=mode][value=event]');
  });

  it('says why the JSON is invalid as you type, and does not send it', async () => {
    await page.fill('#editor', '{"Records": [');
    await expect.poll(() => page.textContent('#validity')).toMatch(/^Not JSON: /);
    expect(await page.getAttribute('#editor', 'aria-invalid')).toBe('true');
    expect(await page.isDisabled('#send')).toBe(true);
    await page.fill('#editor', `2024-05-01T12:00:00.000Z\tc0ffee\tINFO\t${JSON.stringify(sampleEvent('aws.s3.put'))}`);
    await expect.poll(() => page.textContent('#validity')).toBe('The JSON was taken from a log line.');
    expect(await page.isDisabled('#send')).toBe(false);
  });

  it('works from the keyboard alone: search, pick a sample, send with Ctrl+Enter', async () => {
    await page.focus('#search');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('aws.sns');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement.dataset.name)).toBe('aws.sns');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#route-path')).toBe('/aws.sns');
    await page.focus('#editor');
    const before = await page.locator('#history li:not(.note)').count();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('#history li:not(.note)').count()).toBe(before + 1);
    expect(await page.locator('#timeline li summary').first().textContent()).toMatch(/\/aws\.sns\s*404/);
  });

  it('reloads the app when a file of it changes, shows a broken module, and recovers on the next good save', async () => {
    // Wait for this write's reload, not an earlier one (copy as test wrote a file into the app's folder).
    const token = new URL(url).searchParams.get('token') ?? '';
    const generation = async (): Promise<number> => {
      const res = await fetch(new URL('/api/status', url), { headers: { 'x-console-token': token } });
      return ((await res.json()) as { app: { generation?: number } }).app.generation ?? 0;
    };
    const before = await generation();
    writeFileSync(join(dir, 'status.mjs'), 'export const s3Status = 202;\n');
    await expect.poll(generation, { timeout: 10_000 }).toBeGreaterThan(before);
    await expect.poll(() => page.textContent('#app-status'), { timeout: 10_000 }).toContain('App reloaded');
    await pick('aws.s3.put');
    await sendAndWait();
    expect(await page.locator('#timeline li summary').first().textContent()).toMatch(/\/aws\.s3\s*202/);

    writeFileSync(join(dir, 'app.mjs'), appSource(true));
    await page.waitForSelector('#app-error:not([hidden])', { timeout: 10_000 });
    expect(await page.textContent('#app-error')).toMatch(/The app failed to load: .*SyntaxError/);
    const status = await fetch(new URL('/api/status', url), { headers: { 'x-console-token': new URL(url).searchParams.get('token') ?? '' } });
    expect(((await status.json()) as { app: { state: string } }).app.state).toBe('failed'); // the server runs on

    writeFileSync(join(dir, 'status.mjs'), 'export const s3Status = 201;\n');
    writeFileSync(join(dir, 'app.mjs'), appSource());
    await page.waitForSelector('#app-error[hidden]', { state: 'attached', timeout: 10_000 });
    await sendAndWait();
    expect(await page.locator('#timeline li summary').first().textContent()).toMatch(/\/aws\.s3\s*201/);
  });

  it('refuses a request from another site (foreign Origin), a foreign Host, and one without the token', async () => {
    const token = new URL(url).searchParams.get('token') ?? '';
    const foreign = await fetch(new URL('/api/send', url), { method: 'POST', headers: { origin: 'https://evil.example', 'x-console-token': token, 'content-type': 'application/json' }, body: JSON.stringify({ event: sampleEvent('aws.s3.put') }) });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('BAD_ORIGIN');
    const noToken = await fetch(new URL('/api/samples', url));
    expect(noToken.status).toBe(403);
    // A page of another origin in the same browser: its fetch carries its own Origin and is refused.
    const other = await browser.newPage();
    await other.goto('data:text/html,<p>elsewhere</p>');
    const seen = await other.evaluate(async ([target, t]) => {
      try {
        const res = await fetch(`${target}/api/samples`, { headers: { 'x-console-token': t as string } });
        return res.status;
      } catch {
        return 'blocked';
      }
    }, [new URL(url).origin, token]);
    expect(seen === 403 || seen === 'blocked').toBe(true);
    await other.close();
  });
});
