/**
 * The report interval across real processes: `chorus serve --report-every` answers a post into a story
 * rebuilt moments ago without rebuilding it (the API says the report is not current); killed with
 * SIGKILL before the interval passed, it leaves the story stale in the store and `chorus worker --once`
 * rebuilds it; stopped with SIGTERM, it rebuilds what it put off before exiting. SQLite and PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildStoryReport } from '../../src/core/pipeline.js';
import { storyOf } from '../../src/service/refresh-reports.js';
import { dropPostgresSchema } from '../../src/storage/dialects/postgres.js';
import { openStore, type OpenStoreOptions } from '../../src/storage/open-store.js';
import { runCli, startServerProcess } from '../server/server-process.js';
import { syntheticArticles } from './synthetic.js';

const pgUrl = process.env.CHORUS_TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'chorus-interval-'));
const schema = `chorus_ric_${process.pid}`;
const ARTICLES = syntheticArticles(1, 6, 13);

/** Where each backend's store is, for `--db` and for opening it here. */
function target(name: 'sqlite' | 'postgres'): { db: string; open: OpenStoreOptions } {
  if (name === 'sqlite') {
    const path = join(dir, 'interval.db');
    return { db: path, open: { sqlitePath: path } };
  }
  // The CLI has no schema flag; libpq's options do (as `pg-workers.test.ts`).
  const url = new URL(pgUrl!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { db: url.toString(), open: { databaseUrl: pgUrl!, schema } };
}

async function post(base: string, articles: readonly unknown[]) {
  const response = await fetch(`${base}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(articles),
  });
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as { stories: string[] };
}

const reportCurrent = async (base: string, id: string) =>
  ((await (await fetch(`${base}/api/stories/${id}`)).json()) as { story: { reportCurrent: boolean } }).story
    .reportCurrent;

describe.each([
  { name: 'sqlite' as const, available: true },
  { name: 'postgres' as const, available: Boolean(pgUrl) },
])('report interval across processes on $name', ({ name, available }) => {
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (name === 'postgres' && pgUrl) {
      await dropPostgresSchema(pgUrl, schema);
      await dropPostgresSchema(pgUrl, `${schema}_jobs`);
    }
  });

  it.skipIf(!available)(
    'a killed server leaves the put-off story stale for the next worker; a stopped one rebuilds it',
    { timeout: 240_000 },
    async () => {
      const { db, open } = target(name);
      const serve = ['serve', '--port', '0', '--db', db, '--no-samples', '--log-level', 'warn'];
      // Opened first, so that the PostgreSQL schema exists before the server starts in it.
      const store = await openStore(open);
      try {
        const killed = await startServerProcess([...serve, '--report-every', '3600'], {}, 120_000);
        const [id] = (await post(killed.url, ARTICLES.slice(0, 2))).stories;
        expect(await reportCurrent(killed.url, id!)).toBe(true);
        expect((await post(killed.url, ARTICLES.slice(2, 4))).stories).toEqual([id]);
        expect(await reportCurrent(killed.url, id!)).toBe(false);
        killed.proc.kill('SIGKILL');
        await killed.exited;

        expect((await store.stats()).staleReports).toBe(1);
        const worker = runCli(['worker', '--once', '--no-feeds', '--db', db]);
        expect((await worker.exited).code, worker.output()).toBe(0);
        const rebuilt = await store.getStory(id!);
        expect(rebuilt?.reportVersion).toBe(rebuilt?.version);
        expect(rebuilt?.report).toEqual(
          buildStoryReport(storyOf(rebuilt!), { method: 'chorus', words: 250 }),
        );

        const stopped = await startServerProcess([...serve, '--report-every', '3600'], {}, 120_000);
        expect((await post(stopped.url, ARTICLES.slice(4, 6))).stories).toEqual([id]);
        expect(await reportCurrent(stopped.url, id!)).toBe(false);
        stopped.proc.kill('SIGTERM');
        expect((await stopped.exited).code, stopped.output()).toBe(0);
        expect((await store.stats()).staleReports).toBe(0);
        const last = await store.getStory(id!);
        expect(last?.articles).toHaveLength(6);
        expect(last?.report).toEqual(buildStoryReport(storyOf(last!), { method: 'chorus', words: 250 }));
      } finally {
        await store.close();
      }
    },
  );
});
