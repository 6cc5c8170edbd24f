import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { isChorusError } from '../../src/core/errors.js';
import { parseFeed } from '../../src/feeds/parse-feed.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Harbor Gazette</title>
    <link>https://gazette.example/</link>
    <item>
      <title>Ferry service resumes &amp; crews return</title>
      <link>https://gazette.example/ferry</link>
      <guid isPermaLink="false">gz-101</guid>
      <pubDate>Tue, 08 Apr 2031 09:30:00 GMT</pubDate>
      <dc:creator>Mara Quinn</dc:creator>
      <description>Short teaser.</description>
      <content:encoded><![CDATA[<p>The ferry to Gull Island sailed again on Tuesday.</p>]]></content:encoded>
    </item>
    <item>
      <title>Only a title</title>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Valley Courier</title>
  <link rel="self" href="https://courier.example/atom.xml"/>
  <link rel="alternate" href="https://courier.example/"/>
  <entry>
    <id>tag:courier.example,2031:7</id>
    <title>Council backs bike lanes</title>
    <link rel="alternate" href="https://courier.example/bike-lanes"/>
    <updated>2031-04-08T10:00:00Z</updated>
    <author><name>Ines Park</name></author>
    <summary type="html">&lt;p&gt;The council voted 7 to 2.&lt;/p&gt;</summary>
  </entry>
</feed>`;

const BOMB = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (isChorusError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an error');
}

describe('parseFeed', () => {
  it('reads RSS 2.0 items with full content, author, date and guid', () => {
    const feed = parseFeed(RSS, 'rss');
    expect(feed).toMatchObject({ kind: 'rss', title: 'Harbor Gazette', link: 'https://gazette.example/' });
    expect(feed.items).toEqual([
      {
        id: 'gz-101',
        title: 'Ferry service resumes & crews return',
        link: 'https://gazette.example/ferry',
        date: '2031-04-08T09:30:00.000Z',
        author: 'Mara Quinn',
        html: '<p>The ferry to Gull Island sailed again on Tuesday.</p>',
      },
      { id: 'Only a title', title: 'Only a title' },
    ]);
  });

  it('reads Atom entries, taking the alternate link', () => {
    const feed = parseFeed(Buffer.from(ATOM), 'atom');
    expect(feed).toMatchObject({ kind: 'atom', title: 'Valley Courier', link: 'https://courier.example/' });
    expect(feed.items).toEqual([
      {
        id: 'tag:courier.example,2031:7',
        title: 'Council backs bike lanes',
        link: 'https://courier.example/bike-lanes',
        date: '2031-04-08T10:00:00.000Z',
        author: 'Ines Park',
        html: '<p>The council voted 7 to 2.</p>',
      },
    ]);
  });

  it('decodes the encoding the XML declaration names', () => {
    const latin = RSS.replace('UTF-8', 'ISO-8859-1').replace('Harbor Gazette', 'Gazette de Sète');
    expect(parseFeed(iconv.encode(latin, 'latin1')).title).toBe('Gazette de Sète');
  });

  it('refuses an XML bomb at once, with a clear error', () => {
    const started = Date.now();
    const error = errorOf(() => parseFeed(BOMB, 'https://evil.example/feed'));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/entity declarations.*XML bombs/);
  });

  it.each([
    [
      '<!doctype html><html><body>Hi</body></html>',
      'unsupported-input',
      /expected an RSS or Atom feed, found an HTML page \(u\)/,
    ],
    ['', 'invalid-input', /found an empty document/],
    ['<rss><channel><title>x</title></rss>', 'invalid-input', /expected well-formed XML/],
    ['<opml version="2.0"><body/></opml>', 'unsupported-input', /found a <opml> document/],
    ['not xml at all', 'invalid-input', /well-formed XML/],
  ])('rejects %j', (input, code, pattern) => {
    const error = errorOf(() => parseFeed(input, 'u'));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(pattern);
  });

  it('reads a feed with no items as empty', () => {
    expect(parseFeed('<rss version="2.0"><channel><title>T</title></channel></rss>').items).toEqual([]);
  });
});
