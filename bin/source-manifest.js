// What a build of dist/ was made from: every entry under src/ with its size and modification time.
// bin/chorus.js runs dist/ only when src/ lists exactly the same now, so an edit, a new or deleted file,
// or a file copied in with an older date (rsync -a, tar) all send the command back to the source.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `{ "relative/path": "size:mtimeMs" }` for every entry under `srcDir` (directories too, so that a
 * deletion changes its folder), or undefined when the folder cannot be read or an entry vanishes
 * while it is read.
 * @param {string} srcDir
 * @returns {Record<string, string> | undefined}
 */
export function sourceManifest(srcDir) {
  try {
    /** @type {Record<string, string>} */
    const out = {};
    for (const name of readdirSync(srcDir, { recursive: true })) {
      const path = String(name);
      const s = lstatSync(join(srcDir, path));
      out[path] = `${s.size}:${s.mtimeMs}`;
    }
    return out;
  } catch {
    return undefined;
  }
}

/**
 * True when the two manifests list the same entries with the same size and time.
 * @param {Record<string, string>} a
 * @param {Record<string, string>} b
 */
export function sameManifest(a, b) {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
