// Compiles src/ into dist/ (tsc with tsconfig.build.json, JSON data files included) and stamps the
// build with the time it started, so that bin/chorus.js can tell a current build from one older than
// an edit to src/ and run the source through tsx instead. `npm ci` runs it through `prepare` with
// `--if-possible`: an install without TypeScript (dev dependencies left out) then keeps the tsx path
// instead of failing.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

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

// Taken before compiling: a source saved while tsc runs is newer than the stamp, so that build is stale.
const startedAt = Date.now();
// A clean folder, so that a deleted source leaves no module behind.
rmSync(dist, { recursive: true, force: true });
const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  process.exit(run.status ?? 1);
}
writeFileSync(`${dist}/build-stamp.json`, `${JSON.stringify({ startedAt })}\n`);
