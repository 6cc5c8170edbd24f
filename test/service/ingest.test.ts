/**
 * The ingest service end to end on real stores: outcomes per article, stories from clustering,
 * near-duplicate links, reports rebuilt when a story changes, and clusterer state across restarts.
 */
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { IngestService, ingestArticles } from '../../src/service/ingest-service.js';
import type { Store } from '../../src/storage/store.js';
import { backends, freshStoreEach } from '../storage/backends.js';
import { DAM_ARTICLES, ORCHARD_ARTICLES, syndicatedCopy } from './fixtures.js';

for (const backend of backends())
  describe.skipIf(!backend.available)(`ingest service on ${backend.name}`, () => {
    let store: Store;
    freshStoreEach(backend, (s) => (store = s));

    it('stores every article, groups them into stories and builds each story report', async () => {
      const interleaved = [0, 1, 2]
        .flatMap((i) => [DAM_ARTICLES[i], ORCHARD_ARTICLES[i]])
        .filter((a) => a !== undefined);
      const result = await ingestArticles(store, interleaved);
      expect(result.outcomes.map((o) => o.status)).toEqual(Array(6).fill('ingested'));
      expect(result.warnings).toEqual([]);
      const storyOf = (id: string) => {
        const o = result.outcomes.find((x) => x.status === 'ingested' && x.id === id);
        return o?.status === 'ingested' ? o.storyId : undefined;
      };
      expect(new Set(DAM_ARTICLES.map((a) => storyOf(a.id))).size).toBe(1);
      expect(new Set(ORCHARD_ARTICLES.map((a) => storyOf(a.id))).size).toBe(1);
      expect(storyOf('dam-1')).not.toBe(storyOf('orchard-1'));
      expect(result.reports).toBe(2);

      const list = await store.listStories();
      expect(list.items.map((s) => [s.articleCount, s.sourceCount])).toEqual([
        [3, 3],
        [3, 3],
      ]);
      const dam = await store.getStory(storyOf('dam-1') ?? '');
      expect(dam?.title).toBe(DAM_ARTICLES[0]?.title);
      expect(dam?.reportVersion).toBe(dam?.version);
      expect(dam?.report?.summary.sentences.length).toBeGreaterThan(0);
      expect(dam?.report?.story.articles.map((a) => a.id)).toEqual(['dam-1', 'dam-2', 'dam-3']);
      expect((await store.stats()).staleReports).toBe(0);
    });

    it('keeps stories apart when two processes write to one database', async () => {
      // `chorus ingest` beside `chorus serve`: each has its own clusterer over the same store.
      const other = await backend.reopen();
      try {
        const a = await IngestService.open(store);
        const b = await IngestService.open(other);
        await a.ingest(DAM_ARTICLES.slice(0, 1));
        const orchard = await b.ingest(ORCHARD_ARTICLES.slice(0, 1));
        expect(orchard.outcomes[0]).toMatchObject({ status: 'ingested', newStory: true });
        await a.ingest(DAM_ARTICLES.slice(1));
        await b.ingest(ORCHARD_ARTICLES.slice(1));
        const stories = await Promise.all(
          (await store.listStories()).items.map(async (s) => (await store.getStory(s.id))!),
        );
        expect(stories.map((s) => s.articles.map((x) => x.id).sort())).toEqual(
          expect.arrayContaining([
            ['dam-1', 'dam-2', 'dam-3'],
            ['orchard-1', 'orchard-2', 'orchard-3'],
          ]),
        );
        expect(stories).toHaveLength(2);
      } finally {
        await other.close();
      }
    });

    it('reports repeats as duplicates and empty articles as rejected, without failing the batch', async () => {
      await ingestArticles(store, DAM_ARTICLES.slice(0, 2));
      const empty = makeArticle({ id: 'empty', text: '   ', source: 'Nowhere' });
      const result = await ingestArticles(store, [
        DAM_ARTICLES[0]!,
        empty,
        DAM_ARTICLES[2]!,
        DAM_ARTICLES[2]!,
      ]);
      const [repeat, rejected, fresh, again] = result.outcomes;
      expect(repeat).toMatchObject({ status: 'duplicate', id: 'dam-1' });
      expect(repeat?.status === 'duplicate' && repeat.storyId).toBeTruthy();
      expect(rejected).toEqual({ status: 'rejected', reason: 'no article text' });
      expect(fresh).toMatchObject({ status: 'ingested', id: 'dam-3', newStory: false });
      expect(again).toMatchObject({ status: 'duplicate', id: 'dam-3' });
      expect((await store.stats()).articles).toBe(3);
    });

    it('links a syndicated copy to its original and keeps it in the same story', async () => {
      const original = DAM_ARTICLES[0]!;
      await ingestArticles(store, [original]);
      const result = await ingestArticles(store, [syndicatedCopy(original)]);
      const out = result.outcomes[0];
      expect(out).toMatchObject({ status: 'ingested', duplicateOf: original.id });
      expect(out?.status === 'ingested' && out.similarity).toBeGreaterThan(0.8);
      const stored = await store.getArticle('dam-1-copy');
      expect(stored?.duplicateOf).toBe('dam-1');
      expect(stored?.storyId).toBe((await store.getArticle('dam-1'))?.storyId);
    });

    it('gives an article whose id is taken by other content a new id', async () => {
      await ingestArticles(store, [DAM_ARTICLES[0]!]);
      const clash = { ...ORCHARD_ARTICLES[0]!, id: 'dam-1' };
      const out = (await ingestArticles(store, [clash])).outcomes[0];
      expect(out?.status).toBe('ingested');
      expect(out?.status === 'ingested' && out.id).toMatch(/^dam-1~/);
    });

    it.each([
      ['from a snapshot', 1],
      ['by replaying stored articles', 10_000],
    ])('keeps clustering across a restart (%s)', async (_how, snapshotEvery) => {
      const first = await IngestService.open(store, { snapshotEvery });
      const before = await first.ingest([DAM_ARTICLES[0]!, ORCHARD_ARTICLES[0]!]);
      const damStory = before.outcomes[0]?.status === 'ingested' ? before.outcomes[0].storyId : '';
      await store.close();
      store = await backend.reopen();
      const second = await IngestService.open(store, { snapshotEvery });
      const after = await second.ingest([DAM_ARTICLES[1]!, ORCHARD_ARTICLES[1]!]);
      expect(after.outcomes[0]).toMatchObject({ status: 'ingested', storyId: damStory, newStory: false });
      expect(after.outcomes[1]).toMatchObject({ status: 'ingested', newStory: false });
      expect((await store.stats()).stories).toBe(2);
    });

    it('recovers from a refused batch: nothing stored, and the next batch clusters as if it never came', async () => {
      const service = await IngestService.open(store);
      const refused = await service
        .ingest(DAM_ARTICLES.slice(0, 2), { feedId: 'no-such-feed' })
        .catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'storage' });
      expect((await store.stats()).articles).toBe(0);
      const result = await service.ingest(DAM_ARTICLES);
      expect(result.outcomes.map((o) => o.status === 'ingested' && o.newStory)).toEqual([true, false, false]);
    });

    it('rebuilds stale reports on request when batches skip the refresh', async () => {
      const service = await IngestService.open(store, { refresh: false });
      const result = await service.ingest(DAM_ARTICLES);
      expect(result.reports).toBe(0);
      expect((await store.stats()).staleReports).toBe(1);
      expect((await service.refreshStale()).reports).toBe(1);
      expect((await store.stats()).staleReports).toBe(0);
    });
  });
