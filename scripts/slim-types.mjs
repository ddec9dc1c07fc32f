// After the build: drop the `@example` sections from the shipped type declarations. Every public
// function keeps its JSDoc summary, parameters and throws in the editor; the examples stay in the
// source and the README. Saves ~8 KB of the installed size (docs/decisions.md §3).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
for (const file of readdirSync(dist).filter((name) => name.endsWith('.d.ts'))) {
  const text = readFileSync(new URL(file, dist), 'utf8');
  const slim = text.replace(/\/\*\*[\s\S]*?\*\//g, (block) => {
    const kept = [];
    let inExample = false;
    for (const line of block.split('\n')) {
      const trimmed = line.trim();
      if (trimmed.startsWith('* @example')) {
        inExample = true;
        continue;
      }
      if (inExample && (trimmed.startsWith('* @') || trimmed === '*/')) inExample = false;
      if (!inExample) kept.push(line);
    }
    return kept.join('\n');
  });
  writeFileSync(new URL(file, dist), slim);
}
