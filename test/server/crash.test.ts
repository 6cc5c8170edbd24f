/**
 * Crash safety through the HTTP server: the real `chorus serve` process is SIGKILLed while a large
 * POST /api/articles is being ingested. Restarted on the same SQLite file, the store is whole (only
 * complete batches, counters and full-text index agree with the rows), and posting everything again
 * completes it with nothing stored twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticArticles } from '../service/synthetic.js';
import { startServerProcess } from './server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'chorus-server-crash-'));
const db = join(dir, 'crash.db');
const articles = syntheticArticles(80, 6).map((a) => ({
  id: a.id,
  source: a.source,
  title: a.title,
  date: a.date,
  text: a.text,
}));
const half = articles.length / 2;
const FIRST = articles.slice(0, half);
const SECOND = articles.slice(half);
const args = ['serve', '--port', '0', '--db', db, '--no-samples', '--log-level', 'warn'];

function post(url: string, body: unknown): Promise<Response> {
  return fetch(`${url}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Checks the file holds only whole articles; returns how many it holds. */
function checkConsistent(): number {
  const sql = new Database(db);
  try {
    expect(sql.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sql.pragma('foreign_key_check')).toEqual([]);
    sql.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").run();
    const count = sql.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    const orphans = sql
      .prepare('SELECT count(*) FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE s.id IS NULL')
      .pluck()
      .get();
    const counters = sql
      .prepare(
        `SELECT count(*) FROM stories s
          WHERE s.article_count <> (SELECT count(*) FROM articles a WHERE a.story_id = s.id)`,
      )
      .pluck()
      .get();
    expect([orphans, counters]).toEqual([0, 0]);
    return count;
  } finally {
    sql.close();
  }
}

describe('server crash safety', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the store whole when killed mid-ingest, and a re-post completes it without duplicates', async () => {
    const server = await startServerProcess(args);
    const first = await post(server.url, FIRST);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { counts: { ingested: number } }).counts.ingested).toBe(half);

    // The second half is in flight (parsed, clustered, written or rebuilding reports) when the kill lands.
    const inFlight = post(server.url, SECOND).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 400));
    server.proc.kill('SIGKILL');
    expect((await server.exited).signal).toBe('SIGKILL');
    const answer = await inFlight;
    const stored = checkConsistent();
    // One POST is one transaction: all of the second half or none of it.
    expect([half, articles.length]).toContain(stored);
    if (answer instanceof Response) expect(stored).toBe(articles.length);

    const restarted = await startServerProcess(args);
    try {
      const again = await post(restarted.url, articles);
      expect(again.status).toBe(200);
      const body = (await again.json()) as {
        counts: { ingested: number; duplicate: number; rejected: number };
      };
      expect(body.counts).toEqual({ ingested: articles.length - stored, duplicate: stored, rejected: 0 });

      // Reports left stale by the kill are rebuilt by the restarted server.
      let health = { articles: 0, staleReports: -1 };
      for (const until = Date.now() + 60_000; Date.now() < until;) {
        health = (await (await fetch(`${restarted.url}/api/health`)).json()) as typeof health;
        if (health.staleReports === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(health).toMatchObject({ articles: articles.length, staleReports: 0 });
      const ids = new Set<string>();
      for (let offset = 0; offset < articles.length; offset += 200) {
        const page = (await (
          await fetch(`${restarted.url}/api/articles?limit=200&offset=${offset}`)
        ).json()) as {
          items: { id: string }[];
        };
        for (const a of page.items) ids.add(a.id);
      }
      expect(ids).toEqual(new Set(articles.map((a) => a.id)));
    } finally {
      restarted.proc.kill('SIGTERM');
      await restarted.exited;
    }
    expect(checkConsistent()).toBe(articles.length);
  }, 240_000);
});
