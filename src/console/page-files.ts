import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

/** One file of the console's page, as the server answers it. */
export interface PageFile {
  /** Its media type, without parameters. */
  type: string;
  /** The bytes of the file. */
  plain: Buffer;
  /** The same bytes brotli-compressed, when the folder holds `NAME.br`. */
  brotli?: Buffer;
}

/** The page's URL paths and the files behind them. */
export const PAGE_FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'console.html', type: 'text/html' },
  '/console.css': { file: 'console.css', type: 'text/css' },
  '/console.js': { file: 'console.js', type: 'text/javascript' },
};

/**
 * Whether a folder holds the console's page: its `console.html.br` (the installed package ships the
 * page brotli-compressed only) or its `console.html` (a checkout's src/console/page).
 *
 * @example
 * isPageDir(join(__dirname)); // true beside the built CLI
 */
export function isPageDir(dir: string): boolean {
  return existsSync(join(dir, 'console.html.br')) || existsSync(join(dir, 'console.html'));
}

/**
 * Read the page once, at the console's start: each file from `NAME.br` when there is one (decompressed
 * here, once, for the clients that do not accept br), else from the plain `NAME`.
 *
 * @example
 * const page = readPage(pageDir);
 * page.get('/console.css')?.type; // 'text/css'
 */
export function readPage(dir: string): Map<string, PageFile> {
  const page = new Map<string, PageFile>();
  for (const [path, { file, type }] of Object.entries(PAGE_FILES)) {
    const compressed = join(dir, `${file}.br`);
    if (existsSync(compressed)) {
      const brotli = readFileSync(compressed);
      page.set(path, { type, plain: brotliDecompressSync(brotli), brotli });
    } else page.set(path, { type, plain: readFileSync(join(dir, file)) });
  }
  return page;
}

/**
 * Whether an `Accept-Encoding` header allows `br` (RFC 9110 §12.5.3): named, or covered by `*`, with a
 * q-value above 0. No header means no preference, and the plain bytes are sent (any client reads them).
 *
 * @example
 * acceptsBrotli('gzip, deflate, br'); // true
 * acceptsBrotli('br;q=0, *'); // false
 */
export function acceptsBrotli(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  let star = false;
  for (const entry of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [coding = '', ...params] = entry.split(';');
    const name = coding.trim().toLowerCase();
    if (name !== 'br' && name !== '*') continue;
    const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    // An explicit `br` wins over `*`, whatever their order.
    if (name === 'br') return allowed;
    star = allowed;
  }
  return star;
}
