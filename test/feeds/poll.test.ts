/**
 * Polling a feed from a real local server into a real SQLite store: new items fetched and ingested,
 * the feed record updated, a second poll answered by 304, and a loopback feed refused without the
 * explicit allowance.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PoliteFetcher } from '../../src/feeds/polite-fetcher.js';
import { pollAllFeeds, pollFeed, startPolling } from '../../src/service/poll-feeds.js';
import { IngestService } from '../../src/service/ingest-service.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/store.js';
import { DAM_ARTICLES } from '../service/fixtures.js';
import { startServer, type LocalServer } from './local-server.js';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function page(title: string, text: string): string {
  const paragraphs = text
    .split('\n\n')
    .map((p) => `<p>${escape(p)}</p>`)
    .join('\n');
  return `<!doctype html><html><head><title>${escape(title)}</title><script>alert(1)</script></head>
<body><nav>Home | World | Sports</nav><article><h1>${escape(title)}</h1>${paragraphs}</article>
<footer>© Harbor Gazette</footer></body></html>`;
}

describe('polling feeds', () => {
  let server: LocalServer;
  let flakyDown = true;
  let dir: string;
  let store: Store;
  let service: IngestService;
  const fetcher = new PoliteFetcher({ allowPrivate: true, hostDelayMs: 0, retries: 0 });

  beforeAll(async () => {
    const routes: Record<
      string,
      (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void
    > = {};
    const items = DAM_ARTICLES.map((a, i) => {
      routes[`/story/${i + 1}`] = (_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end(page(a.title ?? '', a.text));
      return `<item><title>${escape(a.title ?? '')}</title><link>SERVER/story/${i + 1}</link>
        <pubDate>${new Date(a.date ?? '').toUTCString()}</pubDate><description>${escape(a.text.split('\n\n')[0] ?? '')}</description></item>`;
    });
    routes['/rss.xml'] = (req, res) => {
      if (req.headers['if-none-match'] === '"feed-v1"') return void res.writeHead(304).end();
      const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Gazette</title>
        <link>https://gazette.example/</link>${items.join('\n').replaceAll('SERVER', server.base)}</channel></rss>`;
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"feed-v1"' }).end(body);
    };
    // An item whose page is down at first: a two-word teaser must not become the stored article.
    routes['/flaky.xml'] = (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"flaky-v1"' }).end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Tarn Courier</title>
        <item><title>${escape(DAM_ARTICLES[0]?.title ?? '')}</title><link>${server.base}/flaky/1</link>
        <description>Dam opens.</description></item></channel></rss>`,
      );
    routes['/flaky/1'] = (_req, res) => {
      if (flakyDown) return void res.writeHead(503).end('down');
      const a = DAM_ARTICLES[0];
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(a?.title ?? '', a?.text ?? ''));
    };
    routes['/not-a-feed'] = (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Hi</body></html>');
    server = await startServer(routes);
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chorus-poll-'));
    store = await openStore({ sqlitePath: join(dir, 'chorus.db') });
    service = await IngestService.open(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests new items from their pages, then gets 304 on the next poll', async () => {
    const feed = await store.addFeed(`${server.base}/rss.xml`);
    const first = await pollFeed(service, feed, fetcher);
    expect(first).toMatchObject({ status: 'updated', items: 3 });
    expect(first.outcomes.map((o) => o.status)).toEqual(['ingested', 'ingested', 'ingested']);
    const stories = await store.listStories();
    expect(stories.items).toHaveLength(1);
    expect(stories.items[0]).toMatchObject({ articleCount: 3, sources: ['Harbor Gazette'] });
    const stored = (await store.listArticles({ feedId: feed.id })).items;
    expect(stored).toHaveLength(3);
    const one = stored.find((a) => a.url === `${server.base}/story/1`);
    expect(one?.text).toBe(DAM_ARTICLES[0]?.text);
    expect(one?.text).not.toMatch(/alert|Home \| World|©/);
    expect(one?.date).toBe('2031-04-08T08:00:00.000Z');

    const updated = await store.getFeed(feed.id);
    expect(updated).toMatchObject({ etag: '"feed-v1"', title: 'Harbor Gazette' });
    expect(updated?.lastPolledAt).toBeDefined();
    expect(updated?.lastError).toBeUndefined();

    const pagesBefore = server.log.filter((r) => r.path.startsWith('/story/')).length;
    const second = await pollFeed(service, updated ?? feed, fetcher);
    expect(second).toMatchObject({ status: 'not-modified', outcomes: [] });
    expect(server.log.at(-1)?.headers['if-none-match']).toBe('"feed-v1"');
    expect(server.log.filter((r) => r.path.startsWith('/story/')).length).toBe(pagesBefore);
  });

  it('does not fetch pages it already has when the feed changes', async () => {
    const feed = await store.addFeed(`${server.base}/rss.xml`);
    await pollFeed(service, feed, fetcher);
    const pagesBefore = server.log.filter((r) => r.path.startsWith('/story/')).length;
    const again = await pollFeed(service, feed, fetcher); // no etag passed: full feed again
    expect(again).toMatchObject({ status: 'updated', outcomes: [] });
    expect(server.log.filter((r) => r.path.startsWith('/story/')).length).toBe(pagesBefore);
  });

  it('keeps an item whose page cannot be fetched pending, and stores its page once it answers', async () => {
    const feed = await store.addFeed(`${server.base}/flaky.xml`);
    flakyDown = true;
    const first = await pollFeed(service, feed, fetcher);
    expect(first).toMatchObject({ status: 'updated', outcomes: [] });
    expect(first.pending).toEqual([{ link: `${server.base}/flaky/1`, reason: 'page not fetched: HTTP 503' }]);
    expect((await store.stats()).articles).toBe(0);
    const after = await store.getFeed(feed.id);
    expect(after?.etag).toBeUndefined(); // the next poll must see the item again, not a 304
    expect(after?.lastError).toMatch(/1 page\(s\) not fetched yet/);

    flakyDown = false;
    const second = await pollFeed(service, after ?? feed, fetcher);
    expect(second.outcomes.map((o) => o.status)).toEqual(['ingested']);
    expect(second.pending).toEqual([]);
    const stored = (await store.listArticles({ feedId: feed.id })).items;
    expect(stored[0]?.text).toBe(DAM_ARTICLES[0]?.text);
    expect((await store.getFeed(feed.id))?.lastError).toBeUndefined();
  });

  it('refuses a feed on 127.0.0.1 without the allowance and records why', async () => {
    const feed = await store.addFeed(`${server.base}/rss.xml`);
    const strict = new PoliteFetcher({ hostDelayMs: 0, retries: 0 });
    const result = await pollFeed(service, feed, strict);
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/refused to fetch 127\.0\.0\.1.*private, loopback or link-local/);
    expect((await store.getFeed(feed.id))?.lastError).toBe(result.error);
    expect((await store.stats()).articles).toBe(0);
  });

  it('records a clear error for a URL that is not a feed, and goes on with the others', async () => {
    await store.addFeed(`${server.base}/not-a-feed`);
    await store.addFeed(`${server.base}/rss.xml`);
    const results = await pollAllFeeds(service, fetcher);
    expect(results.map((r) => r.status)).toEqual(['failed', 'updated']);
    expect(results[0]?.error).toMatch(/expected an RSS or Atom feed, found an HTML page/);
  });

  it('polls on a schedule until stopped', async () => {
    await store.addFeed(`${server.base}/rss.xml`);
    const rounds: number[] = [];
    const poller = startPolling(service, fetcher, { intervalMs: 50, onRound: (r) => rounds.push(r.length) });
    // Rounds take as long as the machine needs; wait for two of them (bounded), then stop.
    for (let waited = 0; rounds.length < 2 && waited < 20_000; waited += 25) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await poller.stop();
    const count = rounds.length;
    expect(count).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(rounds.length).toBe(count);
    expect((await store.stats()).articles).toBe(3);
  });
});
