/**
 * Jobs shared by several worker processes on one PostgreSQL (pg-boss), for real: each stale report is
 * rebuilt by exactly one worker (counted from every worker's JSON lines), and a worker killed with
 * SIGKILL in the middle of a feed poll loses nothing: another worker polls the feed once its lease has
 * run out (or the lock died with the killed worker's connection), and every article is stored once.
 * Runs when CHORUS_TEST_DATABASE_URL names a server; skipped (and counted as skipped) otherwise.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestService } from '../../src/service/ingest-service.js';
import { dropPostgresSchema } from '../../src/storage/dialects/postgres.js';
import { openStore } from '../../src/storage/open-store.js';
import { loneStories } from '../service/lone-stories.js';
import { startServerProcess } from '../server/server-process.js';
import { startWorkerProcess, type WorkerProcess } from './worker-process.js';

const pgUrl = process.env.CHORUS_TEST_DATABASE_URL;
const schemas = ['a', 'b', 'c'].map((x) => `chorus_jobs_${x}_${process.pid}`);

/** The database URL whose connections work in `schema` (the CLI has no schema flag; libpq options do). */
function inSchema(schema: string): string {
  const url = new URL(pgUrl!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

async function stopAll(workers: readonly WorkerProcess[]): Promise<(number | null)[]> {
  for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGTERM');
  return Promise.all(workers.map((w) => w.exited));
}

describe.skipIf(!pgUrl)('jobs on PostgreSQL shared by several worker processes', () => {
  afterAll(async () => {
    for (const s of schemas) {
      await dropPostgresSchema(pgUrl!, s);
      await dropPostgresSchema(pgUrl!, `${s}_jobs`);
    }
  });

  it(
    'three workers rebuild the reports of new articles in rounds: each stale story once, shared out',
    { timeout: 300_000 },
    async () => {
      const schema = schemas[0]!;
      const store = await openStore({ databaseUrl: pgUrl!, schema });
      const workers = [0, 1, 2].map(() => startWorkerProcess(['--db', inSchema(schema), '--no-feeds']));
      try {
        await Promise.all(workers.map((w) => w.waitFor((l) => l.event === 'ready', 120_000)));
        const service = await IngestService.open(store, { refresh: false });
        // In rounds: one worker that wakes first can drain a small batch before the others' next poll
        // (a second apart), so sharing shows only over several rounds. Each round waits for its
        // reports, then for every worker's poll to come round again.
        // A story is stale once per round that gave it an article: that many rebuilds, no more.
        const roundsOf = new Map<string, number>();
        const donePids = () =>
          new Set(
            workers
              .filter((w) => w.lines.some((l) => l.event === 'end' && l.result === 'done'))
              .map((w) => w.child.pid),
          );
        for (let round = 0; round < 8 && (round < 4 || donePids().size < 2); round++) {
          const ingested = await service.ingest(loneStories(10, round * 10));
          for (const s of new Set(ingested.stories)) roundsOf.set(s, (roundsOf.get(s) ?? 0) + 1);
          for (let waited = 0; (await store.stats()).staleReports > 0 && waited < 180_000; waited += 200)
            await new Promise((resolve) => setTimeout(resolve, 200));
          expect((await store.stats()).staleReports).toBe(0);
          await new Promise((resolve) => setTimeout(resolve, 1_200));
        }
        // (A pair of them may share enough words to form one story.)
        expect(roundsOf.size).toBeGreaterThan(30);
        const codes = await stopAll(workers);
        expect(codes).toEqual([0, 0, 0]);

        const done = workers.flatMap((w) =>
          w.lines.filter((l) => l.event === 'end' && l.result === 'done' && l.job?.kind === 'rebuild-report'),
        );
        const perStory = new Map<string, number>();
        for (const l of done) perStory.set(l.job!.storyId!, (perStory.get(l.job!.storyId!) ?? 0) + 1);
        expect(Object.fromEntries([...perStory].sort())).toEqual(Object.fromEntries([...roundsOf].sort()));
        // The work was shared: more than one process did some of it.
        expect(new Set(done.map((l) => l.pid)).size).toBeGreaterThan(1);
      } finally {
        await stopAll(workers);
        await store.close();
      }
    },
  );

  it(
    'a worker killed with SIGKILL mid-poll: another polls the feed, every article stored once',
    { timeout: 300_000 },
    async () => {
      const schema = schemas[1]!;
      // A feed of three items whose first page hangs the first time it is asked for.
      let hung: ServerResponse | undefined;
      let pageRequests = 0;
      const server = createServer((req, res) => {
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        if (req.url === '/feed.xml') {
          const items = [1, 2, 3]
            .map(
              (i) =>
                `<item><title>Ferry ${i} returns to Larkhaven</title><link>${base}/page/${i}</link>` +
                `<guid>${base}/page/${i}</guid><description>Ferry ${i}.</description></item>`,
            )
            .join('');
          res.writeHead(200, { 'content-type': 'application/rss+xml' });
          res.end(
            `<?xml version="1.0"?><rss version="2.0"><channel><title>Larkhaven Gazette</title>${items}</channel></rss>`,
          );
          return;
        }
        const page = /^\/page\/(\d)$/.exec(req.url ?? '');
        if (!page) {
          res.writeHead(404).end();
          return;
        }
        pageRequests++;
        if (page[1] === '1' && !hung) {
          hung = res; // never answered: its worker is killed meanwhile
          return;
        }
        const n = page[1];
        const para = (k: number) =>
          `<p>The harbour master of Larkhaven said ferry ${n} would sail again on route ${k} from Monday, ` +
          `after the pier at Gullstone was mended by the island's own carpenters in ${n}${k} days.</p>`;
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          `<html><head><title>Ferry ${n}</title></head><body><article><h1>Ferry ${n} returns</h1>` +
            `${para(1)}${para(2)}${para(3)}</article></body></html>`,
        );
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
      const store = await openStore({ databaseUrl: pgUrl!, schema });
      const feed = await store.addFeed(feedUrl);
      const args = ['--db', inSchema(schema), '--allow-private', '--lease', '3', '--poll-every', '3600'];
      const workers = [startWorkerProcess(args), startWorkerProcess(args)];
      try {
        const started = await Promise.race(
          workers.map((w) => w.waitFor((l) => l.event === 'start' && l.job?.kind === 'poll-feed', 120_000)),
        );
        for (let waited = 0; !hung && waited < 60_000; waited += 100)
          await new Promise((resolve) => setTimeout(resolve, 100));
        expect(hung).toBeDefined();
        const victim = workers.find((w) => w.child.pid === started.pid)!;
        const other = workers.find((w) => w !== victim)!;
        victim.child.kill('SIGKILL');
        expect(await victim.exited).toBeNull();
        const killedAt = Date.now();

        const finished = await other.waitFor(
          (l) => l.event === 'end' && l.job?.kind === 'poll-feed' && l.result === 'done',
          120_000,
        );
        expect(finished.pid).toBe(other.child.pid);
        const retryMs = Date.now() - killedAt;
        expect(await stopAll([other])).toEqual([0]);

        const articles = await store.listArticles({ feedId: feed.id, limit: 50 });
        const urls = articles.items.map((a) => a.url).sort();
        expect(urls).toEqual([1, 2, 3].map((i) => feedUrl.replace('feed.xml', `page/${i}`)));
        // Polled once to the end: one 'done' poll over both workers, one poll line.
        const all = workers.flatMap((w) => w.lines);
        expect(
          all.filter((l) => l.event === 'end' && l.job?.kind === 'poll-feed' && l.result === 'done'),
        ).toHaveLength(1);
        expect(all.filter((l) => l.event === 'poll')).toHaveLength(1);
        expect(pageRequests).toBeGreaterThanOrEqual(4);
        expect(retryMs).toBeLessThan(120_000);
      } finally {
        hung?.destroy();
        await stopAll(workers);
        await store.close();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  );

  it('chorus serve works the same queue by default and stops cleanly', { timeout: 300_000 }, async () => {
    const schema = schemas[2]!;
    const store = await openStore({ databaseUrl: pgUrl!, schema });
    const server = await startServerProcess(
      ['serve', '--port', '0', '--db', inSchema(schema), '--no-samples', '--log-level', 'warn'],
      {},
      120_000,
    );
    try {
      const service = await IngestService.open(store, { refresh: false });
      await service.ingest(loneStories(6, 200));
      expect((await store.stats()).staleReports).toBeGreaterThan(0);
      for (let waited = 0; (await store.stats()).staleReports > 0 && waited < 120_000; waited += 500)
        await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await store.stats()).staleReports).toBe(0);
      // The reports were rebuilt through pg-boss's tables, not beside them.
      const pool = new pg.Pool({ connectionString: pgUrl!, max: 1 });
      const { rows } = await pool
        .query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${schema}_jobs.job WHERE name = 'chorus-rebuild-report'`,
        )
        .finally(() => pool.end());
      expect(rows[0]?.n).toBeGreaterThan(0);
    } finally {
      server.proc.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);
      await store.close();
    }
  });
});
