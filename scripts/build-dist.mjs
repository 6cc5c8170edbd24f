// Compiles src/ into dist/ (tsc with tsconfig.build.json, JSON data files included) and writes beside
// it the list of sources it was made from (bin/source-manifest.js), so that bin/chorus.js can tell a
// current build from one src/ has moved away from, and run the source through tsx instead. `npm ci`
// runs it through `prepare` with `--if-possible`: an install without TypeScript (dev dependencies left
// out), or one whose compile fails, then keeps the tsx path instead of failing.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { sourceManifest } from '../bin/source-manifest.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
const ifPossible = process.argv.includes('--if-possible');

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  if (!ifPossible) throw new Error('typescript is not installed: run `npm ci` first');
  process.stderr.write('chorus: typescript is not installed, no build; bin/chorus.js runs src through tsx\n');
  process.exit(0);
}

// Taken before compiling: a source saved while tsc runs no longer matches the list, so that build is
// stale and bin/chorus.js runs the source.
const sources = sourceManifest(`${root}src`);
// A clean folder, so that a deleted source leaves no module behind.
rmSync(dist, { recursive: true, force: true });
const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (run.status !== 0 || sources === undefined) {
  rmSync(dist, { recursive: true, force: true });
  // An install must not fail for want of a build: the command runs the source through tsx instead.
  if (ifPossible) {
    process.stderr.write('chorus: the build of dist/ failed; bin/chorus.js runs src through tsx\n');
    process.exit(0);
  }
  process.exit(run.status || 1);
}
writeFileSync(`${dist}/build-stamp.json`, `${JSON.stringify({ sources })}\n`);
