// Last build step: terser over the CommonJS files (dist/*.cjs) that tsup's esbuild has already minified.
// esbuild minifies one statement at a time; terser's compressor (two passes) inlines and joins across
// them, 7.5 KB less JavaScript (docs/decisions.md §3). Safe options only: no `unsafe*`, function arities
// kept (`keep_fargs`, the handler's `.length` is 2). `reduce_funcs` off: it moves a function used once
// into its one caller as a function expression, which then makes a new closure on every call; it cost
// 2.1 % more CPU instructions per event (callgrind under --predictable) for 0.7 KB. Every dist/*.cjs is a CommonJS module, so its top-level
// names are its own: `toplevel` mangles and drops them; what other files read goes through `exports.x=`
// and `require()`, which are free names terser never renames. The error classes set their own `name`
// (src/errors.ts), a string terser keeps. Runs after scripts/post-build.mjs, whose getter rewrite matches
// esbuild's text; then loads each entry and checks that every name its ES module wrapper lists is there.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const dist = new URL('../dist/', import.meta.url);
const OPTIONS = { module: false, toplevel: true, compress: { passes: 2, reduce_funcs: false }, mangle: { toplevel: true }, format: { comments: false } };

let before = 0;
let after = 0;
for (const file of readdirSync(dist).filter((name) => name.endsWith('.cjs'))) {
  const url = new URL(file, dist);
  const code = readFileSync(url, 'utf8');
  // terser keeps the bin's `#!/usr/bin/env node` line (format.shebang).
  const result = await minify(code, OPTIONS);
  before += Buffer.byteLength(code);
  after += Buffer.byteLength(result.code);
  writeFileSync(url, result.code);
}

// Each entry still exports what its wrapper re-exports, and every chunk it requires still loads.
const require = createRequire(dist);
for (const entry of ['index', 'handler', 'testing']) {
  const wrapper = readFileSync(new URL(`${entry}.js`, dist), 'utf8');
  const names = /export const\{([^}]*)\}=m;/.exec(wrapper)[1].split(',');
  const loaded = require(`./${entry}.cjs`);
  const missing = names.filter((name) => loaded[name] === undefined);
  if (missing.length > 0) throw new Error(`dist/${entry}.cjs lost exports after terser: ${missing.join(', ')}`);
}
// Every file loads, and an ES module import() of it (the gateway's auth and the serve command are loaded so)
// still finds each export: Node takes the names from cjs-module-lexer's reading of the text.
for (const file of readdirSync(dist).filter((name) => name.endsWith('.cjs') && name !== 'cli.cjs')) {
  const seen = Object.keys(await import(new URL(file, dist).href));
  const lost = Object.keys(require(`./${file}`)).filter((name) => name !== '__esModule' && !seen.includes(name));
  if (lost.length > 0) throw new Error(`dist/${file}: import() no longer sees ${lost.join(', ')}`);
}
execFileSync(process.execPath, [new URL('cli.cjs', dist).pathname, '--help'], { stdio: 'ignore' });

if (process.env.npm_config_loglevel !== 'silent') console.log(`terser: dist/*.cjs ${before} -> ${after} bytes`);
