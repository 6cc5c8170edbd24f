#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build`, which `npm ci` runs through `prepare`) when
// that build is newer than every file in src/; otherwise the TypeScript source through tsx, so that a
// clone works without a build step and an edit to src/ is never shadowed by an older build. Compiled,
// a run starts with about a second less CPU (docs/clustering.md, seventh round). Checking costs one
// stat per source file, a few milliseconds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { URL } from 'node:url';

const root = new URL('../', import.meta.url);

/** The build's start time (ms), or undefined when there is no complete build. */
function builtAt() {
  try {
    return JSON.parse(readFileSync(new URL('dist/build-stamp.json', root), 'utf8')).startedAt;
  } catch {
    return undefined;
  }
}

/** True when no file under src/ changed since `time`; also true when there is no src/ (a package). */
function sourceUnchangedSince(time) {
  const src = new URL('src/', root);
  let names;
  try {
    names = readdirSync(src, { recursive: true });
  } catch {
    return true;
  }
  for (const name of names) if (statSync(new URL(name, src)).mtimeMs >= time) return false;
  return true;
}

const time = builtAt();
if (typeof time === 'number' && sourceUnchangedSince(time)) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
