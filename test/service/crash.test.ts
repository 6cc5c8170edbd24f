/**
 * Crash safety: a child process ingesting a large batch into a SQLite file is killed with SIGKILL
 * mid-way. Reopened, the file holds only whole articles (row, story assignment, story counters and
 * full-text entry agree), and running the same ingest again completes it with nothing stored twice.
 * The child puts off the reports of stories it has already built (a report interval), so the kill
 * also leaves stale reports, which the re-run rebuilds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { syntheticArticles } from './synthetic.js';

const EVENTS = 120;
const PER_EVENT = 6;
const BATCH = 20;
const TOTAL = EVENTS * PER_EVENT;
const dir = mkdtempSync(join(tmpdir(), 'chorus-crash-'));
const db = join(dir, 'crash.db');
const child = join(import.meta.dirname, 'crash-child.ts');
const root = join(import.meta.dirname, '..', '..');

/** Runs the child; with `killAfter`, SIGKILLs it once that many batches have been reported committed. */
function runChild(killAfter?: number): Promise<{ batches: number; signal: string | null; output: string }> {
  return new Promise((resolve, reject) => {
    // One process (node with tsx's loader, not the tsx launcher, which would leave its child running).
    const args = ['--import', 'tsx/esm', child, db, String(EVENTS), String(PER_EVENT), String(BATCH)];
    const proc = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let batches = 0;
    proc.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      batches = (output.match(/^batch /gm) ?? []).length;
      if (killAfter !== undefined && batches >= killAfter) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (_code, signal) => resolve({ batches, signal, output }));
  });
}

/** Checks that every stored article is whole; returns the number stored. */
function checkConsistent(): number {
  const sql = new Database(db, { readonly: false });
  try {
    expect(sql.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sql.pragma('foreign_key_check')).toEqual([]);
    // FTS5's own check that its index matches the article rows exactly.
    sql.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").run();
    const count = sql.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    const orphans = sql
      .prepare('SELECT count(*) FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE s.id IS NULL')
      .pluck()
      .get();
    expect(orphans).toBe(0);
    const counters = sql
      .prepare(
        `SELECT count(*) FROM stories s WHERE s.article_count <>
           (SELECT count(*) FROM articles a WHERE a.story_id = s.id)`,
      )
      .pluck()
      .get();
    expect(counters).toBe(0);
    const empty = sql.prepare('SELECT count(*) FROM stories WHERE article_count = 0').pluck().get();
    expect(empty).toBe(0);
    // Each stored article is found by its own reference code, and only it.
    const codes = sql.prepare('SELECT id, text FROM articles').all() as { id: string; text: string }[];
    const search = sql.prepare(
      'SELECT a.id FROM articles_fts f JOIN articles a ON a.seq = f.rowid WHERE articles_fts MATCH ?',
    );
    for (const { id, text } of codes) {
      const code = /reference (xq\w+)/.exec(text)?.[1] ?? '';
      expect(search.pluck().all(`"${code}"`)).toEqual([id]);
    }
    return count;
  } finally {
    sql.close();
  }
}

describe('crash safety', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves only whole articles after SIGKILL, and a re-run completes without duplicates', async () => {
    // The made-up events share most of their words, so they grow one story: built by the first batch,
    // its report is put off from the second on.
    const killed = await runChild(8);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.output).not.toMatch(/^done/m);
    const stored = checkConsistent();
    // At least the batches it reported, and not everything.
    expect(stored).toBeGreaterThanOrEqual(8 * BATCH);
    expect(stored).toBeLessThan(TOTAL);
    expect(stored % BATCH).toBe(0);
    const stale = new Database(db, { readonly: true });
    const left = stale.prepare('SELECT count(*) FROM stories WHERE report_version < version').pluck().get();
    stale.close();
    expect(left).toBeGreaterThan(0);

    const rerun = await runChild();
    expect(rerun.signal).toBeNull();
    expect(rerun.output).toMatch(new RegExp(`^done ingested=${TOTAL - stored} duplicates=${stored}$`, 'm'));
    expect(checkConsistent()).toBe(TOTAL);

    const store = await openStore({ sqlitePath: db });
    try {
      const ids = new Set(syntheticArticles(EVENTS, PER_EVENT).map((a) => a.id));
      const page = await store.listArticles({ limit: 200 });
      expect(page.total).toBe(TOTAL);
      let seen = 0;
      for (let offset = 0; offset < TOTAL; offset += 200) {
        for (const a of (await store.listArticles({ limit: 200, offset })).items) {
          expect(ids.delete(a.id)).toBe(true);
          seen++;
        }
      }
      expect(seen).toBe(TOTAL);
      expect(ids.size).toBe(0);
      expect((await store.stats()).staleReports).toBe(0);
    } finally {
      await store.close();
    }
  }, 180_000);
});
