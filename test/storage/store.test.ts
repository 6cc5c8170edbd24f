/**
 * One suite, every backend: the Store contract on a real SQLite file and a real PostgreSQL server.
 */
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { isChorusError } from '../../src/core/errors.js';
import { contentHash } from '../../src/core/ids.js';
import type { Article, StoryReport } from '../../src/core/model.js';
import { WriteConflict, type ArticleWrite, type Store } from '../../src/storage/store.js';
import { backends, postgresAvailable, freshStoreEach } from './backends.js';

function article(id: string, text: string, extra: Partial<Article> = {}): Article {
  return makeArticle({ id, text, source: 'Harbor Gazette', ...extra });
}

function write(a: Article, storyId: string, extra: Partial<ArticleWrite> = {}): ArticleWrite {
  return { article: a, contentHash: contentHash(a.text), storyId, ...extra };
}

function reportFor(storyId: string, lead: string): StoryReport {
  return {
    story: { id: storyId, articles: [] },
    summary: {
      method: 'test',
      words: 3,
      sentences: [
        {
          text: lead,
          citations: [
            {
              article: 0,
              articleId: 'a',
              source: 'Harbor Gazette',
              sentence: 0,
              similarity: 1,
              score: 1,
              passage: lead,
              origin: true,
            },
          ],
        },
      ],
      warnings: [],
    },
    comparison: { agreed: [], unique: [], quotes: [], entities: [], figures: [], disagreements: [] },
    duplicates: [],
    warnings: [],
  };
}

const BRIDGE = article(
  'bridge-1',
  'The Harbor Bridge closed on Monday after inspectors found cracked cables.',
  {
    url: 'https://gazette.example/bridge',
    title: 'Harbor Bridge closed',
    date: '2031-05-05T08:00:00Z',
  },
);
const BRIDGE_2 = article('bridge-2', 'Inspectors shut the Harbor Bridge, citing cracked suspension cables.', {
  source: 'Valley Courier',
  url: 'https://courier.example/bridge',
  date: '2031-05-05T10:00:00Z',
});
const FESTIVAL = article('fest-1', 'The lantern festival drew ten thousand visitors to the riverside park.', {
  source: 'Valley Courier',
  title: 'Lantern festival',
  date: '2031-05-01T20:00:00Z',
});

const all = backends();

for (const backend of all)
  describe.skipIf(!backend.available)(`Store on ${backend.name}`, () => {
    let store: Store;
    freshStoreEach(backend, (s) => (store = s));

    it('stores a batch, and the same content + URL again is a duplicate, not a second row', async () => {
      const first = await store.writeBatch({
        stories: [{ id: 's-bridge', title: 'Harbor Bridge closed' }],
        articles: [write(BRIDGE, 's-bridge'), write(BRIDGE_2, 's-bridge')],
      });
      expect(first).toMatchObject([
        { status: 'inserted', id: 'bridge-1', storyId: 's-bridge' },
        { status: 'inserted', id: 'bridge-2', storyId: 's-bridge' },
      ]);
      const seqs = first.map((o) => (o.status === 'inserted' ? o.seq : 0));
      expect(seqs[1]).toBeGreaterThan(seqs[0]!);
      expect((await store.getArticle('bridge-2'))?.seq).toBe(seqs[1]);
      const again = await store.writeBatch({
        stories: [{ id: 's-other' }],
        articles: [write(BRIDGE, 's-other')],
      });
      expect(again).toEqual([{ status: 'duplicate', id: 'bridge-1', storyId: 's-bridge' }]);
      expect((await store.stats()).articles).toBe(2);
      // The story named only by the duplicate write is not kept.
      expect(await store.getStory('s-other')).toBeUndefined();
      expect((await store.stats()).stories).toBe(1);
    });

    it('refuses a batch grouped before another writer stored articles, and writes none of it', async () => {
      const [first] = await store.writeBatch({
        stories: [{ id: 's1' }],
        articles: [write(BRIDGE, 's1')],
        lastSeq: 0,
      });
      const seen = first?.status === 'inserted' ? first.seq : -1;
      await expect(
        store.writeBatch({ stories: [{ id: 's1' }], articles: [write(BRIDGE_2, 's1')], lastSeq: seen - 1 }),
      ).rejects.toBeInstanceOf(WriteConflict);
      expect((await store.stats()).articles).toBe(1);
      const ok = await store.writeBatch({
        stories: [{ id: 's1' }],
        articles: [write(BRIDGE_2, 's1')],
        lastSeq: seen,
      });
      expect(ok[0]?.status).toBe('inserted');
    });

    it('keeps the same text at another URL (a syndicated copy) and gives colliding ids a new one', async () => {
      const copy = article('bridge-1', BRIDGE.text, {
        url: 'https://mirror.example/bridge',
        source: 'Mirror',
      });
      const out = await store.writeBatch({
        stories: [{ id: 's1' }],
        articles: [
          write(BRIDGE, 's1'),
          write(copy, 's1', { duplicateOf: 'bridge-1', duplicateSimilarity: 1 }),
        ],
      });
      expect(out[0]).toMatchObject({ status: 'inserted', id: 'bridge-1', storyId: 's1' });
      expect(out[1]?.status).toBe('inserted');
      expect(out[1]?.id).not.toBe('bridge-1');
      const stored = await store.getArticle(out[1]?.id ?? '');
      expect(stored).toMatchObject({ source: 'Mirror', duplicateOf: 'bridge-1', duplicateSimilarity: 1 });
    });

    it('titles an untitled story with the first article title that arrives', async () => {
      const untitled = article('u', 'An untitled report about the harbor bridge cables.');
      await store.writeBatch({ stories: [{ id: 's' }], articles: [write(untitled, 's')] });
      expect((await store.getStory('s'))?.title).toBeUndefined();
      await store.writeBatch({ stories: [], articles: [write(BRIDGE, 's'), write(FESTIVAL, 's')] });
      expect((await store.getStory('s'))?.title).toBe('Harbor Bridge closed');
    });

    it('round-trips every article field', async () => {
      const full = makeArticle({
        id: 'full',
        text: 'First paragraph here.\n\nSecond paragraph here.',
        source: 'Coast Herald',
        url: 'https://herald.example/x',
        title: 'A title',
        byline: 'Ada Reyes',
        date: '2031-05-02',
        language: 'en',
        warnings: ['charset guessed'],
      });
      await store.writeBatch({ stories: [{ id: 's' }], articles: [write(full, 's')] });
      const got = await store.getArticle('full');
      expect(got).toMatchObject({ ...full, storyId: 's', contentHash: contentHash(full.text), seq: 1 });
      expect(got?.ingestedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(await store.getArticle('missing')).toBeUndefined();
    });

    it('finds existing articles by content hash, URL and id', async () => {
      await store.writeBatch({
        stories: [{ id: 's' }],
        articles: [write(BRIDGE, 's'), write(FESTIVAL, 's')],
      });
      const found = await store.findExisting([
        { contentHash: contentHash(BRIDGE.text), url: BRIDGE.url },
        { contentHash: contentHash(BRIDGE.text), url: 'https://elsewhere.example/' },
        { contentHash: contentHash(FESTIVAL.text) },
      ]);
      expect([...found.entries()].sort()).toEqual(
        [
          [`${contentHash(BRIDGE.text)}\n${BRIDGE.url}`, 'bridge-1'],
          [`${contentHash(FESTIVAL.text)}\n`, 'fest-1'],
        ].sort(),
      );
      expect((await store.findExisting([])).size).toBe(0);
      expect(await store.knownUrls([BRIDGE.url ?? '', 'https://elsewhere.example/'])).toEqual(
        new Set([BRIDGE.url]),
      );
      expect((await store.knownUrls([])).size).toBe(0);
      expect(await store.takenIds([BRIDGE.id, 'never-stored'])).toEqual(new Set([BRIDGE.id]));
      expect((await store.takenIds([])).size).toBe(0);
    });

    it("spans a story by its articles' own dates; an undated article does not stretch it to today", async () => {
      const undated = article('bridge-3', 'Harbor Bridge detours add twenty minutes to the school run.', {
        source: 'Bay Radio',
      });
      await store.writeBatch({
        stories: [{ id: 's-bridge', title: 'Harbor Bridge closed' }],
        articles: [write(BRIDGE, 's-bridge'), write(undated, 's-bridge'), write(BRIDGE_2, 's-bridge')],
      });
      const [story] = (await store.listStories()).items;
      expect(story).toMatchObject({
        articleCount: 3,
        firstAt: '2031-05-05T08:00:00.000Z',
        lastAt: '2031-05-05T10:00:00.000Z',
      });
      const lone = article('lone-1', 'A lone undated note about the ferry timetable.', {
        source: 'Bay Radio',
      });
      await store.writeBatch({ stories: [{ id: 's-lone' }], articles: [write(lone, 's-lone')] });
      const only = (await store.listStories()).items.find((s) => s.id === 's-lone');
      // With no dated article the ingest time stands in, so the story still has a place in time.
      expect(Date.parse(only!.firstAt)).toBeGreaterThan(Date.parse('2026-01-01'));
      expect(only!.lastAt).toBe(only!.firstAt);
    });

    it('lists stories newest or biggest first, with source counts, paging, time window and search', async () => {
      await store.writeBatch({
        stories: [
          { id: 's-bridge', title: 'Harbor Bridge closed' },
          { id: 's-fest', title: 'Lantern festival' },
        ],
        articles: [write(BRIDGE, 's-bridge'), write(BRIDGE_2, 's-bridge'), write(FESTIVAL, 's-fest')],
      });
      const newest = await store.listStories();
      expect(newest.total).toBe(2);
      expect(newest.items.map((s) => s.id)).toEqual(['s-bridge', 's-fest']);
      expect(newest.items[0]).toMatchObject({
        title: 'Harbor Bridge closed',
        articleCount: 2,
        sourceCount: 2,
        sources: ['Harbor Gazette', 'Valley Courier'],
        firstAt: '2031-05-05T08:00:00.000Z',
        lastAt: '2031-05-05T10:00:00.000Z',
      });
      const page2 = await store.listStories({ limit: 1, offset: 1 });
      expect(page2).toMatchObject({ total: 2, limit: 1, offset: 1 });
      expect(page2.items.map((s) => s.id)).toEqual(['s-fest']);
      const biggest = await store.listStories({ order: 'biggest' });
      expect(biggest.items[0]?.id).toBe('s-bridge');
      const windowed = await store.listStories({
        since: '2031-05-01T00:00:00Z',
        until: '2031-05-03T00:00:00Z',
      });
      expect(windowed.items.map((s) => s.id)).toEqual(['s-fest']);
      // Stemmed search: "cable" finds "cables".
      expect((await store.listStories({ search: 'cracked cable' })).items.map((s) => s.id)).toEqual([
        's-bridge',
      ]);
      expect((await store.listStories({ search: 'lantern' })).items.map((s) => s.id)).toEqual(['s-fest']);
      expect((await store.listStories({ search: 'volcano' })).total).toBe(0);
    });

    it('treats search text as words, never as query syntax', async () => {
      await store.writeBatch({ stories: [{ id: 's' }], articles: [write(BRIDGE, 's')] });
      for (const hostile of ['"bridge', 'bridge OR *', "'; DROP TABLE articles; --", 'NEAR(a b)', '()', '']) {
        await expect(store.listStories({ search: hostile })).resolves.toBeDefined();
        await expect(store.listArticles({ search: hostile })).resolves.toBeDefined();
      }
      expect((await store.listStories({ search: '"bridge' })).total).toBe(1);
      expect((await store.stats()).articles).toBe(1);
    });

    it('clamps paging to sane bounds', async () => {
      const page = await store.listStories({ limit: 10_000, offset: -5 });
      expect(page).toMatchObject({ limit: 200, offset: 0, total: 0, items: [] });
    });

    it('gets a story with its articles and its report, and keeps only reports of the current version', async () => {
      await store.writeBatch({ stories: [{ id: 's', title: 'Bridge' }], articles: [write(BRIDGE, 's')] });
      let story = await store.getStory('s');
      expect(story?.articles.map((a) => a.id)).toEqual(['bridge-1']);
      expect(story?.report).toBeUndefined();
      expect(await store.staleStories(10)).toEqual(['s']);
      const v1 = story?.version ?? -1;
      expect(await store.putReport('s', v1, reportFor('s', 'The bridge closed.'))).toBe(true);
      expect(await store.staleStories(10)).toEqual([]);
      story = await store.getStory('s');
      expect(story?.report?.summary.sentences[0]?.text).toBe('The bridge closed.');
      expect(story?.reportVersion).toBe(v1);
      expect((await store.listStories()).items[0]?.lead).toBe('The bridge closed.');

      // A new article makes the story newer than its report; a report built from the old version is refused.
      await store.writeBatch({ stories: [], articles: [write(BRIDGE_2, 's')] });
      expect(await store.staleStories(10)).toEqual(['s']);
      expect(await store.putReport('s', v1, reportFor('s', 'Old.'))).toBe(false);
      const v2 = (await store.getStory('s'))?.version ?? -1;
      expect(v2).toBeGreaterThan(v1);
      expect(await store.putReport('s', v2, reportFor('s', 'Newer.'))).toBe(true);
      expect((await store.stats()).staleReports).toBe(0);
      expect((await store.getStory('s'))?.title).toBe('Bridge');
      // The report's title is the one the story is listed under from then on; a report without one keeps it.
      const titled = reportFor('s', 'Newer.');
      expect(
        await store.putReport('s', v2, {
          ...titled,
          story: { ...titled.story, title: 'Harbor Bridge shut' },
        }),
      ).toBe(true);
      expect((await store.getStory('s'))?.title).toBe('Harbor Bridge shut');
      expect((await store.listStories()).items[0]?.title).toBe('Harbor Bridge shut');
      expect(await store.putReport('s', v2, reportFor('s', 'Newer.'))).toBe(true);
      expect((await store.getStory('s'))?.title).toBe('Harbor Bridge shut');
      expect(await store.getStory('nope')).toBeUndefined();
    });

    it('merges stories: articles move, the merged story goes, later writes to it land in the survivor', async () => {
      await store.writeBatch({
        stories: [{ id: 'a' }, { id: 'b' }],
        articles: [write(BRIDGE, 'a'), write(BRIDGE_2, 'b')],
      });
      await store.writeBatch({
        stories: [],
        merges: [{ from: 'b', into: 'a' }],
        articles: [write(FESTIVAL, 'b')],
      });
      expect(await store.getStory('b')).toBeUndefined();
      const a = await store.getStory('a');
      expect(a?.articles.map((x) => x.id)).toEqual(['bridge-1', 'bridge-2', 'fest-1']);
      expect((await store.listStories()).items[0]).toMatchObject({
        id: 'a',
        articleCount: 3,
        sourceCount: 2,
      });
    });

    it('writes a batch all or nothing', async () => {
      const bad: ArticleWrite = { ...write(FESTIVAL, 's'), feedId: 'no-such-feed' };
      const error = await store
        .writeBatch({ stories: [{ id: 's' }], articles: [write(BRIDGE, 's'), bad] })
        .catch((e: unknown) => e);
      expect(isChorusError(error) && error.code).toBe('storage');
      expect(await store.stats()).toMatchObject({ articles: 0, stories: 0 });
      expect((await store.listArticles({ search: 'bridge' })).total).toBe(0);
    });

    it('lists articles newest first, by story, by feed and by search; replays them in arrival order', async () => {
      const feed = await store.addFeed('https://gazette.example/rss');
      await store.writeBatch({
        stories: [{ id: 's1' }, { id: 's2' }],
        articles: [write(BRIDGE, 's1', { feedId: feed.id }), write(BRIDGE_2, 's1'), write(FESTIVAL, 's2')],
      });
      expect((await store.listArticles()).items.map((a) => a.id)).toEqual(['fest-1', 'bridge-2', 'bridge-1']);
      expect((await store.listArticles({ storyId: 's1' })).total).toBe(2);
      expect((await store.listArticles({ feedId: feed.id })).items.map((a) => a.id)).toEqual(['bridge-1']);
      expect((await store.listArticles({ search: 'visitors' })).items.map((a) => a.id)).toEqual(['fest-1']);
      expect((await store.articlesAfter(0, 2)).map((a) => a.seq)).toEqual([1, 2]);
      expect((await store.articlesAfter(2, 10)).map((a) => a.id)).toEqual(['fest-1']);
    });

    it('saves the clusterer snapshot with the batch, at the last stored seq', async () => {
      expect(await store.loadClusterState('online')).toBeUndefined();
      await store.writeBatch({
        stories: [{ id: 's' }],
        articles: [write(BRIDGE, 's'), write(BRIDGE_2, 's')],
        clusterState: { name: 'online', state: '{"n":2}' },
      });
      expect(await store.loadClusterState('online')).toEqual({ name: 'online', seq: 2, state: '{"n":2}' });
      await store.saveClusterState({ name: 'online', seq: 5, state: '{"n":5}' });
      expect((await store.loadClusterState('online'))?.seq).toBe(5);
    });

    it('keeps feeds: add is idempotent by URL, updates set and clear fields, remove deletes', async () => {
      const f = await store.addFeed('https://gazette.example/rss', 'Gazette');
      expect(await store.addFeed('https://gazette.example/rss')).toEqual(f);
      expect(f).toMatchObject({ url: 'https://gazette.example/rss', title: 'Gazette' });
      await store.updateFeed(f.id, {
        etag: '"abc"',
        lastModified: 'Mon, 05 May 2031 08:00:00 GMT',
        lastPolledAt: '2031-05-05T08:00:00.000Z',
        lastError: 'timed out',
      });
      expect(await store.getFeed(f.id)).toMatchObject({
        etag: '"abc"',
        lastModified: 'Mon, 05 May 2031 08:00:00 GMT',
        lastPolledAt: '2031-05-05T08:00:00.000Z',
        lastError: 'timed out',
      });
      await store.updateFeed(f.id, { lastError: null });
      expect((await store.getFeed(f.id))?.lastError).toBeUndefined();
      await store.addFeed('https://courier.example/atom');
      expect((await store.listFeeds()).map((x) => x.url)).toEqual([
        'https://gazette.example/rss',
        'https://courier.example/atom',
      ]);
      expect(await store.removeFeed(f.id)).toBe(true);
      expect(await store.removeFeed(f.id)).toBe(false);
      expect((await store.stats()).feeds).toBe(1);
    });

    it('keeps everything across a close and reopen', async () => {
      await store.writeBatch({ stories: [{ id: 's', title: 'Bridge' }], articles: [write(BRIDGE, 's')] });
      await store.close();
      store = await backend.reopen();
      expect((await store.getStory('s'))?.articles.map((a) => a.id)).toEqual(['bridge-1']);
      expect((await store.listStories({ search: 'inspectors' })).total).toBe(1);
      const again = await store.writeBatch({ stories: [{ id: 's' }], articles: [write(BRIDGE, 's')] });
      expect(again[0]?.status).toBe('duplicate');
    });
  });

describe('storage backends', () => {
  it('runs the PostgreSQL half whenever a server is given (and always under CI)', () => {
    expect(all.map((b) => [b.name, b.available])).toEqual([
      ['sqlite', true],
      ['postgres', postgresAvailable],
    ]);
    if (process.env.CI === 'true') expect(postgresAvailable).toBe(true);
  });
});
