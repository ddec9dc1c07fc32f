// After the build: keep the shipped type declarations small. Each JSDoc block keeps its first paragraph
// (what the editor shows on hover) and its @param, @returns, @throws and @deprecated tags; the longer
// explanations and the @example sections stay in the source and the docs. The installed size has a
// budget (docs/decisions.md §3).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const KEPT_TAGS = /^\* @(param|returns?|throws|deprecated)\b/;

function slim(block) {
  const lines = block.split('\n');
  if (lines.length === 1) return block;
  const kept = [lines[0]];
  let paragraph = 1;
  let inKeptTag = false;
  for (const line of lines.slice(1, -1)) {
    const trimmed = line.trim();
    if (trimmed === '*') {
      paragraph++;
      inKeptTag = false;
      continue;
    }
    if (trimmed.startsWith('* @')) inKeptTag = KEPT_TAGS.test(trimmed);
    const tagLine = trimmed.startsWith('* @');
    if (paragraph === 1 && !tagLine) {
      // The first paragraph on one line: editors reflow it anyway, and each line break cost its indentation.
      if (kept.length > 1 && !kept[kept.length - 1].trim().startsWith('* @')) kept[kept.length - 1] += ' ' + trimmed.slice(2);
      else kept.push(line);
    } else if (inKeptTag) kept.push(line);
  }
  kept.push(lines[lines.length - 1]);
  return kept.length === 2 ? '' : kept.join('\n');
}

for (const file of readdirSync(dist).filter((name) => name.endsWith('.d.cts'))) {
  const text = readFileSync(new URL(file, dist), 'utf8');
  // Two-space indentation instead of the emitter's four.
  const compact = text.replace(/\/\*\*[\s\S]*?\*\//g, slim).replace(/^((?:    )+)/gm, (indent) => ' '.repeat(indent.length / 2));
  writeFileSync(new URL(file, dist), compact);
}
