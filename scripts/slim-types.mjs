// After the build: keep the shipped type declarations small. Each JSDoc block keeps the first sentence of
// its first paragraph (what the editor shows on hover, on one line), its @param tags cut to their first
// sentence, and its @throws and @deprecated tags whole; the longer explanations, @returns and the @example
// sections stay in the source and the docs. 9.3 KB less than keeping the whole first paragraph. The
// installed size has a budget (docs/decisions.md §3).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
// A sentence ends at . ! or ? before a capital or a backtick (the next sentence may open with `code`),
// not after an abbreviation such as "e.g.".
const FIRST_SENTENCE = /^(.*?(?<!\b(?:e\.g|i\.e|vs|cf))[.!?])(?=\s+[A-Z`]|$)/;
const firstSentence = (text) => FIRST_SENTENCE.exec(text)?.[1] ?? text;

function slim(block) {
  const lines = block.split('\n');
  const single = lines.length === 1;
  // The block's text lines without their ` * `; a one-line block is its text between /** and */.
  const body = single ? [block.replace(/^\s*\/\*\*/, '').replace(/\*\/\s*$/, '')] : lines.slice(1, -1).map((line) => line.trim().replace(/^\*\s?/, ''));
  const indent = /^\s*/.exec(single ? block : lines[lines.length - 1])[0];
  const summary = [];
  const tags = [];
  let paragraph = 1;
  let inTag = false; // a tag goes on over the next lines, up to a blank line or the next tag
  for (const text of body.map((line) => line.trim())) {
    if (text === '') {
      paragraph++;
      inTag = false;
    } else if (text.startsWith('@')) {
      tags.push(text);
      inTag = true;
    } else if (inTag) tags[tags.length - 1] += ' ' + text;
    else if (paragraph === 1) summary.push(text);
  }
  const kept = summary.length > 0 ? [firstSentence(summary.join(' '))] : [];
  for (const tag of tags) {
    if (/^@(throws|deprecated)\b/.test(tag)) kept.push(tag);
    else if (/^@param\b/.test(tag)) {
      const [, head, text] = /^(@param\s+(?:\{[^}]*\}\s+)?\S+\s*(?:-\s*)?)(.*)$/.exec(tag);
      kept.push(head + firstSentence(text));
    }
  }
  if (kept.length === 0) return '';
  if (kept.length === 1) return `/** ${kept[0]} */`;
  return `/**\n${kept.map((line) => `${indent} * ${line}`).join('\n')}\n${indent} */`;
}

for (const file of readdirSync(dist).filter((name) => name.endsWith('.d.cts'))) {
  const text = readFileSync(new URL(file, dist), 'utf8');
  // Two-space indentation instead of the emitter's four.
  const compact = text.replace(/\/\*\*[\s\S]*?\*\//g, slim).replace(/^((?:    )+)/gm, (indent) => ' '.repeat(indent.length / 2));
  writeFileSync(new URL(file, dist), compact);
}
