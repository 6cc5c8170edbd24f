import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sameManifest, sourceManifest } from '../../bin/source-manifest.js';

// bin/chorus.js runs dist/ only while src/ lists what the build was made from: every change below
// must make the two lists differ, or an edited source would be shadowed by an older build.
describe('source manifest', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chorus-manifest-'));
    mkdirSync(join(dir, 'core'));
    writeFileSync(join(dir, 'core', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'main.ts'), 'export {};\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const built = () => sourceManifest(dir)!;

  it.each<[string, (dir: string) => void]>([
    [
      'an edit of the same length',
      (d) => {
        // A fixed time: on a file system with coarse times an edit in the same tick would look the same.
        writeFileSync(join(d, 'core', 'a.ts'), 'export const a = 2;\n');
        utimesSync(join(d, 'core', 'a.ts'), new Date('2021-01-01'), new Date('2021-01-01'));
      },
    ],
    [
      'a file copied in with an older date',
      (d) => {
        writeFileSync(join(d, 'core', 'a.ts'), 'export const a = 3;\n');
        utimesSync(join(d, 'core', 'a.ts'), new Date('2020-01-01'), new Date('2020-01-01'));
      },
    ],
    ['a new file', (d) => writeFileSync(join(d, 'core', 'b.ts'), 'export {};\n')],
    ['a deleted file', (d) => rmSync(join(d, 'main.ts'))],
    ['a name with # and %2f', (d) => writeFileSync(join(d, 'a#b%2fc.json'), '{}')],
    ['a dangling link', (d) => symlinkSync('nowhere', join(d, 'core', 'gone.ts'))],
  ])('tells %s', (_, change) => {
    const before = built();
    change(dir);
    const after = sourceManifest(dir);
    expect(after).toBeDefined();
    expect(sameManifest(before, after!)).toBe(false);
  });

  it('finds an untouched tree the same, and a missing one unreadable', () => {
    expect(sameManifest(built(), built())).toBe(true);
    expect(sourceManifest(join(dir, 'missing'))).toBeUndefined();
  });
});
