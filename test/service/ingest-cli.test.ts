/**
 * `chorus ingest` as a person runs it: a real process over text files into a real SQLite file;
 * running it twice stores nothing twice.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { DAM_ARTICLES } from './fixtures.js';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'chorus-ingest-cli-'));
const db = join(dir, 'chorus.db');
const inputs = join(dir, 'articles');

function chorus(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx/esm', 'src/cli/main.ts', ...args],
      { cwd: root, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('chorus ingest', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores a folder of articles as one story, and a second run stores nothing twice', async () => {
    mkdirSync(inputs);
    for (const a of DAM_ARTICLES) {
      writeFileSync(
        join(inputs, `${a.id}.txt`),
        `Title: ${a.title}\nSource: ${a.source}\nURL: ${a.url}\n\n${a.text}\n`,
      );
    }
    const first = await chorus('ingest', inputs, '--db', db);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('ingested 3, duplicates 0, rejected 0; 1 story touched');

    const second = await chorus('ingest', inputs, '--db', db);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('ingested 0, duplicates 3, rejected 0');

    const store = await openStore({ sqlitePath: db });
    try {
      const stories = await store.listStories();
      expect(stories.items).toHaveLength(1);
      expect(stories.items[0]).toMatchObject({ articleCount: 3, sourceCount: 3 });
      const story = await store.getStory(stories.items[0]?.id ?? '');
      expect(story?.report?.summary.sentences.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('says what it expected when given nothing to ingest', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const result = await chorus('ingest', empty, '--db', db);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/expected at least one news article/);
  });
});
