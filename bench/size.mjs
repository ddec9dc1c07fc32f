// Installed size: this package as `npm pack` builds it, and each peer, installed alone into an empty
// folder with `npm install --omit=dev --no-audit --no-fund <spec>`; the size of node_modules counted as
// `du -sb` does (apparent sizes of every file and directory, hard links once). Needs the npm registry for
// the peers. Packs with --ignore-scripts: run.mjs has just built dist (npm run bench builds first). Run by
// run.mjs as `node bench/size.mjs`; prints one JSON line.
import { execFile } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `du -sb`: the apparent size of a tree, directories included, each inode once. */
export function duBytes(path) {
  const seen = new Set();
  let bytes = 0;
  const walk = (p) => {
    const stat = lstatSync(p);
    const key = `${stat.dev}:${stat.ino}`;
    if (!seen.has(key)) {
      seen.add(key);
      bytes += stat.size;
    }
    if (stat.isDirectory()) for (const entry of readdirSync(p)) walk(join(p, entry));
  };
  walk(path);
  return bytes;
}

/** The packages installed in a node_modules (top level and nested), as name@version. */
function installedPackages(nodeModules) {
  const found = [];
  const visit = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('.')) continue;
      if (entry.startsWith('@')) {
        for (const scoped of readdirSync(join(dir, entry))) add(join(dir, entry, scoped));
      } else add(join(dir, entry));
    }
  };
  const add = (dir) => {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      found.push(`${pkg.name}@${pkg.version}`);
    } catch {
      return;
    }
    visit(join(dir, 'node_modules'));
  };
  visit(nodeModules);
  return found;
}

async function installAlone(label, spec, packageName) {
  const dir = mkdtempSync(join(tmpdir(), 'ceh-size-'));
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'size-probe', version: '1.0.0', private: true }));
    await run(npm, ['install', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error', spec], { cwd: dir, timeout: 120_000 });
    const nodeModules = join(dir, 'node_modules');
    const packages = installedPackages(nodeModules);
    const own = JSON.parse(readFileSync(join(nodeModules, packageName, 'package.json'), 'utf8'));
    return {
      label,
      spec: spec.startsWith('/') ? `${packageName} (npm pack tarball)` : spec,
      version: own.version,
      nodeModulesBytes: duBytes(nodeModules),
      packageDirBytes: duBytes(join(nodeModules, packageName)),
      packages,
      runtimeDependencies: Object.keys(own.dependencies ?? {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const packDir = mkdtempSync(join(tmpdir(), 'ceh-pack-'));
try {
  const { stdout } = await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir, '--loglevel=error'], { cwd: root, timeout: 120_000 });
  const [packed] = JSON.parse(stdout);
  const tarball = join(packDir, packed.filename);
  const results = await Promise.all([
    installAlone('ours', tarball, 'cloud-events-handler'),
    installAlone('h4ad', '@h4ad/serverless-adapter@4.4.0', '@h4ad/serverless-adapter'),
    installAlone('codegenie', '@codegenie/serverless-express@4', '@codegenie/serverless-express'),
  ]);
  results[0].tarballBytes = packed.size;
  results[0].unpackedBytes = packed.unpackedSize;
  results[0].files = packed.files.map((f) => `${f.path} (${f.size})`);
  console.log(JSON.stringify({ results }));
} finally {
  rmSync(packDir, { recursive: true, force: true });
}
