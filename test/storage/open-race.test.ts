/**
 * Several processes opening one new SQLite file at the same moment (two `chorus ingest` runs started
 * together): every one must open it, none may fail on "table … already exists" because two of them
 * migrated at once. Real processes on a real file; they wait for a shared start time so that their
 * opening overlaps rather than being spread by Node's start-up.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'chorus-open-race-'));
const OPEN_STORE = pathToFileURL(join(ROOT, 'src', 'storage', 'open-store.ts')).href;

const SCRIPT = `
const [path, at] = process.argv.slice(-2);
const { openStore } = await import(${JSON.stringify(OPEN_STORE)});
while (Date.now() < Number(at)) await new Promise((r) => setTimeout(r, 1));
const store = await openStore({ sqlitePath: path });
const stats = await store.stats();
await store.close();
console.log(stats.articles);
`;

function openAt(path: string, at: number): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx/esm', '--input-type=module', '-e', SCRIPT, path, String(at)],
      { cwd: ROOT },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stderr, stdout }));
  });
}

describe('opening one new SQLite file from several processes at once', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every process opens it and finds the schema', { timeout: 120_000 }, async () => {
    // One process first, alone: tsx compiles the store's modules into its cache, which several
    // processes starting cold would all write at once.
    expect((await openAt(join(dir, 'warm.db'), 0)).code).toBe(0);
    // Without the migration under one write lock, 3 of 15 rounds of 8 processes failed here.
    for (let round = 0; round < 4; round++) {
      const path = join(dir, `race-${round}.db`);
      const at = Date.now() + 6_000;
      const runs = await Promise.all(Array.from({ length: 6 }, () => openAt(path, at)));
      for (const run of runs) {
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout.trim()).toBe('0');
      }
    }
  });
});
