import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { samples } from '../samples/index.js';
import { setPath } from './args.js';
import { palette } from './format.js';
import { main } from './main.js';
import type { CommandIO } from './io.js';
import { typeScriptSupport } from './typescript.js';

// The commands in process, with their output captured; the bin itself, from the packed tarball, is
// test/cli.test.ts.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ceh-cli-'));
  const express = pathToFileURL(join(process.cwd(), 'node_modules/express/index.js')).href;
  writeFileSync(
    join(dir, 'app.mjs'),
    `import express from '${express}';\nconst app = express();\napp.use(express.json());\n` +
      `app.post('/aws.sqs', (req, res) => res.status(req.body.id % 2 ? 500 : 200).json({ id: req.body.id }));\n` +
      `app.post('/aws.s3', (req, res) => res.json({ key: req.body.Records[0].s3.object.key }));\nexport const library = app;\n`,
  );
});

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CommandIO = { out: (t) => (out += t), err: (t) => (err += t), colors: palette({ isTTY: false }, {}), env: {}, cwd: dir, readStdin: async () => stdin };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('cloud-events-handler (in process)', () => {
  it('events lists every sample on one line each, and prints each as JSON', async () => {
    const list = await run(['events']);
    expect(list.code).toBe(0);
    expect(list.out.trim().split('\n').map((line) => line.split(' ')[0])).toEqual(samples.map((s) => s.name));
    const one = await run(['events', 'aws.s3.put', '--set', 'key=books/dune.pdf', '--set', 'Records.0.awsRegion=eu-west-1', '--set', 'size=7']);
    const event = JSON.parse(one.out);
    expect(event.Records[0]).toMatchObject({ awsRegion: 'eu-west-1', s3: { object: { key: 'books/dune.pdf', size: 7 } } });
  });

  it('usage errors exit 2 and name the flag or argument', async () => {
    expect(await run(['events', 'aws.s4'])).toMatchObject({ code: 2, err: expect.stringContaining('no sample event named "aws.s4"') });
    expect(await run(['events', 'aws.s3.put', '--set', 'buckett=x'])).toMatchObject({ code: 2, err: expect.stringContaining('--set buckett: aws.s3.put has no override "buckett" (it takes bucket, key') });
    expect(await run(['events', 'aws.s3.put', '--set', 'nothing'])).toMatchObject({ code: 2, err: expect.stringContaining('--set "nothing": expected field=value') });
    expect(await run(['invoke', 'aws.sqs'])).toMatchObject({ code: 2, err: expect.stringContaining('--app MODULE is required') });
    expect(await run(['invoke', '--app', './app.mjs#library', 'aws.sqs', '--mode', 'batch'])).toMatchObject({ code: 2, err: expect.stringContaining('--mode batch: expected event or record') });
    expect(await run(['invoke', '--app', './app.mjs#library', '--bogus'])).toMatchObject({ code: 2, err: expect.stringContaining("'--bogus'") });
    expect(await run(['invoke', '--app', './app.mjs#nope', 'aws.sqs'])).toMatchObject({ code: 2, err: expect.stringMatching(/--app "\.\/app\.mjs#nope": .*app\.mjs has no export "nope" \(its exports: library\)/) });
    expect(await run(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining('no command "frobnicate"') });
  });

  it('invoke prints each delivery and the result; exit 0 when handled, 1 when not', async () => {
    const ok = await run(['invoke', '--app', './app.mjs#library', 'aws.s3.put', '--set', 'key=books/dune.pdf']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('POST /aws.s3');
    expect(ok.out).toContain('← 200 OK');
    expect(ok.out).toContain('{"key":"books/dune.pdf"}');
    expect(ok.out).toContain('handled: the handler answered');
    const partial = await run(['invoke', '--app', './app.mjs#library', 'aws.sqs', '--mode', 'record', '--set', 'records=[{"body":{"id":1}},{"body":{"id":2}}]', '--json']);
    expect(partial.code).toBe(1);
    const json = JSON.parse(partial.out);
    expect(json).toMatchObject({ handled: false, result: { batchItemFailures: [{ itemIdentifier: expect.any(String) }] } });
    expect(json.deliveries.map((d: { request: { body: string }; response: { statusCode: number } }) => [d.request.body, d.response.statusCode])).toEqual([
      ['{"id":1}', 500],
      ['{"id":2}', 200],
    ]);
  });

  it('invoke reads the event from a file or standard input, with --set as dotted paths', async () => {
    writeFileSync(join(dir, 'event.json'), JSON.stringify({ Records: [{ eventSource: 'aws:sqs', messageId: 'm1', body: '{"id":2}' }] }));
    const file = await run(['invoke', '--app', './app.mjs#library', '--event', 'event.json', '--json']);
    expect(JSON.parse(file.out).deliveries[0].request.path).toBe('/aws.sqs');
    expect(file.code).toBe(0);
    const stdin = await run(['invoke', '--app', './app.mjs#library', '-', '--set', 'Records.0.body={"id":3}', '--mode', 'record', '--json'], await Promise.resolve(JSON.stringify({ Records: [{ eventSource: 'aws:sqs', messageId: 'm2', body: '{}' }] })));
    expect(stdin.code).toBe(1);
    expect(JSON.parse(stdin.out).result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }] });
    expect(await run(['invoke', '--app', './app.mjs#library', '-'], 'not json')).toMatchObject({ code: 2, err: expect.stringContaining('- (standard input): not JSON') });
  });

  it('serve and dev have their help; dev names the flag of a usage error (the console itself: test/console)', async () => {
    expect((await run(['serve', '--help'])).out).toContain('Usage: cloud-events-handler serve --app');
    expect((await run(['dev', '--help'])).out).toContain('Usage: cloud-events-handler dev --app');
    expect(await run(['dev'])).toMatchObject({ code: 2, err: expect.stringContaining('--app MODULE is required') });
    expect(await run(['dev', '--app', './app.mjs', '--port', 'x'])).toMatchObject({ code: 2, err: expect.stringContaining('--port x: expected a port number') });
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as AddressInfo;
    expect(await run(['dev', '--app', './app.mjs', '--port', String(port)])).toMatchObject({ code: 2, err: expect.stringContaining(`--port ${port}: in use (try --port 0)`) });
    taken.close();
  });

  it('colour only on a terminal, never with NO_COLOR', () => {
    expect(palette({ isTTY: true }, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(palette({ isTTY: true }, { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(palette({ isTTY: false }, {}).red('x')).toBe('x');
  });

  it('knows which Node versions strip TypeScript types, and how', () => {
    expect(typeScriptSupport('20.19.0', {}, [])).toBe('none');
    expect(typeScriptSupport('22.5.1', {}, [])).toBe('none');
    expect(typeScriptSupport('22.6.0', {}, [])).toBe('flag');
    expect(typeScriptSupport('22.12.0', { typescript: false }, [])).toBe('flag');
    expect(typeScriptSupport('22.6.0', {}, ['--experimental-strip-types'])).toBe('native');
    expect(typeScriptSupport('24.0.0', { typescript: 'strip' }, [])).toBe('native');
  });

  it('setPath creates what is missing and refuses prototype keys', () => {
    expect(setPath({}, 'a.0.b', 1)).toEqual({ a: [{ b: 1 }] });
    expect(() => setPath({}, '__proto__.x', 1)).toThrow(/not a usable path/);
  });
});
