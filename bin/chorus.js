#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build`, which `npm ci` runs through `prepare`) when
// src/ is exactly what that build was made from; otherwise the TypeScript source through tsx, so that a
// clone works without a build step and an edit to src/ is never shadowed by an older build. Compiled,
// a run starts with about a second less CPU (docs/clustering.md, seventh round). Checking costs one
// lstat per source file, a few milliseconds.
import { existsSync, readFileSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';
import { sameManifest, sourceManifest } from './source-manifest.js';

const root = fileURLToPath(new URL('../', import.meta.url));

/** True when dist/ holds a complete build of src/ as it is now (or of a package shipped without src/). */
function buildIsCurrent() {
  let built;
  try {
    built = JSON.parse(readFileSync(`${root}dist/build-stamp.json`, 'utf8')).sources;
  } catch {
    return false;
  }
  if (typeof built !== 'object' || built === null) return false;
  const now = sourceManifest(`${root}src`);
  // A package installed without src/ has only dist/ to run.
  return now === undefined ? !existsSync(`${root}src/cli/main.ts`) : sameManifest(built, now);
}

if (buildIsCurrent()) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
