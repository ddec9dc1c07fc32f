import { TextDecoder } from 'node:util';

/** Colour codes, or nothing: colour on a terminal only, never when NO_COLOR is set (no-color.org). */
export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const plain = (text: string): string => text;

/**
 * The palette for a stream: ANSI colours when it is a TTY and `NO_COLOR` is unset or empty.
 *
 * @example
 * const c = palette(process.stdout, process.env);
 * console.log(c.green('200'));
 */
export function palette(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Palette {
  if (stream.isTTY !== true || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) {
    return { bold: plain, dim: plain, green: plain, red: plain, yellow: plain, cyan: plain };
  }
  const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
  return { bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A body as JSON can carry it: UTF-8 text as is, other bytes as base64 (Lambda's own convention).
 *
 * @example
 * encodeBody(Buffer.from('hi')); // { body: 'hi', isBase64Encoded: false }
 */
export function encodeBody(body: Buffer): { body: string; isBase64Encoded: boolean } {
  try {
    return { body: strictUtf8.decode(body), isBase64Encoded: false };
  } catch {
    return { body: body.toString('base64'), isBase64Encoded: true };
  }
}

/**
 * The start of a body for a terminal: text up to `limit` characters (then `… (N bytes)`), a note for
 * binary bodies, nothing for empty ones.
 *
 * @example
 * excerpt(Buffer.from('{"id":1}'), 200); // '{"id":1}'
 */
export function excerpt(body: Buffer, limit = 400): string {
  if (body.length === 0) return '';
  const { body: text, isBase64Encoded } = encodeBody(body);
  if (isBase64Encoded) return `<${body.length} bytes of binary data>`;
  const oneLine = text.replace(/\r?\n\s*/g, ' ');
  return oneLine.length > limit ? `${oneLine.slice(0, limit)}… (${body.length} bytes)` : oneLine;
}

/** Header lines worth showing (`name: value`), of the names listed, in that order. */
export function keyHeaders(headers: Record<string, string | string[]>, names: readonly string[]): string[] {
  const lines: string[] = [];
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined) lines.push(`${name}: ${Array.isArray(value) ? value.join(', ') : value}`);
  }
  return lines;
}
