/**
 * End to end, the reader's side of running Chorus: the real server (allowing loopback feeds) and a real
 * Chromium. Follows a feed the test serves itself through the feeds page (refusing a metadata address,
 * adding, polling, pausing, resuming, removing), asks a story what is new since a time after a later
 * item arrives, reads the Atom feeds back with our own feed reader, and uses the reader controls of
 * the story list (kept in the URL and a cookie). Screenshots land in test/e2e/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseFeed } from '../../src/feeds/parse-feed.js';
import { launchChromium, openPage, SCREENSHOTS, screenshot, startSite, type TestSite } from './browser.js';
import { LIGHTHOUSE, startNewsSite, type NewsSite } from './reader-fixtures.js';

vi.setConfig({ testTimeout: 120_000 });

let site: TestSite | undefined;
let news: NewsSite | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let storyPath = '';
let sinceIso = '';

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
  news = await startNewsSite();
  site = await startSite({ allowPrivate: true });
  context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await news?.close();
});

const open = (path: string) => openPage(context, site!, path);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The story of the feed's articles, once its report is built from all `articles` of them. */
async function lighthouseStory(articles: number): Promise<{ id: string; path: string }> {
  let found: { id: string; path: string } | undefined;
  await expect
    .poll(
      async () => {
        const res = await context.request.get(`${site!.url}/api/search?q=${LIGHTHOUSE.searchWord}`);
        const stories = (await res.json()).stories.items as { id: string; articleCount: number }[];
        const story = stories.find((s) => s.articleCount === articles);
        if (!story) return false;
        const detail = await (await context.request.get(`${site!.url}/api/stories/${story.id}`)).json();
        found = { id: story.id, path: `/stories/${encodeURIComponent(story.id)}` };
        return detail.story.reportCurrent as boolean;
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe(true);
  return found!;
}

describe('the feeds page', () => {
  it('refuses a metadata address, then follows a feed: poll, pause, resume', async () => {
    const page = await open('/feeds');
    expect(await page.locator('#no-feeds').isVisible()).toBe(true);

    await page.fill('#feed-url', 'http://169.254.169.254/latest/meta-data');
    await page.click('#add-feed button[type=submit]');
    await expect.poll(() => page.locator('#feeds-problem').textContent()).toContain('169.254.169.254');
    expect(await page.locator('li.feed').count()).toBe(0);

    await page.fill('#feed-url', news!.feedUrl);
    await page.fill('#feed-title', 'Coast wire');
    await page.click('#add-feed button[type=submit]');
    await page.waitForURL(/\/feeds\?done=added$/);
    const feed = page.locator('li.feed');
    expect(await feed.locator('h2').textContent()).toBe('Coast wire');

    // The server's worker polls a new feed at once; "Poll now" does the same on demand.
    await feed.locator('button:has-text("Poll now")').click();
    await page.waitForURL(/done=polled/);
    await expect
      .poll(async () => {
        await page.reload();
        return page.locator('li.feed .feed-articles').textContent();
      })
      .toBe('2');
    expect(await page.locator('li.feed .feed-last-poll').textContent()).not.toBe('never');
    await screenshot(page, 'feeds');

    await page.locator('li.feed button:has-text("Pause")').click();
    await page.waitForURL(/done=paused/);
    expect(await page.locator('li.feed .feed-state').textContent()).toContain('paused');
    expect(await page.locator('li.feed .feed-next-poll').textContent()).toBe('not while paused');
    await page.locator('li.feed button:has-text("Resume")').click();
    await page.waitForURL(/done=resumed/);
    expect(await page.locator('li.feed .feed-state').textContent()).toContain('active');
    await page.close();
  });
});

describe('a story’s life', () => {
  it('shows when it was first seen and updated, and marks what entered since a time', async () => {
    const before = await lighthouseStory(2);
    sinceIso = new Date().toISOString();
    await sleep(1100);
    news!.publishLater();
    const feeds = await open('/feeds');
    await feeds.locator('li.feed button:has-text("Poll now")').click();
    await feeds.waitForURL(/done=polled/);
    expect(await feeds.locator('li.feed .feed-articles').textContent()).toBe('3');
    await feeds.close();

    const after = await lighthouseStory(3);
    // The later article joined the same story: its permalink did not change.
    expect(after.id).toBe(before.id);
    storyPath = after.path;

    const page = await open(`${storyPath}?since=${encodeURIComponent(sinceIso)}`);
    expect(await page.locator('#first-seen').getAttribute('datetime')).toMatch(/^\d{4}-/);
    expect(await page.locator('#last-updated').getAttribute('datetime')).toMatch(/^\d{4}-/);
    const marked = await page.locator('mark.sentence.new, li.new').count();
    expect(marked).toBeGreaterThan(0);
    expect(await page.locator('#new-since').textContent()).toContain('new since');
    // Each new summary sentence keeps its citation markers.
    const newSentences = page.locator('mark.sentence.new');
    for (let i = 0; i < (await newSentences.count()); i++)
      expect(await newSentences.nth(i).locator('sup.cite a').count()).toBeGreaterThan(0);
    const api = await (
      await context.request.get(`${site!.url}/api${storyPath}?since=${encodeURIComponent(sinceIso)}`)
    ).json();
    expect(api.life.newSentences.length + api.life.newFacts.length).toBe(marked);
    await screenshot(page, 'story-new-since');

    // The form asks the same by minute; far in the future nothing is new.
    await page.fill('#since', '2999-01-01T00:00');
    await page.click('form.since button[type=submit]');
    await page.waitForURL(/since=2999-01-01T00%3A00/);
    expect(await page.locator('#new-since').textContent()).toContain('Nothing new since');
    expect(await page.locator('mark.sentence.new, li.new').count()).toBe(0);
    await page.close();
  });
});

describe('Atom feeds', () => {
  it('are valid Atom our own feed reader reads back: stories, one story, a saved search', async () => {
    expect(storyPath).not.toBe('');
    const get = async (path: string) => {
      const res = await context.request.get(site!.url + path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()['content-type'], path).toContain('application/atom+xml');
      return parseFeed(await res.text(), path);
    };
    const all = await get('/stories.atom');
    expect(all.kind).toBe('atom');
    const entry = all.items.find((i) => i.link === site!.url + storyPath);
    expect(entry?.id).toBe(site!.url + storyPath);
    // Newest updates first: the story that just changed leads.
    expect(all.items[0]?.link).toBe(site!.url + storyPath);

    const one = await get(`${storyPath}.atom`);
    expect(one.items.length).toBeGreaterThan(1);
    const newest = one.items[0]!;
    expect(Date.parse(newest.date!)).toBeGreaterThan(Date.parse(sinceIso));

    const search = await get(`/search.atom?q=${LIGHTHOUSE.searchWord}`);
    expect(search.items.map((i) => i.link)).toContain(site!.url + storyPath);

    // The story page links its feed, and the browser gets the XML document.
    const page = await open(storyPath);
    const href = await page.locator('a[type="application/atom+xml"]').getAttribute('href');
    expect(href).toBe(`${storyPath}.atom`);
    await page.close();
  });
});

describe('reader controls', () => {
  it('mute an outlet and a word and keep a language, in the URL and across visits', async () => {
    const page = await open('/');
    const titles = () => page.locator('ol.stories h2').allTextContents();
    const all = await titles();
    expect(all.some((t) => t.includes('Marrowby'))).toBe(true);

    // One click mutes an outlet: a story only it reports goes, the three-outlet story stays.
    const ashgrove = page.locator('ol.stories > li', { hasText: 'Ashgrove' });
    await ashgrove.locator('.mute-menu summary').click();
    await ashgrove.locator('a.mute').first().click();
    await page.waitForURL(/mute=/);
    await expect.poll(titles).not.toContainEqual(expect.stringContaining('Ashgrove'));
    expect(await page.locator('#reader-active').textContent()).toContain('hidden');

    // The cookie keeps it on the next visit, with no query.
    await page.goto(site!.url + '/');
    expect(await titles()).not.toContainEqual(expect.stringContaining('Ashgrove'));

    // A hidden word and a language, through the form.
    await page.fill('#rc-hide', LIGHTHOUSE.searchWord.toLowerCase());
    await page.click('form.reader-controls button[type=submit]');
    await page.waitForURL(/hide=marrowby/);
    expect(await titles()).not.toContainEqual(expect.stringContaining('Marrowby'));
    await page.fill('#rc-lang', 'zz');
    await page.click('form.reader-controls button[type=submit]');
    await page.waitForURL(/lang=zz/);
    expect(await page.locator('ol.stories > li').count()).toBe(0);
    expect(await page.locator('p.empty').textContent()).toContain('reader controls');
    await screenshot(page, 'reader-controls');

    await page.click('#reader-clear');
    await page.waitForURL(/prefs=1/);
    await expect.poll(async () => (await titles()).length).toBe(all.length);
    await page.goto(site!.url + '/');
    expect((await titles()).length).toBe(all.length);
    await page.close();
  });

  it('removes the feed from the feeds page, keeping its articles', async () => {
    const page = await open('/feeds');
    await page.locator('li.feed button:has-text("Remove")').click();
    await page.waitForURL(/done=removed/);
    expect(await page.locator('#no-feeds').isVisible()).toBe(true);
    const res = await context.request.get(`${site!.url}/api${storyPath}`);
    expect((await res.json()).articles.length).toBe(3);
    await page.close();
  });
});
