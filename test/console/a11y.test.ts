/**
 * The development console's accessibility, as its issue asks ("keyboard-only use works, landmarks and
 * labels, readable in a narrow window and in dark mode"), checked in Debian's Chromium on the built bin's
 * `dev`: landmarks, names and live regions read from Chromium's own accessibility tree (CDP), layout at
 * 360×740, text contrast computed from the computed colours in light and dark mode, and the focus
 * indicator seen when tabbing. Keyboard-only use is in console.test.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEvent } from '../../src/samples/index.js';
import { backdrop, contrast, luminance, over, parseColour } from './contrast.js';
import { hasChromium, launchChromium, openConsole, pick, repo, sendAndWait, startDev } from './harness.js';

// Functions run in the page (page.evaluate) see the DOM; this project's types have no DOM lib.
declare const document: any, getComputedStyle: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const express = pathToFileURL(join(repo, 'node_modules/express/index.js')).href;
const app =
  `import express from '${express}';\nconst app = express();\napp.use(express.json({ type: '*/*' }));\n` +
  `app.post('/aws.s3', (req, res) => res.json({ key: req.body.Records[0].s3.object.key }));\n` +
  `app.post('/aws.sqs', (req, res) => res.status(req.body.fail ? 500 : 200).json({ ok: !req.body.fail }));\nexport default app;\n`;

let dir: string;
let dev: ChildProcess;
let url: string;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  dir = mkdtempSync(join(tmpdir(), 'ceh-a11y-'));
  writeFileSync(join(dir, 'app.mjs'), app);
  ({ url, process: dev } = await startDev(dir));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  dev?.kill('SIGTERM');
});

/** One node of Chromium's accessibility tree, as CDP's Accessibility domain gives it. */
interface AxNode {
  role?: { value: string };
  name?: { value: string };
  ignored: boolean;
  ignoredReasons?: Array<{ name: string }>;
  properties?: Array<{ name: string; value: { value: unknown } }>;
}

/** Chromium's accessibility node for each element `selector` matches, with the element's id and tag. */
async function axNodes(page: Page, selector: string): Promise<Array<{ element: string; node: AxNode }>> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const found = [];
  for (const nodeId of nodeIds) {
    const { node: dom } = await cdp.send('DOM.describeNode', { nodeId });
    const attributes = dom.attributes ?? [];
    const id = attributes[attributes.indexOf('id') + 1];
    const name = attributes[attributes.indexOf('data-name') + 1];
    const element = `${dom.localName}${attributes.includes('id') ? `#${id}` : ''}${attributes.includes('data-name') ? `[data-name=${name}]` : ''}`;
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    found.push({ element, node: nodes[0] as AxNode });
  }
  await cdp.detach();
  return found;
}

const property = (node: AxNode, name: string): unknown => node.properties?.find((p) => p.name === name)?.value.value;

/** A page on the console, the S3 sample sent (one delivery, 200) and its timeline row opened. */
async function sentS3(options: Parameters<typeof openConsole>[2]): Promise<Page> {
  const page = await openConsole(browser, url, options);
  await pick(page, 'aws.s3.put');
  await sendAndWait(page);
  await page.click('#timeline summary');
  return page;
}

/** Record mode, an SQS batch whose second record fails (500, back to the queue): a failed verdict. */
async function sendFailingBatch(page: Page): Promise<void> {
  await page.check('input[name=mode][value=record]');
  await page.fill('#editor', JSON.stringify(sampleEvent('aws.sqs', { records: [{ body: { id: 1 } }, { body: { id: 2, fail: true } }] })));
  await expect.poll(() => page.textContent('#ce-count')).toBe('2');
  await sendAndWait(page);
  await page.click('#timeline li:nth-child(2) summary');
}

describe.skipIf(!hasChromium)("the development console's accessibility in Chromium", () => {
  it('has one main, one banner, a navigation and a complementary landmark with names, and named regions in main (the accessibility tree)', async () => {
    const page = await openConsole(browser, url, { viewport: { width: 1280, height: 900 } });
    const landmarks = (await axNodes(page, 'body *'))
      .filter(({ node }) => !node.ignored && ['main', 'banner', 'navigation', 'complementary', 'contentinfo', 'region', 'search', 'form'].includes(node.role?.value ?? ''))
      .map(({ node }) => `${node.role?.value} "${node.name?.value ?? ''}"`);
    // The three sections of main are labelled by their headings: regions a screen reader can jump to.
    expect(landmarks.sort()).toEqual(['banner ""', 'complementary "History"', 'main ""', 'navigation "Events"', 'region "Event"', 'region "Result"', 'region "Send"']);
    await page.context().close();
  });

  it('names every input, textarea, select and button, before and after a send (the accessibility tree)', async () => {
    const page = await openConsole(browser, url, { viewport: { width: 1280, height: 900 } });
    const unnamed = async (): Promise<string[]> =>
      (await axNodes(page, 'input, textarea, select, button'))
        // Ignored only when it is not rendered at all (the file input behind "Load a file…").
        .filter(({ node }) => (node.ignored ? !node.ignoredReasons?.some((r) => r.name === 'notRendered') : !node.name?.value.trim()))
        .map(({ element, node }) => `${element} (${node.role?.value}${node.ignored ? ', ignored' : ''})`);
    expect(await unnamed()).toEqual([]);
    await pick(page, 'aws.s3.put');
    await sendAndWait(page);
    await page.click('#copy-cli');
    expect(await page.locator('#history button').count()).toBeGreaterThan(0);
    expect(await unnamed()).toEqual([]);
    // The controls a user reaches by name.
    for (const [role, name] of [['searchbox', 'Search by source'], ['textbox', 'Event JSON'], ['button', 'Send'], ['radio', 'record: one CloudEvent per record'], ['button', 'Re-send #1']] as const) {
      expect(await page.getByRole(role, { name, exact: true }).count(), `${role} "${name}"`).toBe(1);
    }
    await page.context().close();
  });

  it('announces the app status and the verdict in live regions (polite), and an app that fails to load as an alert', async () => {
    const page = await openConsole(browser, url, { viewport: { width: 1280, height: 900 } });
    const live = async (selector: string): Promise<Record<string, unknown>> =>
      Object.fromEntries((await axNodes(page, selector)).map(({ element, node }) => [element, `${node.role?.value} ${property(node, 'live')}`]));
    expect(await live('#app-status, #verdict')).toEqual({ 'p#app-status': 'status polite', 'div#verdict': 'status polite' });
    expect(await page.textContent('#app-status')).toMatch(/^App loaded at /);
    await pick(page, 'aws.s3.put');
    await sendAndWait(page);
    expect(await page.textContent('#verdict')).toMatch(/^Accepted: /);
    // A save that breaks the app: the error is an alert (shown, so in the tree); the next good save hides it.
    writeFileSync(join(dir, 'app.mjs'), `${app}\nthis is not JavaScript;\n`);
    await page.waitForSelector('#app-error:not([hidden])', { timeout: 10_000 });
    expect(await live('#app-error')).toEqual({ 'div#app-error': 'alert assertive' });
    expect(await page.textContent('#app-status')).toMatch(/^The app failed to load/);
    writeFileSync(join(dir, 'app.mjs'), app);
    await page.waitForSelector('#app-error[hidden]', { state: 'attached', timeout: 10_000 });
    await expect.poll(() => page.textContent('#app-status')).toMatch(/^App reloaded at /);
    await page.context().close();
  });

  it('at 360×740 CSS px: no horizontal scrolling, the editor, Send and the timeline visible when scrolled to, and a send works', async () => {
    const page = await openConsole(browser, url, { viewport: { width: 360, height: 740 } });
    const overflow = (): Promise<{ scrollWidth: number; clientWidth: number; widest: string }> =>
      page.evaluate(() => {
        const root = document.documentElement;
        // The element reaching furthest right, to say what overflows when something does.
        let widest = '';
        let right = 0;
        for (const el of document.querySelectorAll('body *')) {
          const box = el.getBoundingClientRect();
          if (box.right > right && el.checkVisibility()) [right, widest] = [box.right, `${el.localName}#${el.id}.${el.className} ${Math.round(box.right)}px`];
        }
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
      });
    const fits = async (): Promise<void> => {
      const seen = await overflow();
      expect(seen.scrollWidth, seen.widest).toBeLessThanOrEqual(seen.clientWidth);
    };
    await fits();
    for (const selector of ['#editor', '#send', '#timeline-h']) {
      const target = page.locator(selector);
      await target.scrollIntoViewIfNeeded();
      const box = await target.boundingBox();
      expect(await target.isVisible(), selector).toBe(true);
      expect(box, selector).not.toBeNull();
      expect(box!.x, selector).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, selector).toBeLessThanOrEqual(360);
      expect(box!.y, selector).toBeGreaterThanOrEqual(0);
      expect(box!.y + Math.min(box!.height, 100), selector).toBeLessThanOrEqual(740);
    }
    expect((await page.locator('#editor').boundingBox())!.width).toBeGreaterThan(280);
    await pick(page, 'aws.s3.put');
    await sendAndWait(page);
    const row = page.locator('#timeline li summary').first();
    await row.scrollIntoViewIfNeeded();
    expect(await row.isVisible()).toBe(true);
    expect(await row.textContent()).toMatch(/POST\s*\/aws\.s3\s*200/);
    await row.click(); // the request's headers and body: long header names and values
    await fits();
    await sendFailingBatch(page);
    await fits();
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`${colorScheme} mode: a ${colorScheme} background, and text, buttons, links, status, verdict and timeline rows at 4.5:1 or more`, async () => {
      const page = await sentS3({ viewport: { width: 1280, height: 900 }, colorScheme });
      const background = luminance(parseColour(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)));
      if (colorScheme === 'dark') expect(background).toBeLessThan(0.05);
      else expect(background).toBeGreaterThan(0.9);
      const checked = new Set<string>();
      const low: string[] = [];
      const measure = async (): Promise<void> => {
        for (const text of await page.evaluate(textColours)) {
          const behind = backdrop(text.backgrounds);
          const colour = parseColour(text.colour);
          const ratio = contrast(over({ ...colour, a: colour.a * text.opacity }, behind), behind);
          checked.add(text.kind);
          if (ratio < 4.5) low.push(`${text.where} "${text.text}": ${ratio.toFixed(2)} (${text.colour} on ${JSON.stringify(behind)})`);
        }
      };
      await measure();
      await sendFailingBatch(page);
      await measure();
      expect(low).toEqual([]);
      expect([...checked].sort()).toEqual(['button', 'link', 'placeholder', 'status', 'text', 'timeline', 'verdict']);
      await page.context().close();
    });
  }

  it('keeps the keyboard focus where it was after a send: on Send, and on the same Re-send in the rebuilt history', async () => {
    const page = await openConsole(browser, url, { viewport: { width: 1280, height: 900 } });
    const history = page.locator('#history li:not(.note)');
    const pressEnterOn = async (target: Locator): Promise<void> => {
      const before = await history.count();
      await target.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => history.count()).toBe(before + 1);
    };
    const focused = (): Promise<string> => page.evaluate(() => document.activeElement.getAttribute('aria-label') ?? `#${document.activeElement.id}`);
    await pick(page, 'aws.s3.put');
    await pressEnterOn(page.locator('#send'));
    expect(await focused()).toBe('#send'); // Send is disabled while sending, which drops the focus
    const resend = (await page.locator('#history button[aria-label^=Re-send]').last().getAttribute('aria-label')) as string;
    expect(resend).toMatch(/^Re-send #\d+$/);
    await pressEnterOn(page.getByRole('button', { name: resend, exact: true }));
    expect(await focused()).toBe(resend);
    await page.context().close();
  });

  it('shows a focus indicator, not clipped by a scrolling column and at 3:1 against its background, when tabbing onto samples, buttons and the editor', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await sentS3({ viewport: { width: 1280, height: 900 }, colorScheme });
      await page.fill('#search', '');
      // [focused first, then Tab lands on]: each target reached from the keyboard, as :focus-visible needs.
      const steps: Array<[string, string]> = [
        ['.skip', '#search'],
        ['#search', '#samples button'],
        ['#samples li:last-child li:last-child button', '#load-file'],
        ['#format', '#editor'],
        ['#options', '#send'],
        ['#result-box summary', '#copy-test'],
        ['#copy-cli', '#history button'],
      ];
      for (const [from, to] of steps) {
        await page.focus(from);
        await page.keyboard.press('Tab');
        const seen = await page.evaluate(focusIndicator, to);
        expect(seen.isTarget, `Tab from ${from} reaches ${to}`).toBe(true);
        expect(seen.indicator, `${colorScheme} ${to}: outline or box-shadow`).not.toBe('none');
        expect(seen.clippedBy, `${colorScheme} ${to}: indicator clipped`).toEqual([]);
        const ratio = contrast(parseColour(seen.colour), backdrop(seen.backgrounds));
        expect(ratio, `${colorScheme} ${to}: indicator ${seen.colour}`).toBeGreaterThanOrEqual(3);
      }
      await page.context().close();
    }
  });
});

/**
 * Run in the page: every rendered element with text of its own (and the placeholders), with its colour,
 * the background colours behind it (its own first), the opacity it is painted with and what it is.
 * Disabled controls are left out: WCAG exempts inactive components.
 */
function textColours(): Array<{ where: string; text: string; kind: string; colour: string; backgrounds: string[]; opacity: number }> {
  const found = [];
  const around = (el: any) => {
    const backgrounds: string[] = [];
    let opacity = 1;
    for (let at = el; at; at = at.parentElement) {
      const style = getComputedStyle(at);
      backgrounds.push(style.backgroundColor);
      opacity *= Number(style.opacity);
    }
    return { backgrounds, opacity };
  };
  const kindOf = (el: any): string =>
    el.closest('#timeline') ? 'timeline' : el.closest('#verdict') ? 'verdict' : el.closest('#app-status') ? 'status' : el.closest('a') ? 'link' : el.closest('button') ? 'button' : 'text';
  for (const el of document.querySelectorAll('body, body *')) {
    if (!el.checkVisibility({ visibilityProperty: true }) || el.closest(':disabled')) continue;
    const own = [...el.childNodes].filter((n: any) => n.nodeType === 3).map((n: any) => n.textContent).join('').trim();
    const value = el.localName === 'textarea' || (el.localName === 'input' && el.type === 'search') ? el.value.trim() : '';
    const where = `${el.localName}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''}`;
    if (own || value) found.push({ where, text: (own || value).slice(0, 40), kind: kindOf(el), colour: getComputedStyle(el).color, ...around(el) });
    if (el.placeholder) found.push({ where: `${where}::placeholder`, text: el.placeholder, kind: 'placeholder', colour: getComputedStyle(el, '::placeholder').color, ...around(el) });
  }
  return found;
}

/**
 * Run in the page: whether the focused element is the first that `selector` matches, its focus indicator
 * (outline, else box-shadow; 'none' when neither), the indicator's colour and the backgrounds behind it,
 * and the scrolling or clipping ancestors that cut the indicator off.
 */
function focusIndicator(selector: string): { isTarget: boolean; indicator: string; colour: string; backgrounds: string[]; clippedBy: string[] } {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const width = style.outlineStyle === 'none' ? 0 : Number.parseFloat(style.outlineWidth);
  const indicator = width > 0 ? `outline ${style.outlineWidth} ${style.outlineStyle}` : style.boxShadow;
  // The outline is drawn outside the border box, offset by outline-offset.
  const reach = width > 0 ? width + Number.parseFloat(style.outlineOffset) : 0;
  const box = el.getBoundingClientRect();
  const clippedBy: string[] = [];
  const backgrounds: string[] = [];
  for (let at = el.parentElement; at; at = at.parentElement) {
    const outer = getComputedStyle(at);
    backgrounds.push(outer.backgroundColor);
    if (at === document.documentElement || (outer.overflowX === 'visible' && outer.overflowY === 'visible')) continue;
    const clip = at.getBoundingClientRect();
    const left = clip.left + at.clientLeft;
    const top = clip.top + at.clientTop;
    const tolerance = 0.5;
    if (box.left - reach < left - tolerance || box.right + reach > left + at.clientWidth + tolerance || box.top - reach < top - tolerance || box.bottom + reach > top + at.clientHeight + tolerance) {
      clippedBy.push(`${at.localName}${at.id ? `#${at.id}` : ''} (overflow ${outer.overflowX}/${outer.overflowY})`);
    }
  }
  return { isTarget: el === document.querySelector(selector), indicator, colour: width > 0 ? style.outlineColor : style.color, backgrounds, clippedBy };
}
