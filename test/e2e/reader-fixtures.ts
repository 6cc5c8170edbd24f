/**
 * A fictional newsroom the reader-side browser tests follow: an RSS feed served on loopback by the test
 * itself, whose items link to article pages about one invented event (the Marrowby lighthouse fire).
 * The third item is published later, so the story gains sentences a reader can ask "what is new since".
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const LIGHTHOUSE = {
  searchWord: 'Marrowby',
  outlets: ['Marrowby Tide', 'Coastline Herald', 'Skerry Radio'],
};

const PAGES: Readonly<Record<string, { title: string; outlet: string; date: string; text: string[] }>> = {
  'tide-fire.html': {
    title: 'Fire damages Marrowby lighthouse lantern room',
    outlet: 'Marrowby Tide',
    date: '2031-09-14T07:00:00Z',
    text: [
      'A fire broke out in the lantern room of the Marrowby lighthouse late on Saturday, the coastguard said.',
      'Two keepers escaped down the spiral stair before the blaze spread to the upper gallery.',
      'Fire crews from Marrowby and Skelling reached the headland within forty minutes and put the fire out before dawn.',
      'The coastguard said the light would stay dark until engineers could inspect the lens.',
    ],
  },
  'herald-fire.html': {
    title: 'Marrowby lighthouse dark after lantern fire',
    outlet: 'Coastline Herald',
    date: '2031-09-14T09:30:00Z',
    text: [
      'The Marrowby lighthouse went dark after a fire in its lantern room on Saturday night.',
      'Both keepers escaped unhurt down the spiral stair, the coastguard said.',
      'Crews from Marrowby and Skelling put the fire out before dawn on Sunday.',
      'Shipping has been warned to keep clear of the headland until the light is restored.',
    ],
  },
  'radio-lens.html': {
    title: 'Marrowby lighthouse lens survived the fire, engineers say',
    outlet: 'Skerry Radio',
    date: '2031-09-16T12:00:00Z',
    text: [
      'Engineers who inspected the Marrowby lighthouse after Saturday’s lantern room fire said the great lens survived intact.',
      'A temporary light will be fitted on the upper gallery by Friday, the harbour trust announced.',
      'The fire in the lantern room was started by a fault in the rotating motor, the inspectors found.',
      'Both keepers, who escaped down the spiral stair, returned to the headland on Monday.',
    ],
  },
};

function pageHtml(name: string): string {
  const p = PAGES[name]!;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${p.title}</title>
<meta property="og:site_name" content="${p.outlet}"><meta property="article:published_time" content="${p.date}">
</head><body><nav><a href="/">Home</a> · <a href="/weather">Weather</a></nav>
<article><h1>${p.title}</h1><p class="byline">By Staff</p>${p.text.map((t) => `<p>${t}</p>`).join('\n')}</article>
<footer>© ${p.outlet}</footer></body></html>`;
}

function rss(base: string, names: readonly string[]): string {
  const items = names
    .map((n) => {
      const p = PAGES[n]!;
      return `<item><title>${p.title}</title><link>${base}/${n}</link><guid>${base}/${n}</guid>
<pubDate>${new Date(p.date).toUTCString()}</pubDate><description>${p.text[0]}</description></item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Coast wire</title>
<link>${base}/</link><description>Fictional coast news</description>${items}</channel></rss>`;
}

export interface NewsSite {
  readonly feedUrl: string;
  /** Publishes the later item (the lens inspection) in the feed. */
  publishLater(): void;
  close(): Promise<void>;
}

/** Serves the feed and its pages on 127.0.0.1 and a free port. */
export async function startNewsSite(): Promise<NewsSite> {
  let names = ['tide-fire.html', 'herald-fire.html'];
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!.slice(1);
    if (path === 'feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(rss(base, names));
    } else if (PAGES[path]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(pageHtml(path));
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    feedUrl: `${base}/feed.xml`,
    publishLater: () => {
      names = [...names, 'radio-lens.html'];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
