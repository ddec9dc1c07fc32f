import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';

/** A command line the CLI cannot run: exit 2, with a message that names the flag or argument. */
export class UsageError extends Error {
  readonly code = 'USAGE';
  /** The flag or argument at fault (`--app`, `--set`, `NAME`), when one is. */
  readonly flag: string | undefined;
  constructor(message: string, flag?: string) {
    super(message);
    this.name = 'UsageError';
    this.flag = flag;
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `node:util` `parseArgs`, strict, with its errors as {@link UsageError}s (its messages name the option:
 * "Unknown option '--appp'"). `--help`/`-h` is added to every command.
 *
 * @example
 * const { values, positionals } = parse(['aws.sqs', '--set', 'body=hi'], { set: { type: 'string', multiple: true } });
 */
export function parse(args: string[], options: Options): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message, /'(-{1,2}[^' ]+)/.exec(message)?.[1]);
  }
}

/**
 * A `--set` value: JSON when it parses as JSON (`3`, `true`, `{"id":1}`, `"007"`), else the text as is.
 *
 * @example
 * parseValue('3');          // 3
 * parseValue('books/a.pdf'); // 'books/a.pdf'
 */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The `--set field=value` pairs, in order; a pair without `=` or with an empty field is a usage error.
 *
 * @example
 * parseSets(['key=books/a.pdf', 'records=3']); // [['key', 'books/a.pdf'], ['records', 3]]
 */
export function parseSets(sets: readonly string[] | undefined): Array<[string, unknown]> {
  return (sets ?? []).map((pair) => {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`--set "${pair}": expected field=value (e.g. --set key=books/dune.pdf, --set Records.0.awsRegion=eu-west-1)`, '--set');
    return [pair.slice(0, equals), parseValue(pair.slice(equals + 1))];
  });
}

/**
 * Set a dotted path (`Records.0.body`, `detail.id`) in a JSON value, creating objects on the way.
 *
 * @example
 * setPath({ Records: [{}] }, 'Records.0.awsRegion', 'eu-west-1'); // { Records: [{ awsRegion: 'eu-west-1' }] }
 */
export function setPath(target: unknown, path: string, value: unknown): unknown {
  const segments = path.split('.');
  if (segments.some((segment) => segment === '' || segment === '__proto__' || segment === 'constructor' || segment === 'prototype')) {
    throw new UsageError(`--set ${path}: not a usable path (empty or reserved segment)`, '--set');
  }
  const root = typeof target === 'object' && target !== null ? target : {};
  let node = root as Record<string, unknown>;
  for (const [index, segment] of segments.entries()) {
    if (index === segments.length - 1) {
      node[segment] = value;
      break;
    }
    const next = node[segment];
    if (typeof next !== 'object' || next === null) node[segment] = /^\d+$/.test(segments[index + 1] as string) ? [] : {};
    node = node[segment] as Record<string, unknown>;
  }
  return root;
}
