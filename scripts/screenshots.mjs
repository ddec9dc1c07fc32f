// docs/console/*.png: the development console's main states, taken in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core) from the built bin on a small Express app in a temp
// folder. Run with `npm run screenshots` (it builds first).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const repo = fileURLToPath(new URL('..', import.meta.url));
const out = join(repo, 'docs/console');
mkdirSync(out, { recursive: true });
const { sampleEvent } = await import(pathToFileURL(join(repo, 'dist/testing.js')).href);

const dir = mkdtempSync(join(tmpdir(), 'ceh-shots-'));
const express = pathToFileURL(join(repo, 'node_modules/express/index.js')).href;
const app = `import express from '${express}';
const app = express();
app.use(express.json({ type: '*/*' }));
app.post('/aws.s3', (req, res) => res.status(201).json({ saved: req.body.Records[0].s3.object.key }));
app.post('/jobs', (req, res) => (req.body.isbn ? res.json({ queued: req.body.isbn }) : res.status(422).json({ error: 'isbn is required' })));
export default app;
`;
writeFileSync(join(dir, 'app.mjs'), app);

const dev = spawn(process.execPath, [join(repo, 'dist/cli.cjs'), 'dev', '--app', './app.mjs', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
const url = await new Promise((resolve, reject) => {
  let text = '';
  dev.stdout.on('data', (chunk) => {
    text += chunk;
    const found = /^http:\/\/\S+/m.exec(text);
    if (found) resolve(found[0]);
  });
  dev.once('exit', (code) => reject(new Error(`dev exited ${code}`)));
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
async function open(options) {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]');
  return page;
}
async function send(page) {
  const before = await page.locator('#history li:not(.note)').count();
  await page.click('#send');
  await page.waitForFunction((n) => document.querySelectorAll('#history li:not(.note)').length > n, before);
}
const shot = (page, name, full = false) => page.screenshot({ path: join(out, name), fullPage: full });

try {
  // 1. The S3 sample sent as a Lambda invocation; its delivery opened.
  const light = await open({ viewport: { width: 1360, height: 900 }, colorScheme: 'light' });
  await light.fill('#search', 's3');
  await light.click('#samples button[data-name="aws.s3.put"]');
  await send(light);
  await light.click('#timeline summary');
  await shot(light, 'send-s3.png', true);

  // 2. Record mode, dark: an SQS batch whose second record fails goes back to the queue.
  const dark = await open({ viewport: { width: 1360, height: 900 }, colorScheme: 'dark' });
  const batch = sampleEvent('aws.sqs', { queue: 'book-jobs', records: [{ body: { isbn: '9780441013593' } }, { body: { title: 'no isbn' } }, { body: { isbn: '9780553283686' } }] });
  await dark.check('input[name=mode][value=record]');
  await dark.fill('#options', JSON.stringify({ routes: { 'com.amazonaws.sqs.*': '/jobs' } }));
  await dark.fill('#editor', JSON.stringify(batch, null, 2));
  await dark.waitForFunction(() => document.querySelector('#ce-count').textContent === '3');
  await send(dark);
  await dark.locator('#result-h').scrollIntoViewIfNeeded();
  await shot(dark, 'record-batch-dark.png');

  // 3. Invalid JSON while typing, in a narrow window.
  const narrow = await open({ viewport: { width: 420, height: 860 }, colorScheme: 'light' });
  await narrow.fill('#editor', '{ "Records": [ { "eventSource": "aws:sqs", ');
  await narrow.locator('#event-h').scrollIntoViewIfNeeded();
  await shot(narrow, 'invalid-json-narrow.png');

  // 4. A phone-sized window (360x740 CSS px, the size test/console/a11y.test.ts checks) in dark mode: the
  // S3 sample sent, scrolled to its result.
  const phone = await open({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
  await phone.fill('#search', 's3');
  await phone.click('#samples button[data-name="aws.s3.put"]');
  await send(phone);
  await phone.locator('#result-h').evaluate((h) => h.scrollIntoView());
  await shot(phone, 'send-narrow-dark.png');

  // 5. The app's module broken by a save: its error on the page, the server still running.
  writeFileSync(join(dir, 'app.mjs'), app.replace('const app = express();', 'const app = express(;'));
  await light.waitForSelector('#app-error:not([hidden])', { timeout: 10_000 });
  await light.evaluate(() => window.scrollTo(0, 0));
  await shot(light, 'app-failed.png');
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  dev.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
