/**
 * Feeds through the API against a real local HTTP server: with private addresses allowed (as on an
 * intranet), a feed on 127.0.0.1 is added and polled, and its items' pages become stored articles.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../storage/backends.js';
import { testServer, type TestServer } from './harness.js';

const PAGES: Record<string, [string, string]> = {
  '/owls.html': [
    'Quill Wood owls return to the beech grove',
    'Rangers at Quill Wood counted forty barn owl nests this spring, the most since the survey began in 2019. ' +
      'Chief ranger Oskar Lind said the owls had come back to the old beech grove two years after a storm felled six trees there. ' +
      'Volunteers will ring the chicks in June, and the trust will publish the full count in its autumn newsletter.',
  ],
  '/ferry.html': [
    'Dunmere ferry timetable changes for the winter',
    'The Dunmere ferry will run every ninety minutes from November instead of every hour, the harbour board said on Monday. ' +
      'Board chair Ines Park said fewer winter passengers and higher fuel costs made the hourly service too expensive to keep. ' +
      'The first crossing of the day will leave at 6.30am, and the last return will be at 9pm.',
  ],
};

function rss(base: string): string {
  const items = Object.entries(PAGES)
    .map(
      ([path, [title]]) =>
        `<item><title>${title}</title><link>${base}${path}</link><guid>${base}${path}</guid></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Notes</title><link>${base}/</link>${items}</channel></rss>`;
}

for (const backend of backends()) {
  describe.skipIf(!backend.available)(`feeds API against a local feed (${backend.name})`, () => {
    let site: Server;
    let base = '';
    let server: TestServer;

    beforeAll(async () => {
      site = createServer((req, res) => {
        if (req.url === '/feed.xml') {
          res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(base));
          return;
        }
        const page = PAGES[req.url ?? ''];
        if (!page) {
          res.writeHead(404).end();
          return;
        }
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            `<!doctype html><html><head><title>${page[0]}</title></head><body><article><h1>${page[0]}</h1><p>${page[1]}</p></article></body></html>`,
          );
      });
      await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
      server = await testServer(backend, { allowPrivateFeeds: true });
    });
    afterAll(async () => {
      await server.close();
      await backend.cleanup();
      await new Promise((resolve) => site.close(resolve));
    });

    it('adds a feed on 127.0.0.1 when allowed, polls it, and stores its items', async () => {
      const add = await server.app.inject({
        method: 'POST',
        url: '/api/feeds',
        payload: { url: `${base}/feed.xml` },
      });
      expect(add.statusCode).toBe(201);
      const feed = add.json() as { id: string };

      const poll = await server.app.inject({ method: 'POST', url: `/api/feeds/${feed.id}/poll` });
      expect(poll.statusCode).toBe(200);
      const result = poll.json();
      expect(result).toMatchObject({ feedId: feed.id, status: 'updated', items: 2 });
      expect(result.outcomes.map((o: { status: string }) => o.status)).toEqual(['ingested', 'ingested']);

      const stored = (await server.app.inject(`/api/articles?feedId=${feed.id}`)).json();
      expect(stored.total).toBe(2);
      const listed = (await server.app.inject('/api/feeds')).json().items[0];
      expect(listed).toMatchObject({ id: feed.id, title: 'Valley Notes', lastPolledAt: expect.any(String) });
      expect(listed.lastError).toBeUndefined();

      // Polled again: both items are known, nothing new is stored.
      const again = (await server.app.inject({ method: 'POST', url: `/api/feeds/${feed.id}/poll` })).json();
      expect(again.outcomes).toEqual([]);
    }, 60_000);
  });
}
