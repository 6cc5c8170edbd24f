/**
 * Several writers on one store, as real processes: two `chorus ingest` runs of one file into one SQLite
 * file (and into PostgreSQL when CHORUS_TEST_DATABASE_URL names a server), and one `chorus ingest`
 * beside `chorus serve` taking an API post every 0.2 s. Every run exits 0, every article is stored
 * once, and no report is left stale. Articles are fictional (`synthetic.ts`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/model.js';
import { openStore, type OpenStoreOptions } from '../../src/storage/open-store.js';
import { dropPostgresSchema } from '../../src/storage/dialects/postgres.js';
import { startServerProcess } from '../server/server-process.js';
import { runChorus } from '../cli/run-chorus.js';
import { syntheticArticles } from './synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'chorus-writers-'));
const pgUrl = process.env.CHORUS_TEST_DATABASE_URL;
const pgSchema = `chorus_writers_${process.pid}`;
const ARTICLES = syntheticArticles(10, 6, 23);
const file = join(dir, 'articles.jsonl');
writeFileSync(file, ARTICLES.map((a) => JSON.stringify(record(a))).join('\n') + '\n');

function record(a: Article): object {
  return { id: a.id, title: a.title, source: a.source, url: a.url, date: a.date, text: a.text };
}

const chorus = (...args: string[]) => runChorus(args, { timeout: 240_000, env: { DATABASE_URL: '' } });

/** What the store holds: articles, distinct URLs among them, stale reports. */
async function holdings(options: OpenStoreOptions) {
  const store = await openStore(options);
  try {
    const stats = await store.stats();
    const urls = new Set<string>();
    for (let offset = 0; offset < stats.articles; offset += 200) {
      const page = await store.listArticles({ limit: 200, offset });
      for (const a of page.items) urls.add(a.url ?? a.id);
    }
    return { articles: stats.articles, urls: urls.size, stale: stats.staleReports };
  } finally {
    await store.close();
  }
}

async function twoIngests(target: string, options: OpenStoreOptions): Promise<void> {
  const runs = await Promise.all([
    chorus('ingest', file, '--db', target, '--batch', '4', '--no-progress'),
    chorus('ingest', file, '--db', target, '--batch', '4', '--no-progress'),
  ]);
  for (const run of runs) {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }
  // Between them the two runs stored each article once: one run's duplicates are the other's ingests.
  const ingested = runs.map((r) => Number(/ingested (\d+)/.exec(r.stdout)?.[1] ?? -1));
  expect(ingested[0]! + ingested[1]!).toBe(ARTICLES.length);
  expect(await holdings(options)).toEqual({ articles: ARTICLES.length, urls: ARTICLES.length, stale: 0 });
}

describe('several writers on one store', () => {
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (pgUrl) await dropPostgresSchema(pgUrl, pgSchema);
  });

  it(
    'two chorus ingest runs of one file into one SQLite file both finish, each article once',
    { timeout: 300_000 },
    async () => {
      const db = join(dir, 'two.db');
      await twoIngests(db, { sqlitePath: db });
    },
  );

  it.skipIf(!pgUrl)('the same into PostgreSQL', { timeout: 300_000 }, async () => {
    await (await openStore({ databaseUrl: pgUrl!, schema: pgSchema })).close();
    const url = new URL(pgUrl!);
    url.searchParams.set('options', `-c search_path=${pgSchema}`);
    await twoIngests(url.toString(), { databaseUrl: pgUrl!, schema: pgSchema });
  });

  it(
    'chorus ingest beside chorus serve taking a post every 0.2 s: exit 0, no post refused',
    { timeout: 300_000 },
    async () => {
      const db = join(dir, 'served.db');
      const server = await startServerProcess(
        ['serve', '--port', '0', '--db', db, '--no-samples', '--log-level', 'warn'],
        {},
      );
      const statuses: number[] = [];
      let posting = true;
      const poster = (async () => {
        for (let n = 0; posting; n++) {
          const text =
            `Volunteers in Quarry Vale planted ${100 + n} oak saplings along the old tram line on day ${n}, ` +
            `the parish said; the count ${n} was logged by the tree warden.\n\nMore planting is planned.`;
          const res = await fetch(`${server.url}/api/articles`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ text, title: `Oaks planted, round ${n}`, source: 'Quarry Vale Parish' }),
          });
          statuses.push(res.status);
          await res.arrayBuffer();
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      })();
      try {
        const run = await chorus('ingest', file, '--db', db, '--batch', '20', '--no-progress');
        posting = false;
        await poster;
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(statuses.length).toBeGreaterThan(0);
        expect(statuses.filter((s) => s >= 300)).toEqual([]);
        const held = await holdings({ sqlitePath: db });
        expect(held.articles).toBe(ARTICLES.length + statuses.length);
        expect(held.urls).toBe(held.articles);
      } finally {
        posting = false;
        server.proc.kill('SIGTERM');
        await server.exited;
      }
    },
  );
});
