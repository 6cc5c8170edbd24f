/**
 * A story that keeps growing has its report rebuilt at most once per interval (`reportEveryMs`), and
 * always ends current: the worker's sweep rebuilds it once the interval has passed, `flush` before a
 * stop, and after a crash between a batch and its rebuild the story is stale in the store, which the
 * next worker rebuilds. Meanwhile the API says the report is not current. On a real SQLite file with
 * the in-process queue and a real PostgreSQL server with pg-boss.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildStoryReport } from '../../src/core/pipeline.js';
import { openJobs } from '../../src/jobs/open-jobs.js';
import { startWorker, type BackgroundWorker } from '../../src/service/background-worker.js';
import { IngestService } from '../../src/service/ingest-service.js';
import { storyOf } from '../../src/service/refresh-reports.js';
import { dropPostgresSchema } from '../../src/storage/dialects/postgres.js';
import type { Store } from '../../src/storage/store.js';
import { storyDetail } from '../../src/server/routes/stories.js';
import { backends } from '../storage/backends.js';
import { syntheticArticles } from './synthetic.js';

/** Six articles of one made-up event, in three batches of two. */
const ARTICLES = syntheticArticles(1, 6, 11);
const BATCHES = [ARTICLES.slice(0, 2), ARTICLES.slice(2, 4), ARTICLES.slice(4, 6)];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds (polling), or fails after `ms`. */
async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; !(await check()); await sleep(50))
    if (Date.now() > end) throw new Error('waited too long');
}

const current = async (store: Store, id: string) => {
  const stamp = await store.storyStamp(id);
  return stamp !== undefined && stamp.reportVersion === stamp.version;
};

/** The stored report equals one built from scratch from the stored story. */
async function expectFromScratch(store: Store, id: string) {
  const stored = await store.getStory(id);
  expect(stored?.reportVersion).toBe(stored?.version);
  expect(stored?.report).toEqual(buildStoryReport(storyOf(stored!), { method: 'chorus', words: 250 }));
}

describe.each(backends())('report interval on $name', (backend) => {
  const pgUrl = process.env.CHORUS_TEST_DATABASE_URL;
  const stores: Store[] = [];
  const workers: BackgroundWorker[] = [];
  const queueSchemas: string[] = [];
  const fresh = async () => {
    const store = await backend.fresh();
    stores.push(store);
    return store;
  };
  /** A worker on `service` with the backend's real queue (pg-boss in the store's schema on PostgreSQL). */
  const worker = async (service: IngestService) => {
    const schema = `chorus_ri${process.pid}_${queueSchemas.length}_${Date.now().toString(36)}`;
    queueSchemas.push(schema);
    const jobs = await openJobs(backend.name === 'postgres' ? { databaseUrl: pgUrl!, schema } : {});
    const w = await startWorker(service, undefined, { idleMs: 50, feeds: false }, {}, jobs);
    workers.push(w);
    return w;
  };
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  });
  afterAll(async () => {
    await backend.cleanup();
    if (backend.name === 'postgres')
      for (const s of queueSchemas) await dropPostgresSchema(pgUrl!, `${s}_jobs`);
  });

  describe.skipIf(!backend.available)('', () => {
    it(
      'rebuilds a story touched by batch after batch once per interval, then once more when due',
      {
        timeout: 60_000,
      },
      async () => {
        const store = await fresh();
        const every = 3000;
        const service = await IngestService.open(store, { reportEveryMs: every });
        const first = await service.ingest(BATCHES[0]!);
        const [id] = first.stories;
        expect(first.stories).toHaveLength(1);
        // A new story gets its report at once (no report to wait on).
        expect(first.reports).toBe(1);
        expect(first.deferred).toBeUndefined();
        const builtAt = (await store.storyStamp(id!))?.reportAt;
        expect(builtAt).toBeDefined();

        for (const batch of BATCHES.slice(1)) {
          const later = await service.ingest(batch);
          expect(later.stories).toEqual([id]);
          expect(later.reports).toBe(0);
          expect(later.deferred).toEqual([id]);
        }
        expect(service.waiting).toBe(1);
        // Served meanwhile, the report says it is behind the story.
        const behind = await store.getStory(id!);
        expect(storyDetail(behind!).story.reportCurrent).toBe(false);
        expect(behind?.report?.story.articles).toHaveLength(2);
        expect(behind?.articles).toHaveLength(6);

        await worker(service);
        await until(() => current(store, id!));
        const rebuiltAt = (await store.storyStamp(id!))?.reportAt;
        // Not before the interval had passed since the last rebuild, and one rebuild for both batches.
        expect(Date.parse(rebuiltAt!) - Date.parse(builtAt!)).toBeGreaterThanOrEqual(every);
        expect(service.reportsBuilt).toBe(2);
        expect(service.waiting).toBe(0);
        await expectFromScratch(store, id!);
      },
    );

    it('flushes what it put off: a stop leaves no report stale', async () => {
      const store = await fresh();
      const service = await IngestService.open(store, { reportEveryMs: 3_600_000 });
      const [id] = (await service.ingest(BATCHES[0]!)).stories;
      await service.ingest(BATCHES[1]!);
      expect((await store.stats()).staleReports).toBe(1);
      const flushed = await service.flush();
      expect(flushed.reports).toBe(1);
      expect((await store.stats()).staleReports).toBe(0);
      await expectFromScratch(store, id!);
      // Nothing put off is left: a second flush builds nothing.
      expect((await service.flush()).reports).toBe(0);
    });

    it('rebuilds a story once when a job and a call ask for it together', async () => {
      const store = await fresh();
      const service = await IngestService.open(store, { refresh: false });
      const [id] = (await service.ingest(ARTICLES)).stories;
      const results = await Promise.all([service.refreshStories([id!]), service.refreshStories([id!])]);
      expect(results.map((r) => r.reports)).toEqual([1, 0]);
      expect(service.reportsBuilt).toBe(1);
    });

    it(
      'after a crash between a batch and its rebuild, the next worker rebuilds the story when due',
      {
        timeout: 60_000,
      },
      async () => {
        const store = await fresh();
        const before = await IngestService.open(store, { reportEveryMs: 3_600_000 });
        const [id] = (await before.ingest(BATCHES[0]!)).stories;
        await before.ingest(BATCHES[1]!);
        await before.ingest(BATCHES[2]!);
        // The process dies here: its list of put-off stories is gone, the store keeps the story stale.
        await store.close();
        stores.pop();

        const reopened = await backend.reopen();
        stores.push(reopened);
        expect((await reopened.stats()).staleReports).toBe(1);
        const service = await IngestService.open(reopened, { reportEveryMs: 1000 });
        expect(service.waiting).toBe(0);
        await worker(service);
        await until(() => current(reopened, id!));
        expect(service.reportsBuilt).toBe(1);
        await expectFromScratch(reopened, id!);
      },
    );
  });
});
