/**
 * The store's reader-side records, on both backends: paused feeds and articles per feed, story ids kept
 * after a merge (permalinks), first-seen times of report keys, and the reader filters of the list.
 */
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { contentHash } from '../../src/core/ids.js';
import type { Article, StoryReport } from '../../src/core/model.js';
import { sentenceKey } from '../../src/core/story-life.js';
import type { ArticleWrite, Store } from '../../src/storage/store.js';
import { backends, freshStoreEach } from './backends.js';

function article(id: string, text: string, extra: Partial<Article> = {}): Article {
  return makeArticle({ id, text, source: 'Harbor Gazette', ...extra });
}

function write(a: Article, storyId: string, extra: Partial<ArticleWrite> = {}): ArticleWrite {
  return { article: a, contentHash: contentHash(a.text), storyId, ...extra };
}

/** A report whose summary takes sentence `n` of article `id` for each [id, n, text]. */
function reportOf(storyId: string, picks: [string, number, string][]): StoryReport {
  return {
    story: { id: storyId, articles: [] },
    summary: {
      method: 'test',
      words: 3,
      sentences: picks.map(([articleId, sentence, text]) => ({
        text,
        citations: [
          {
            article: 0,
            articleId,
            source: 'X',
            sentence,
            similarity: 1,
            score: 1,
            passage: text,
            origin: true,
          },
        ],
      })),
      warnings: [],
    },
    comparison: { agreed: [], unique: [], quotes: [], entities: [], figures: [], disagreements: [] },
    duplicates: [],
    warnings: [],
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const backend of backends()) {
  describe.skipIf(!backend.available)(`reader side on ${backend.name}`, () => {
    let store: Store;
    freshStoreEach(backend, (s) => (store = s));

    it('pauses and resumes a feed, and counts its articles', async () => {
      const feed = await store.addFeed('https://gazette.example/feed.xml');
      expect(feed.pausedAt).toBeUndefined();
      await store.writeBatch({
        stories: [{ id: 's' }],
        articles: [
          write(article('a', 'The ferry ran aground near the pier.'), 's', { feedId: feed.id }),
          write(article('b', 'Divers checked the ferry hull for damage.'), 's', { feedId: feed.id }),
          write(article('c', 'A council vote was held on the tram.'), 's'),
        ],
      });
      await store.updateFeed(feed.id, { pausedAt: '2031-05-05T08:00:00.000Z' });
      const [listed] = await store.listFeeds();
      expect(listed).toMatchObject({ id: feed.id, pausedAt: '2031-05-05T08:00:00.000Z', articleCount: 2 });
      await store.updateFeed(feed.id, { pausedAt: null });
      expect((await store.getFeed(feed.id))?.pausedAt).toBeUndefined();
      expect((await store.getFeed(feed.id))?.articleCount).toBe(2);
    });

    it('keeps a merged story id leading to the story it joined, through later merges', async () => {
      await store.writeBatch({
        stories: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        articles: [
          write(article('x', 'The bridge closed on Monday.'), 'a'),
          write(article('y', 'Crews inspected the bridge cables.'), 'b'),
          write(article('z', 'The bridge may reopen in April.'), 'c'),
        ],
      });
      await store.writeBatch({ stories: [], articles: [], merges: [{ from: 'b', into: 'a' }] });
      expect(await store.storyMovedTo('b')).toBe('a');
      await store.writeBatch({ stories: [], articles: [], merges: [{ from: 'a', into: 'c' }] });
      expect(await store.storyMovedTo('a')).toBe('c');
      expect(await store.storyMovedTo('b')).toBe('c');
      expect(await store.storyMovedTo('c')).toBeUndefined();
      expect(await store.storyMovedTo('nope')).toBeUndefined();
    });

    it('keeps when each summary sentence first appeared, across reports and merges', async () => {
      await store.writeBatch({
        stories: [{ id: 'a' }, { id: 'b' }],
        articles: [
          write(article('x', 'The bridge closed on Monday.'), 'a'),
          write(article('y', 'Crews inspected the cables.'), 'b'),
        ],
      });
      const first = reportOf('a', [['x', 0, 'The bridge closed on Monday.']]);
      expect(await store.putReport('a', (await store.getStory('a'))!.version, first)).toBe(true);
      const seen1 = await store.reportKeysFirstSeen('a');
      const t1 = seen1.get('s:x:0');
      expect(t1).toBeDefined();
      await sleep(20);
      const second = reportOf('a', [
        ['x', 0, 'The bridge closed on Monday.'],
        ['x', 3, 'It may reopen in April.'],
      ]);
      expect(await store.putReport('a', (await store.getStory('a'))!.version, second)).toBe(true);
      const seen2 = await store.reportKeysFirstSeen('a');
      expect(seen2.get('s:x:0')).toBe(t1);
      expect(Date.parse(seen2.get('s:x:3')!)).toBeGreaterThan(Date.parse(t1!));
      // A refused (stale) report records nothing.
      expect(await store.putReport('a', 0, reportOf('a', [['x', 9, 'Stale.']]))).toBe(false);
      expect((await store.reportKeysFirstSeen('a')).has('s:x:9')).toBe(false);

      // b's keys survive its merge into a, with their own (earlier) times.
      expect(
        await store.putReport('b', (await store.getStory('b'))!.version, reportOf('b', [['y', 0, 'Crews.']])),
      ).toBe(true);
      const tb = (await store.reportKeysFirstSeen('b')).get('s:y:0');
      await store.writeBatch({ stories: [], articles: [], merges: [{ from: 'b', into: 'a' }] });
      expect((await store.reportKeysFirstSeen('a')).get('s:y:0')).toBe(tb);
      expect((await store.reportKeysFirstSeen('b')).size).toBe(0);
      expect(sentenceKey(second.summary.sentences[1]!)).toBe('s:x:3');
    });

    it('filters the story list by muted outlets, muted words and language', async () => {
      await store.writeBatch({
        stories: [
          { id: 'ferry', title: 'Ferry aground' },
          { id: 'tram', title: 'Tram vote 100%_done' },
          { id: 'mixed' },
        ],
        articles: [
          write(article('f1', 'The ferry ran aground.', { source: 'Loud Daily', language: 'en' }), 'ferry'),
          write(article('t1', 'Le tram a été voté.', { source: 'Le Quai', language: 'fr' }), 'tram'),
          write(
            article('m1', 'The mixed story one.', { source: 'Loud Daily', language: 'en', title: 'Mixed' }),
            'mixed',
          ),
          write(article('m2', 'The mixed story two.', { source: 'Quiet Post', language: 'en' }), 'mixed'),
        ],
      });
      const ids = async (q: Parameters<Store['listStories']>[0]) =>
        (await store.listStories(q)).items.map((s) => s.id).sort();
      expect(await ids({})).toEqual(['ferry', 'mixed', 'tram']);
      // A muted outlet hides stories it alone reports, not stories others report too.
      expect(await ids({ muteSources: ['Loud Daily'] })).toEqual(['mixed', 'tram']);
      expect(await ids({ muteWords: ['FERRY'] })).toEqual(['mixed', 'tram']);
      // LIKE wildcards in a muted word are taken literally.
      expect(await ids({ muteWords: ['%'] })).toEqual(['ferry', 'mixed']);
      expect(await ids({ muteWords: ['_'] })).toEqual(['ferry', 'mixed']);
      expect(await ids({ language: 'fr' })).toEqual(['tram']);
      expect((await store.listStories({ language: 'en', muteSources: ['Quiet Post'] })).total).toBe(2);
      expect((await store.listStories({ order: 'updated' })).items).toHaveLength(3);
    });
  });
}
