/**
 * Story answers are cached by story version: a second request is served from the cache; a new article
 * posted through the server is seen at once, and one added by another writer once the version check
 * expires; requests that find a check expired together share one read. The LRU keeps within its byte
 * budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageCache } from '../../src/server/page-cache.js';
import { DAM_ARTICLES, syndicatedCopy } from '../service/fixtures.js';
import { backends } from '../storage/backends.js';
import { testServer, type TestServer } from './harness.js';

/** Version checks trusted this long (ms) in these tests. */
const TTL = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PageCache', () => {
  it('evicts the least recently used entries beyond its byte budget', () => {
    const cache = new PageCache(100); // 50 UTF-16 characters
    cache.set('a', 'x'.repeat(20), {});
    cache.set('b', 'y'.repeat(20), {});
    expect(cache.get('a')?.body).toBe('x'.repeat(20)); // a is now the most recent
    cache.set('c', 'z'.repeat(20), {});
    expect([
      cache.get('a') !== undefined,
      cache.get('b') !== undefined,
      cache.get('c') !== undefined,
    ]).toEqual([true, false, true]);
    cache.set('huge', 'w'.repeat(80), {});
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});

for (const backend of backends()) {
  describe.skipIf(!backend.available)(`story answer cache (${backend.name})`, () => {
    let server: TestServer;
    let id = '';
    beforeAll(async () => {
      server = await testServer(backend, {}, { checkTtlMs: TTL });
      const result = await server.service.ingest(DAM_ARTICLES);
      id = result.stories[0] ?? '';
    });
    afterAll(async () => {
      await server.close();
      await backend.cleanup();
    });

    it('serves a story again from the cache with the same headers, and a changed story fresh', async () => {
      for (const url of [`/stories/${id}`, `/api/stories/${id}`]) {
        const { hits, misses } = server.cache;
        const first = await server.app.inject(url);
        const second = await server.app.inject(url);
        expect([server.cache.misses - misses, server.cache.hits - hits]).toEqual([1, 1]);
        expect(first.statusCode).toBe(200);
        expect(second.body).toBe(first.body);
        for (const h of ['content-type', 'content-security-policy', 'x-content-type-options'])
          expect(second.headers[h], h).toBe(first.headers[h]);
      }
      const before = (await server.app.inject(`/api/stories/${id}`)).json();
      expect(before.articles).toHaveLength(3);

      // Another writer (as `chorus ingest` in another process would) adds a copy to the story: the
      // cached answer may be served until the version check expires, then the new version is read.
      const copy = syndicatedCopy(DAM_ARTICLES[0]!);
      await server.service.ingest([copy]);
      await sleep(TTL + 50);
      const misses = server.cache.misses;
      const after = (await server.app.inject(`/api/stories/${id}`)).json();
      expect(server.cache.misses).toBe(misses + 1);
      expect(after.articles).toHaveLength(4);
      expect(after.story.version).toBeGreaterThan(before.story.version);
      const page = await server.app.inject(`/stories/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(copy.source);
    });

    it('serves a hit without reading the story again within the check time, and a write through the API is seen at once', async () => {
      const url = `/api/stories/${id}`;
      await server.app.inject(url);
      const before = (await server.app.inject(url)).json();
      const hits = server.cache.hits;
      await server.app.inject(url);
      expect(server.cache.hits).toBe(hits + 1);

      const post = await server.app.inject({
        method: 'POST',
        url: '/api/articles',
        payload: {
          id: 'dam-reprint-2',
          source: 'Tessel Valley Digest',
          title: 'Marlow Dam release goes ahead',
          text: `${DAM_ARTICLES[1]!.text}\n\nThe Digest will update this story as the river rises.`,
        },
      });
      expect(post.json().outcomes[0]).toMatchObject({ status: 'ingested', storyId: id });
      const after = (await server.app.inject(url)).json();
      expect(after.articles.length).toBe(before.articles.length + 1);
    });

    it('reads a story once for many requests that find its check expired at the same time', async () => {
      const url = `/stories/${id}`;
      await server.app.inject(url);
      await sleep(TTL + 50);
      const store = server.store;
      let reads = 0;
      const stamp = store.storyStamp.bind(store);
      Object.assign(store, { storyStamp: (storyId: string) => (reads++, stamp(storyId)) });
      try {
        const answers = await Promise.all(Array.from({ length: 20 }, () => server.app.inject(url)));
        expect(answers.every((a) => a.statusCode === 200)).toBe(true);
        expect(reads).toBe(1);
      } finally {
        Reflect.deleteProperty(store, 'storyStamp');
      }
    });

    it('does not cache misses: an unknown story stays a 404', async () => {
      const size = server.cache.size;
      expect((await server.app.inject('/api/stories/nope')).statusCode).toBe(404);
      expect((await server.app.inject('/stories/nope')).statusCode).toBe(404);
      expect(server.cache.size).toBe(size);
    });
  });
}
