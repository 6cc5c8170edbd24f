/**
 * HTML pages: the article text without the page's clutter, and what the page says about itself from
 * JSON-LD and meta tags, each source of metadata alone and together.
 */
import { describe, expect, it } from 'vitest';
import { isChorusError } from '../../src/core/errors.js';
import { extractHtml, parseHtmlArticle } from '../../src/io/index.js';
import { JSON_LD, META_TAGS, PARAGRAPHS, newsPage } from './pages.js';

describe('parseHtmlArticle text', () => {
  it.each([
    ['an <article> page', newsPage()],
    ['a page whose text sits in a div', newsPage({ article: false })],
  ])('keeps the paragraphs of %s and drops the clutter', (_name, html) => {
    const a = parseHtmlArticle(html, { fileName: 'lowmoor-post.html' });
    expect(a.text).toBe(PARAGRAPHS.join('\n\n'));
    for (const clutter of [
      'cookies',
      'Share this',
      'Photo:',
      'Related',
      'newsletter',
      'Injected',
      'dataLayer',
      'By Jo Bell',
      'February 2, 2026',
    ])
      expect(a.text).not.toContain(clutter);
  });

  it('reads fragments without <html> or <body>', () => {
    expect(parseHtmlArticle(`<p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p>`).text).toBe(
      `${PARAGRAPHS[0]}\n\n${PARAGRAPHS[1]}`,
    );
    expect(
      parseHtmlArticle(`<html><head><title>Dam</title></head><p>${PARAGRAPHS[0]}</p></html>`),
    ).toMatchObject({
      text: PARAGRAPHS[0],
      title: 'Dam',
    });
  });

  it('turns <br> breaks and inline markup into text', () => {
    const a = parseHtmlArticle(`<div>${PARAGRAPHS[0]}<br><br><em>${PARAGRAPHS[1]}</em></div>`);
    expect(a.text).toBe(`${PARAGRAPHS[0]}\n\n${PARAGRAPHS[1]}`);
  });

  it('never returns markup, even when the text shows a tag', () => {
    const a = parseHtmlArticle(
      `<p>${PARAGRAPHS[0]} The sign read &lt;script&gt;alert(1)&lt;/script&gt;.</p>`,
    );
    expect(a.text).toContain('<script>alert(1)</script>');
    expect(a.text).not.toMatch(/<p>|<\/p>/);
  });

  it.each([
    [
      'navigation and a footer only',
      '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>© 2026</footer></body></html>',
    ],
    ['an empty body', '<html><head><title>Lowmoor Post</title></head><body></body></html>'],
    ['a script shell', '<html><body><div id="app"></div><script>render()</script></body></html>'],
    [
      'an error page',
      '<html><body><h1>404</h1><p>Sorry, the page you are looking for cannot be found.</p></body></html>',
    ],
    [
      'a cookie wall',
      '<html><body><div><p>We use cookies to improve your experience. Accept all cookies to continue.</p></div></body></html>',
    ],
  ])('refuses a page with no article: %s', (_name, html) => {
    let error: unknown;
    try {
      parseHtmlArticle(html);
    } catch (e) {
      error = e;
    }
    expect(isChorusError(error) && error.code).toBe('unsupported-input');
    expect(String(error)).toMatch(/expected a news article in the HTML page, found/);
  });
});

describe('hostile pages', () => {
  it('reads a page nested 2,000 levels deep, and refuses one nested deeper than 5,000, both quickly', () => {
    const text = PARAGRAPHS[0]!;
    expect(parseHtmlArticle(`${'<div>'.repeat(2000)}<p>${text}</p>${'</div>'.repeat(2000)}`).text).toBe(text);
    expect(() => parseHtmlArticle(`${'<div>'.repeat(100_000)}${text}`)).toThrow(
      'expected an HTML page, found markup nested more than 5,000 levels deep',
    );
  });

  it('reads unclosed tags and stray closing tags', () => {
    expect(parseHtmlArticle(`</div></p><p>${PARAGRAPHS[0]}<p><b>${PARAGRAPHS[1]}`).text).toBe(
      `${PARAGRAPHS[0]}\n\n${PARAGRAPHS[1]}`,
    );
  });
});

describe('page metadata', () => {
  it('takes headline, authors, date and outlet from JSON-LD, following @graph references', () => {
    const a = parseHtmlArticle(newsPage({ head: JSON_LD }), { fileName: 'page.html' });
    expect(a).toMatchObject({
      title: 'Repairs begin on the Lowmoor dam spillway',
      byline: 'Jo Bell, Sam Reyes',
      date: '2026-02-02T09:30:00Z',
      source: 'The Lowmoor Post',
      url: 'https://lowmoorpost.example/news/dam-repairs',
      language: 'en',
    });
  });

  it('takes them from Open Graph and article meta tags when there is no JSON-LD', () => {
    const a = parseHtmlArticle(newsPage({ head: META_TAGS }), { fileName: 'page.html' });
    expect(a).toMatchObject({
      title: 'Lowmoor dam repairs start',
      byline: 'Jo Bell',
      date: '2026-02-02T09:00:00Z',
      source: 'Lowmoor Post',
      url: 'https://www.lowmoorpost.example/news/dam-repairs-og',
    });
  });

  it('prefers JSON-LD over meta tags, and ignores malformed JSON-LD', () => {
    const broken = '<script type="application/ld+json">{ "@type": "NewsArticle", "headline": </script>';
    const a = parseHtmlArticle(newsPage({ head: `${broken}${META_TAGS}${JSON_LD}` }));
    expect(a.title).toBe('Repairs begin on the Lowmoor dam spillway');
    expect(a.source).toBe('The Lowmoor Post');
    const onlyBroken = parseHtmlArticle(newsPage({ head: `${broken}${META_TAGS}` }));
    expect(onlyBroken.title).toBe('Lowmoor dam repairs start');
  });

  it('falls back to the h1, the by-line element, the URL host and the file name', () => {
    const plain = newsPage();
    expect(parseHtmlArticle(plain, { fileName: 'lowmoor-post.html' })).toMatchObject({
      title: 'Repairs begin on Lowmoor dam',
      byline: 'Jo Bell',
      source: 'Lowmoor Post',
    });
    expect(parseHtmlArticle(plain, { url: 'https://www.lowmoor.example/x', fileName: 'a.html' }).source).toBe(
      'lowmoor.example',
    );
    const canonical = newsPage({ head: '<link rel="canonical" href="https://news.lowmoor.example/dam">' });
    expect(parseHtmlArticle(canonical, { fileName: 'a.html' })).toMatchObject({
      source: 'news.lowmoor.example',
      url: 'https://news.lowmoor.example/dam',
    });
  });

  it('falls back to the JSON-LD articleBody when the markup holds no text', () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Dam', articleBody: PARAGRAPHS[0] })}</script>`;
    expect(parseHtmlArticle(`<html><head>${ld}</head><body><div id="app"></div></body></html>`).text).toBe(
      PARAGRAPHS[0],
    );
  });

  it.each([
    ['<p class="byline">By Jo Bell · February 2, 2026</p>', 'Jo Bell'],
    ['<span class="author">Sam Reyes</span>', 'Sam Reyes'],
    ['<a rel="author" href="/staff/jo">Jo Bell and Sam Reyes</a>', 'Jo Bell and Sam Reyes'],
  ])('reads the by-line element %s', (element, byline) => {
    const html = `<html><body><article>${element}${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const a = parseHtmlArticle(html);
    expect(a.byline).toBe(byline);
    expect(a.text).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('lets a caller name the source', () => {
    expect(parseHtmlArticle(newsPage({ head: JSON_LD }), { source: 'Feed name' }).source).toBe('Feed name');
  });

  it('hands the feed poller text and title through extractHtml', () => {
    const fields = extractHtml(newsPage({ head: META_TAGS }));
    expect(fields.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(fields.title).toBe('Lowmoor dam repairs start');
  });
});

describe('page shapes that used to lose their article', () => {
  const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');
  const aside = '<div class="sidebar"><p>Weather: sunny over Lowmoor all week, with light winds.</p></div>';
  it.each([
    // ASP.NET-style pages wrap the whole body in one <form>.
    ['a page wrapped in a <form>', `<form id="aspnetForm"><div class="story">${body}</div>${aside}</form>`],
    [
      'a body classed entry-content-read-more',
      `<div class="entry-content entry-content-read-more">${body}</div>${aside}`,
    ],
    ['article text inside div.paywall', `<article><div class="paywall">${body}</div></article>${aside}`],
  ])('%s keeps its text', (_name, inner) => {
    const html = `<html><head><title>Dam</title></head><body>${inner}${aside}${aside}</body></html>`;
    expect(parseHtmlArticle(html).text).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('drops related-link lists, camelCase captions and newsletter forms, keeps links inside sentences', () => {
    const html =
      '<html><body><article>' +
      `<p>${PARAGRAPHS[0]} <a href="/dam">The dam</a> is old.</p>` +
      '<figure><span class="newsCaption">The dam at dawn</span></figure><span class="newsCaption">Crowds on the dam</span>' +
      `<p>${PARAGRAPHS[1]}</p><p>You may also like...</p>` +
      '<ul><li><a href="/a">Who will fix the Lowmoor dam in 2027?</a></li><li><a href="/b">Ten rivers to see</a></li></ul>' +
      '<p><a href="/c">Council votes on the new weir</a> [VIDEO]</p>' +
      '<form><h2>Breaking News Emails</h2><input type="email"></form>' +
      '</article></body></html>';
    const text = parseHtmlArticle(html).text;
    expect(text).toBe(`${PARAGRAPHS[0]} The dam is old.\n\n${PARAGRAPHS[1]}`);
  });
});
