// Jest against the package as users get it: `npm pack` of the repository, installed here beside Jest 29
// and 30 (package.json), then each Jest runs this folder's tests with its default configuration (no
// transform, CommonJS runtime, default fake timers where a test asks for them). Run by .ci/run after the
// build; needs the npm registry the first time. Exits non-zero if either Jest fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '../..');
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });

const packDir = mkdtempSync(join(tmpdir(), 'ceh-jest-pack-'));
try {
  run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', packDir], repo);
  const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz')));
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], here);
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', tarball], here);
} finally {
  rmSync(packDir, { recursive: true, force: true });
}
for (const jest of ['jest29', 'jest30']) {
  const version = execFileSync(process.execPath, [join(here, `node_modules/${jest}/bin/jest.js`), '--version'], { cwd: here, encoding: 'utf8' }).trim();
  console.log(`== jest ${version}`);
  run(process.execPath, [join(here, `node_modules/${jest}/bin/jest.js`), '--ci'], here);
}
