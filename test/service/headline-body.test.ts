/**
 * A headline-only article gains its body when a later record with the same URL (or id) brings one:
 * the same row, the same story, the report rebuilt; never a second article or a second story.
 */
import { describe, expect, it } from 'vitest';
import { HEADLINE_ONLY, makeArticle } from '../../src/core/article.js';
import { IngestService } from '../../src/service/ingest-service.js';
import type { Store } from '../../src/storage/store.js';
import { backends, freshStoreEach } from '../storage/backends.js';
import { DAM_ARTICLES } from './fixtures.js';

const DAM_URL = 'https://ledger.example/marlow-dam-release';
const HEADLINE = makeArticle({
  id: 'ledger-dam',
  source: 'Tessel Ledger',
  url: DAM_URL,
  title: 'Marlow Dam release to raise Tessel River',
  text: 'Marlow Dam release to raise Tessel River',
  date: '2031-04-08',
  warnings: [HEADLINE_ONLY],
});
const BODY = makeArticle({
  id: 'page-of-ledger-dam',
  source: 'Tessel Ledger',
  url: DAM_URL,
  title: 'Marlow Dam release will raise the Tessel River by three feet',
  byline: 'Noor Halvorsen',
  date: '2031-04-08T09:30:00Z',
  text: `The Marlow Valley Water Authority began releasing water from the Marlow Dam on Tuesday, and the Tessel River will rise by about three feet through Linden.

Director Priya Castellanos said the dam was sound. A shelter opened at the Brookfield community center.`,
});

for (const backend of backends())
  describe.skipIf(!backend.available)(`headline-only articles gaining a body on ${backend.name}`, () => {
    let store: Store;
    freshStoreEach(backend, (s) => (store = s));

    it('gives the stored headline its body: same row, same story, report rebuilt', async () => {
      const service = await IngestService.open(store);
      const first = await service.ingest([...DAM_ARTICLES, HEADLINE]);
      const placed = first.outcomes[3];
      expect(placed).toMatchObject({ status: 'ingested', id: 'ledger-dam' });
      const storyId = placed?.status === 'ingested' ? placed.storyId : '';
      const before = await store.getStory(storyId);
      const stats = await store.stats();

      const second = await service.ingest([BODY]);
      expect(second.outcomes).toEqual([
        expect.objectContaining({
          status: 'ingested',
          id: 'ledger-dam',
          storyId,
          newStory: false,
          gainedBody: true,
        }),
      ]);
      expect(await store.stats()).toEqual(stats);
      const stored = await store.getArticle('ledger-dam');
      expect(stored).toMatchObject({ text: BODY.text, title: BODY.title, byline: 'Noor Halvorsen', storyId });
      expect(stored?.warnings).not.toContain(HEADLINE_ONLY);
      expect(await store.getArticle('page-of-ledger-dam')).toBeUndefined();
      const after = await store.getStory(storyId);
      expect(after?.version).toBeGreaterThan(before?.version ?? Infinity);
      expect(after?.reportVersion).toBe(after?.version);
      expect(after?.report?.story.articles.find((a) => a.id === 'ledger-dam')?.text).toBe(BODY.text);

      // The same page again is a repeat; and a restart replays nothing that would place it anew.
      expect((await service.ingest([BODY])).outcomes[0]).toMatchObject({
        status: 'duplicate',
        id: 'ledger-dam',
      });
      await store.close();
      store = await backend.reopen();
      const reopened = await IngestService.open(store);
      const again = await reopened.ingest([DAM_ARTICLES[0]!, BODY]);
      expect(again.outcomes.map((o) => o.status)).toEqual(['duplicate', 'duplicate']);
      expect(await store.stats()).toMatchObject({ articles: stats.articles, stories: stats.stories });
    });

    it('matches by id when the headline or the page has no URL, never across two URLs', async () => {
      const service = await IngestService.open(store);
      const wire = makeArticle({ ...HEADLINE, id: 'wire-7', url: undefined });
      await service.ingest([wire]);
      const body = makeArticle({ ...BODY, id: 'wire-7', url: undefined });
      expect((await service.ingest([body])).outcomes[0]).toMatchObject({ id: 'wire-7', gainedBody: true });

      const other = makeArticle({ ...HEADLINE, id: 'site-3', url: 'https://ledger.example/a' });
      await service.ingest([other]);
      const elsewhere = makeArticle({ ...BODY, id: 'site-3', url: 'https://ledger.example/b' });
      const out = (await service.ingest([elsewhere])).outcomes[0];
      expect(out).toMatchObject({ status: 'ingested' });
      expect(out).not.toHaveProperty('gainedBody');
      expect((await store.getArticle('site-3'))?.warnings).toContain(HEADLINE_ONLY);
      expect((await store.stats()).articles).toBe(3);
    });

    it('never links a headline-only article as a copy, before or after a restart', async () => {
      // The same daily headline from one outlet on two days: two pages, not a copy and its original.
      const column = (day: string) =>
        makeArticle({
          ...HEADLINE,
          id: `column-${day}`,
          url: `https://ledger.example/${day}/things-to-know`,
          title: 'Five things to know before the Tessel markets open',
          text: 'Five things to know before the Tessel markets open',
          date: day,
        });
      const service = await IngestService.open(store);
      const first = await service.ingest([column('2031-04-08'), column('2031-04-09')]);
      expect(first.outcomes.map((o) => o.status)).toEqual(['ingested', 'ingested']);
      for (const o of first.outcomes) expect(o).not.toHaveProperty('duplicateOf');
      await service.checkpoint();
      await store.close();
      store = await backend.reopen();
      const reopened = await IngestService.open(store);
      const third = (await reopened.ingest([column('2031-04-10')])).outcomes[0];
      expect(third).toMatchObject({ status: 'ingested' });
      expect(third).not.toHaveProperty('duplicateOf');
      expect((await store.getArticle('column-2031-04-09'))?.duplicateOf).toBeUndefined();
    });
  });
