/**
 * The non-empty lines of a JSON Lines file, gunzipped when its name ends in `.gz`: what the lab
 * scripts that walk Multi-News examples one by one read (the product's readers stream and check).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export function readJsonLines(path: string): string[] {
  const raw = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8').split('\n').filter(Boolean);
}
