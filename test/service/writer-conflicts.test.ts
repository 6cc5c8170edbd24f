/**
 * A batch another writer keeps getting in before is replayed until it lands: the service used to give
 * up after 5 refusals in a row (exit 10 with nothing stored). Here a meddling store lets a second
 * handle on the same database write one article just before each of this service's first 8 writes, so
 * each of them is refused.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffMs, IngestService } from '../../src/service/ingest-service.js';
import type { BatchWrite, Store } from '../../src/storage/store.js';
import { backends } from '../storage/backends.js';
import { DAM_ARTICLES } from './fixtures.js';
import { syntheticArticles } from './synthetic.js';

describe('backoffMs', () => {
  it.each([
    [1, 0.5, 10],
    [2, 0.5, 20],
    [3, 0.99, 79],
    [20, 0.5, 500],
    [1, 0, 0],
  ])('after %i refusals with random %f waits %i ms', (n, random, expected) => {
    expect(backoffMs(n, { baseMs: 20, maxMs: 1000 }, () => random)).toBe(expected);
  });
});

for (const backend of backends())
  describe.skipIf(!backend.available)(`writers on ${backend.name}`, () => {
    let store: Store;
    let other: Store;
    beforeEach(async () => {
      store = await backend.fresh();
      other = await backend.reopen();
    });
    afterEach(async () => {
      await other.close();
      await store.close();
    });
    afterAll(() => backend.cleanup());

    it('replays a batch refused 8 times in a row until it lands, every article stored once', async () => {
      const otherService = await IngestService.open(other, { refresh: false });
      const extra = syntheticArticles(4, 2, 11);
      let meddle = extra.length;
      const meddling = new Proxy(store, {
        get(target, prop) {
          if (prop === 'writeBatch')
            return async (batch: BatchWrite) => {
              const next = extra[--meddle];
              if (next) await otherService.ingest([next]);
              return target.writeBatch(batch);
            };
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        },
      });
      const service = await IngestService.open(meddling, { backoff: { baseMs: 1, maxMs: 4 } });
      const result = await service.ingest(DAM_ARTICLES);
      expect(result.outcomes.map((o) => o.status)).toEqual(['ingested', 'ingested', 'ingested']);
      expect(service.conflicts).toBe(8);
      const stats = await store.stats();
      expect(stats.articles).toBe(DAM_ARTICLES.length + extra.length);
      // The three articles of one event still form one story after the replays.
      const stories = new Set(result.outcomes.map((o) => (o.status === 'ingested' ? o.storyId : '')));
      expect(stories.size).toBe(1);
      const again = await service.ingest(DAM_ARTICLES);
      expect(again.outcomes.map((o) => o.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    });
  });
