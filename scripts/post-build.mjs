// After tsup: compact CommonJS entries, then the ES module entry points. The code is built once, as
// CommonJS (dist/*.cjs); each dist/<entry>.js loads that module with a plain require() and re-exports its names, so `import` and
// `require` share one instance (one invocation store, one EventDeliveryError) and one copy on disk. A
// createRequire() call rather than `import ... from './index.cjs'`: Node then skips cjs-module-lexer's
// parse of the bundle. Each dist/<entry>.d.ts re-exports the entry's .d.cts (docs/decisions.md §3).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const require = createRequire(dist);

// The CommonJS entries re-export the shared chunk's bindings through getters
// (`Object.defineProperty(exports, "x", { enumerable: true, get: function () { return chunk.y } })`, 110
// bytes each); every one of them is a constant (a function, a class, a string), so a plain assignment
// says the same in a third of the bytes (3 KB of the size budget).
const GETTER = /Object\.defineProperty\(exports,("[A-Za-z_$][\w$]*"),\{enumerable:true,get:function\(\)\{return ([A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*)\}\}\);/g;

for (const entry of ['index', 'handler', 'testing']) {
  const file = new URL(`${entry}.cjs`, dist);
  const code = readFileSync(file, 'utf8');
  // Each shared chunk's binding is named after the chunk (`chunkO5YQQTCJ_cjs`, 80 uses): `__c0`, `__c1`...
  // instead, one short name per chunk (an entry may load several).
  if (/\b__c\d+\b/.test(code)) throw new Error(`dist/${entry}.cjs already uses a name __cN`);
  const chunks = new Map();
  const compact = code
    .replace(GETTER, (_, name, value) => `exports[${name}]=${value};`)
    .replace(/\bchunk[A-Z0-9]+_cjs\b/g, (binding) => {
      if (!chunks.has(binding)) chunks.set(binding, `__c${chunks.size}`);
      return chunks.get(binding);
    });
  if (compact.includes('Object.defineProperty(exports,"')) throw new Error(`dist/${entry}.cjs: an export getter this script does not recognise`);
  writeFileSync(file, compact);
  const names = Object.keys(require(`./${entry}.cjs`)).filter((name) => name !== 'default' && name !== '__esModule');
  const hasDefault = names.length > 0 && 'default' in require(`./${entry}.cjs`);
  const js = [
    `import { createRequire } from 'node:module';`,
    `const m = createRequire(import.meta.url)('./${entry}.cjs');`,
    `export const{${names.join(',')}}=m;`,
    hasDefault ? `export default m.default;` : '',
  ];
  writeFileSync(new URL(`${entry}.js`, dist), js.filter(Boolean).join('\n') + '\n');
  // The default export is named explicitly: an ES module's default import of a .d.cts is its whole
  // module.exports, not its `default`.
  const dts = hasDefault
    ? `export * from './${entry}.cjs';\nimport { handler } from './${entry}.cjs';\nexport default handler;\n`
    : `export * from './${entry}.cjs';\n`;
  writeFileSync(new URL(`${entry}.d.ts`, dist), dts);
}

// The development console's page (src/console/page), minified into dist/console.{html,css,js}, then
// brotli-compressed (quality 11) into dist/console.{html,css,js}.br: the package ships only the .br files
// (package.json `files`); `cloud-events-handler dev` reads them, decompresses them once and answers br to
// browsers that accept it (src/console/page-files.ts). The plain files stay in dist/ for a checkout. Never
// imported by an entry point. No folder of its own: a directory is 4 KB of the installed size.
{
  const { transform } = await import('esbuild');
  const { brotliCompressSync, constants } = await import('node:zlib');
  const brotli = (name) => {
    const plain = readFileSync(new URL(name, dist));
    const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length };
    writeFileSync(new URL(`${name}.br`, dist), brotliCompressSync(plain, { params }));
  };
  const page = new URL('../src/console/page/', import.meta.url);
  const out = dist;
  for (const [name, loader] of [['console.js', 'js'], ['console.css', 'css']]) {
    const { code } = await transform(readFileSync(new URL(name, page), 'utf8'), { loader, minify: true, target: loader === 'js' ? 'es2022' : 'chrome110', format: loader === 'js' ? 'esm' : undefined });
    writeFileSync(new URL(name, out), code);
  }
  // Whitespace between tags collapsed to one space (not removed: it separates inline elements).
  const html = readFileSync(new URL('console.html', page), 'utf8').replace(/>\s+</g, '> <');
  writeFileSync(new URL('console.html', out), html);
  for (const name of ['console.html', 'console.css', 'console.js']) brotli(name);
}
