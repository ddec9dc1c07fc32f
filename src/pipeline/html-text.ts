/**
 * The message of an HTML error page. Express's default error handler (finalhandler), and many proxies,
 * answer errors with an HTML page; quoted as is, an error message (which Cognito shows its user) would be
 * markup with a stack trace in it. What the page says is its `<pre>` (finalhandler's message), else its
 * `<title>`, else its `<body>`.
 */

/** At most this many characters of a page's message. */
export const HTML_MESSAGE_LIMIT = 200;

const LOOKS_LIKE_HTML = /^\s*(?:<!doctype\s+html|<html[\s>])/i;
const ELEMENTS = ['pre', 'title', 'body'].map((name) => new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)(?:</${name}\\s*>|$)`, 'i'));
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * True when a body is an HTML page: its content-type is `text/html`, or it starts with `<!DOCTYPE html`
 * or `<html`.
 *
 * @example
 * isHtml(Buffer.from('<!DOCTYPE html><html>...'), undefined); // true
 */
export function isHtml(body: Buffer, contentType: string | undefined): boolean {
  if (contentType !== undefined && /^\s*text\/html\b/i.test(contentType)) return true;
  return LOOKS_LIKE_HTML.test(body.subarray(0, 64).toString('latin1'));
}

/**
 * The first line of text of an HTML page's `<pre>`, `<title>` or `<body>` (the first that has text; of
 * a fragment without them, its own),
 * tags removed, entities decoded, at most {@link HTML_MESSAGE_LIMIT} characters; `undefined` when the
 * body is not HTML or says nothing.
 *
 * @example
 * htmlMessage(Buffer.from('<!DOCTYPE html><html><body><pre>Error: no such book<br> &nbsp;at f (a.js:1)</pre></body></html>'), 'text/html');
 * // 'Error: no such book'
 */
export function htmlMessage(body: Buffer, contentType: string | undefined): string | undefined {
  if (!isHtml(body, contentType)) return undefined;
  // Error pages are small; a huge page is cut before the regular expressions see it.
  const html = body.subarray(0, 64 * 1024).toString('utf8');
  // A fragment served as text/html has none of the three: its whole text then.
  const parts = ELEMENTS.map((element) => element.exec(html)?.[1]).concat(html);
  for (const inner of parts) {
    if (inner === undefined) continue;
    const line = firstLine(toText(inner));
    if (line !== '') return line.length > HTML_MESSAGE_LIMIT ? line.slice(0, HTML_MESSAGE_LIMIT - 1) + '…' : line;
  }
  return undefined;
}

/** Markup to text: `<br>` and block ends are line breaks, other tags go, entities are decoded. */
function toText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>|<\/(?:p|div|h[1-6]|li|tr)\s*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  );
}

function firstLine(text: string): string {
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.replace(/\s+/g, ' ').trim();
    if (trimmed !== '') return trimmed;
  }
  return '';
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (entity, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name.toLowerCase()] ?? entity;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex as string, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
