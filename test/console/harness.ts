/**
 * What the console's browser tests share: the built bin's `dev` started in a folder, Debian's Chromium
 * driven by playwright-core, a page opened on the console, and the two steps every test takes (pick a
 * sample, send and wait for the history to grow). Not a test file: Vitest does not collect it.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

// Functions run in the page (page.evaluate) see the DOM; this project's types have no DOM lib.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: .ci/run installs it (apt-get install -y chromium)`);
if (!hasChromium) console.warn(`test/console: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`);

/** A running `cloud-events-handler dev` and the URL (with its token) that it printed. */
export interface DevConsole {
  url: string;
  process: ChildProcess;
}

/**
 * Starts the built bin's `dev --app ./app.mjs --port 0` in `dir` and resolves with the URL it prints.
 *
 * @example
 * const dev = await startDev(dir);
 * await page.goto(dev.url);
 */
export async function startDev(dir: string): Promise<DevConsole> {
  if (!existsSync(join(repo, 'dist/cli.cjs')) || !existsSync(join(repo, 'dist/console.html'))) throw new Error('dist/ is not built: run npm run build first');
  const dev = spawn(process.execPath, [join(repo, 'dist/cli.cjs'), 'dev', '--app', './app.mjs', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  dev.stderr?.on('data', () => {}); // drained: the handler logs failed records there
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    dev.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^http:\/\/\S+/m.exec(out);
      if (line) resolve(line[0]);
    });
    dev.once('exit', (code) => reject(new Error(`dev exited ${code}: ${out}`)));
  });
  return { url, process: dev };
}

/**
 * Debian's Chromium, headless.
 *
 * @example
 * const browser = await launchChromium();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A page on the console in a fresh context (viewport, colour scheme, ...), once the page says it is ready.
 *
 * @example
 * const narrow = await openConsole(browser, dev.url, { viewport: { width: 360, height: 740 } });
 */
export async function openConsole(browser: Browser, url: string, options: BrowserContextOptions): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]');
  return page;
}

/**
 * Searches for the sample's source and clicks the sample; resolves once the editor holds it.
 *
 * @example
 * await pick(page, 'aws.s3.put');
 */
export async function pick(page: Page, name: string): Promise<void> {
  await page.fill('#search', name.split('.').slice(0, 2).join('.'));
  await page.click(`#samples button[data-name="${name}"]`);
  await page.waitForFunction((n) => document.querySelector(`#samples button[data-name="${n}"]`)?.getAttribute('aria-current') === 'true', name);
}

/**
 * Clicks Send and resolves once the history has one more entry (the send is finished and shown).
 *
 * @example
 * await sendAndWait(page);
 */
export async function sendAndWait(page: Page): Promise<void> {
  const before = await page.locator('#history li:not(.note)').count();
  await page.click('#send');
  await page.waitForFunction((n) => document.querySelectorAll('#history li:not(.note)').length > n, before);
}
