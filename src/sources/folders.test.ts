import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sources } from './registry.js';

// The folder scheme (docs/decisions.md §10): a source's folder is its `name` without the cloud prefix,
// dots as hyphens (`aws.elb` in aws/http/elb, `aws.kinesis.firehose` in aws/kinesis-firehose), under
// aws/, google/ or azure/ (aws/http/ groups the HTTP events). A folder may hold a family that shares its
// name as a prefix (aws/iot: aws.iot.button, aws.iot1click, ...; aws/appsync: aws.appsync.authorizer).
// Files directly under a cloud folder (azure/triggers.ts: azure.functions) are that cloud's catch-alls.
const root = fileURLToPath(new URL('.', import.meta.url));

function definedNames(): Array<{ name: string; folder: string }> {
  const found: Array<{ name: string; folder: string }> = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.includes('.test') && !entry.name.includes('.testing')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/^ {2}name: '((?:aws|google|azure)\.[^']+|cloudevents)',$/gm)) {
          found.push({ name: match[1] as string, folder: relative(root, dir).split(sep).join('/') });
        }
      }
    }
  };
  walk(root);
  return found;
}

describe('source folders', () => {
  const defined = definedNames();

  it('finds every registered source in a folder', () => {
    const names = new Set(defined.map(({ name }) => name));
    for (const source of sources) expect(names, source.name).toContain(source.name);
  });

  it('are named as the sources they hold', () => {
    const misnamed = defined.filter(({ name, folder }) => {
      const [cloud, ...rest] = name === 'cloudevents' ? ['', 'cloudevents'] : name.split('.');
      const segments = folder.split('/');
      if (cloud && segments[0] !== cloud) return true;
      if (cloud && segments.length === 1) return false; // a cloud's catch-all
      const expected = rest.join('-');
      const actual = segments[segments.length - 1] as string;
      return expected !== actual && !expected.startsWith(actual);
    });
    expect(misnamed).toEqual([]);
  });
});
