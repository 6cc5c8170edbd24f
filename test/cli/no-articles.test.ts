/**
 * Every command that reads articles fails the same way when its inputs give none: exit 3 when every path
 * is missing, 4 when inputs were read but held no article (an empty folder among them, which `chorus
 * extract` once ended on in silence), and one error line saying why.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noArticlesError } from '../../src/cli/read-outcomes.js';
import { runChorus } from './run-chorus.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chorus-none-'));
  mkdirSync(join(dir, 'empty-folder'));
  writeFileSync(join(dir, 'blank.txt'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('noArticlesError', () => {
  it.each([
    { outcomes: [], code: 'empty-input', message: 'found no files to read' },
    {
      outcomes: [{ input: 'a.txt', status: 'rejected', reason: 'not found: expected a file' }],
      code: 'not-found',
      message: 'found none in 1 input (not found: expected a file)',
    },
    {
      outcomes: [
        { input: 'a.txt', status: 'rejected', reason: 'not found: expected a file' },
        { input: 'b.txt', status: 'rejected', reason: 'empty file (0 bytes)' },
      ],
      code: 'empty-input',
      message: 'found none in 2 inputs (not found: expected a file)',
    },
  ] as const)('$code: $message', ({ outcomes, code, message }) => {
    const error = noArticlesError({
      articles: [],
      outcomes: outcomes.map((o) => ({ ...o, articles: 0, warnings: [] })),
    });
    expect(error.code).toBe(code);
    expect(error.message).toBe(`expected at least one news article, ${message}`);
  });
});

describe('every reading command', () => {
  it.each(['summarize', 'cluster', 'quotes', 'entities', 'extract'])(
    'chorus %s: exit 4 and the reason on an empty folder, or an empty file beside a missing one',
    async (command) => {
      const [folder, missing] = await Promise.all([
        runChorus([command, join(dir, 'empty-folder')]),
        runChorus([command, join(dir, 'blank.txt'), join(dir, 'missing.txt')]),
      ]);
      expect([folder.code, missing.code]).toEqual([4, 4]);
      expect(folder.stderr).toContain('chorus: expected at least one news article, found no files to read');
      // The first refusal is the one named: an empty file read, a missing path not.
      expect(missing.stderr).toContain('found none in 2 inputs (empty file (0 bytes))');
    },
    60_000,
  );
});
