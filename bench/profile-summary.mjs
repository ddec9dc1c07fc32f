// Summarise a .cpuprofile: self time per function (top N), and self time grouped by where the code lives
// (this package's dist, node: internals, the bench's app, other packages, V8/GC), and the inclusive time of
// this package's functions.
//   node bench/profile-summary.mjs <file.cpuprofile> [top=30]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8'));

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfSamples = new Map();
for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
// Sample i lasted timeDeltas[i + 1]; close enough to weight by the mean interval.
const totalUs = profile.endTime - profile.startTime;
const totalSamples = profile.samples.length;
const usPerSample = totalUs / totalSamples;

function where(url) {
  if (!url) return 'V8/native';
  if (url.includes('/dist/')) return 'this package';
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/bench/')) return 'bench (app, loop)';
  if (url.includes('node_modules')) return 'other packages';
  return 'other';
}

const functions = new Map();
const groups = new Map();
for (const [id, count] of selfSamples) {
  const { callFrame } = byId.get(id);
  const name = callFrame.functionName || '(anonymous)';
  const short = callFrame.url ? callFrame.url.replace(/^.*\/(dist|bench|node_modules)\//, '$1/') : '';
  const key = `${name} ${short ? `${short}:${callFrame.lineNumber + 1}` : ''}`.trim();
  functions.set(key, (functions.get(key) ?? 0) + count);
  const group = name === '(garbage collector)' ? 'GC' : name === '(idle)' || name === '(program)' ? name : where(callFrame.url);
  groups.set(group, (groups.get(group) ?? 0) + count);
}

// Inclusive (total) time: each sample counts once for every distinct function on its stack.
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const keyOf = (node) => {
  const { callFrame } = node;
  const short = callFrame.url ? callFrame.url.replace(/^.*\/(dist|bench|node_modules)\//, '$1/') : '';
  return `${callFrame.functionName || '(anonymous)'} ${short ? `${short}:${callFrame.lineNumber + 1}` : ''}`.trim();
};
const inclusive = new Map();
for (const [id, count] of selfSamples) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const node = byId.get(at);
    if (!node.callFrame.url.includes('/dist/')) continue;
    const key = keyOf(node);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + count);
  }
}

const pct = (n) => `${((100 * n) / totalSamples).toFixed(1)}%`;
console.log(`${file}: ${totalSamples} samples over ${(totalUs / 1000).toFixed(0)} ms (${usPerSample.toFixed(0)} µs/sample)\n`);
console.log('| where | self | share |\n|---|---:|---:|');
for (const [group, count] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`| ${group} | ${((count * usPerSample) / 1000).toFixed(0)} ms | ${pct(count)} |`);
console.log(`\n| function | self | share |\n|---|---:|---:|`);
for (const [key, count] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| \`${key}\` | ${((count * usPerSample) / 1000).toFixed(0)} ms | ${pct(count)} |`);
console.log(`\n| this package's function, inclusive of what it calls | total | share |\n|---|---:|---:|`);
for (const [key, count] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| \`${key}\` | ${((count * usPerSample) / 1000).toFixed(0)} ms | ${pct(count)} |`);
