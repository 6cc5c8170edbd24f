import { describe, expect, it } from 'vitest';
import type { Page, StoryListItem } from '../../src/storage/store.js';
import { renderErrorPage, renderNotFoundPage } from '../../src/web/error-page.js';
import { renderSourcesPage } from '../../src/web/sources-page.js';
import { renderStoryList, storyListHref } from '../../src/web/story-list-page.js';
import { renderStoryPage } from '../../src/web/story-page.js';
import { renderUploadPage } from '../../src/web/upload-page.js';
import { HOSTILE } from './fixtures.js';
import { activeContent, parse, textOf } from './inert.js';
import { storedStory } from './stored.js';

const CLEAN = { scripts: [], handlers: [], badLinks: [], foreign: [] };

function item(n: number, extra: Partial<StoryListItem> = {}): StoryListItem {
  return {
    id: `story-${n}`,
    title: `Story number ${n}`,
    articleCount: 3,
    sourceCount: 2,
    sources: ['Alpha Times', 'Beta Post'],
    firstAt: '2026-05-12T09:30:00Z',
    lastAt: '2026-05-12T11:00:00Z',
    updatedAt: '2026-05-12T11:00:00Z',
    lead: `Lead sentence of story ${n}.`,
    ...extra,
  };
}

const page = (items: StoryListItem[], total: number, offset = 0): Page<StoryListItem> => ({
  items,
  total,
  limit: 2,
  offset,
});

describe('story list', () => {
  it('lists title, lead, source count and names, time span, with paging links that keep the order', () => {
    const doc = parse(renderStoryList(page([item(3), item(4)], 5, 2), { order: 'biggest' }));
    const first = doc.querySelector('ol.stories li')!;
    expect(first.querySelector('h2 a')?.getAttribute('href')).toBe('/stories/story-3');
    expect(textOf(first.querySelector('.lead'))).toBe('Lead sentence of story 3.');
    expect(textOf(first)).toContain('2 sources: Alpha Times, Beta Post');
    expect(textOf(first)).toContain('12 May 2026, 09:30 – 11:00');
    expect(textOf(first)).toContain('3 articles');
    expect(doc.querySelector('a[rel=prev]')?.getAttribute('href')).toBe('/?order=biggest');
    expect(doc.querySelector('a[rel=next]')?.getAttribute('href')).toBe('/?order=biggest&offset=4');
    expect(textOf(doc.querySelector('.toggle a[aria-current]'))).toBe('Biggest first');
    expect(doc.querySelector('a[href="/upload"]')).not.toBeNull();
  });

  it('escapes hostile titles, leads and source names', () => {
    const hostile = item(1, { title: HOSTILE.title, lead: HOSTILE.text, sources: [HOSTILE.byline] });
    const html = renderStoryList(page([hostile], 1), { order: 'newest' });
    expect(activeContent(html)).toEqual(CLEAN);
    expect(textOf(parse(html).querySelector('ol.stories h2'))).toBe(HOSTILE.title);
  });

  it('says so when there is nothing, and keeps the query on search pages', () => {
    expect(
      parse(renderStoryList(page([], 0), { order: 'newest' })).querySelector('.empty')?.textContent,
    ).toContain('No stories yet');
    const doc = parse(renderStoryList(page([], 0), { order: 'newest', search: '"><svg onload=alert(1)>' }));
    expect(textOf(doc.querySelector('.empty'))).toBe('No story matches “"><svg onload=alert(1)>”.');
    expect(doc.querySelector('input[name=q]')?.getAttribute('value')).toBe('"><svg onload=alert(1)>');
    expect(storyListHref({ order: 'newest', search: 'a b&c' }, 20)).toBe('/search?q=a+b%26c&offset=20');
  });
});

describe('story page', () => {
  it('shows the report with links to side-by-side views, inert, with every marker targeted', () => {
    const html = renderStoryPage(storedStory());
    expect(activeContent(html)).toEqual(CLEAN);
    const doc = parse(html);
    expect(doc.querySelector('link[rel=stylesheet]')?.getAttribute('href')).toBe('/static/chorus.css');
    expect(doc.querySelector('style')).toBeNull();
    expect(doc.querySelector('#source-1 .compare a')?.getAttribute('href')).toBe(
      '/stories/wexley-bridge/sources?a=1&b=2',
    );
    for (const a of doc.querySelectorAll('sup.cite a'))
      expect(doc.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
  });

  it('says when the report is missing or older than the story', () => {
    const none = parse(renderStoryPage(storedStory('none')));
    expect(textOf(none.querySelector('.warnings'))).toContain('Report not built yet');
    expect(none.querySelectorAll('li.source').length).toBe(3);
    const stale = parse(renderStoryPage(storedStory('stale')));
    expect(textOf(stale.querySelector('#warnings'))).toContain('1 newer article is not in it yet');
  });
});

describe('sources page', () => {
  it('sets two sources side by side and highlights the sentences they share, linked both ways', () => {
    const html = renderSourcesPage(storedStory(), 0, 2);
    expect(activeContent(html)).toEqual(CLEAN);
    const doc = parse(html);
    const left = [...doc.querySelectorAll('.pair > section:first-child mark.shared')];
    const right = [...doc.querySelectorAll('.pair > section:last-child mark.shared')];
    expect(left.length).toBeGreaterThan(0);
    expect(right.length).toBeGreaterThan(0);
    expect(textOf(left[0])).toContain('voted 6-3');
    for (const a of doc.querySelectorAll('mark.shared a'))
      expect(doc.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
    // Not every sentence is shared: the quote of the Ledger is its own.
    expect(textOf(doc.querySelector('.pair > section:first-child'))).toContain('We have waited long enough');
    expect(textOf(doc.querySelector('.pair > section:first-child .legend'))).toMatch(/^\d of 3 sentences/);
  });

  it('renders the hostile source inert', () => {
    expect(activeContent(renderSourcesPage(storedStory(), 1, 0))).toEqual(CLEAN);
  });

  it('refuses indexes outside the story', () => {
    expect(() => renderSourcesPage(storedStory(), 0, 7)).toThrow(RangeError);
  });
});

describe('upload, not found and error pages', () => {
  it('asks for a token only when the server has one', () => {
    const open = parse(renderUploadPage({ action: '/api/upload', tokenRequired: false, maxBytes: 5 << 20 }));
    expect(open.querySelector('#upload-token')).toBeNull();
    expect(open.querySelector('#upload-form')?.getAttribute('data-api')).toBe('/api/upload');
    const locked = parse(renderUploadPage({ action: '/api/upload', tokenRequired: true, maxBytes: 5 << 20 }));
    expect(locked.querySelector('#upload-token')?.getAttribute('type')).toBe('password');
  });

  it('escapes messages', () => {
    expect(activeContent(renderNotFoundPage(HOSTILE.title))).toEqual(CLEAN);
    expect(activeContent(renderErrorPage(500, HOSTILE.byline))).toEqual(CLEAN);
  });
});
