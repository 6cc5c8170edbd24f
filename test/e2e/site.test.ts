/**
 * End to end: the real server, a real Chromium. Reads the story list, opens a story, follows a
 * citation to its highlighted passage and a source to the side-by-side view, uploads articles through
 * the form (with and without the page script) and finds them listed and searchable, checks that script-laden articles stay inert, and
 * that a 375 px wide phone never scrolls sideways. Screenshots land in test/e2e/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, openPage, SCREENSHOTS, screenshot, startSite, type TestSite } from './browser.js';
import { CALM_ARTICLE, HOSTILE_PAGE, PASTED, UPLOAD_STORY } from './fixtures.js';

// Browser globals used inside page.evaluate callbacks (the project compiles without the DOM library).
declare const window: { __xss?: unknown };
declare const document: {
  querySelector(selector: string): { id: string } | null;
  querySelectorAll(selector: string): Iterable<unknown>;
  createRange(): { selectNodeContents(node: unknown): void; getClientRects(): Iterable<{ top: number }> };
  documentElement: { scrollWidth: number };
  querySelectorAll(selector: string): Iterable<unknown>;
  createRange(): { selectNodeContents(node: unknown): void; getClientRects(): Iterable<{ top: number }> };
};
declare const innerHeight: number;
declare function getComputedStyle(element: unknown): { backgroundColor: string; outlineStyle: string };

// A browser walking several pages on a shared two-core machine needs more than the unit-test budget.
vi.setConfig({ testTimeout: 90_000 });

let site: TestSite | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
const dialogs: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
  site = await startSite();
  context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  context.on('page', (page) => page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss())));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const open = (path: string) => openPage(context, site!, path);

/** Whether the page ran any script from an article: window.__xss set, or a dialog opened. */
async function xssTrace(page: Page): Promise<unknown> {
  return page.evaluate(() => window.__xss);
}

describe('story list', () => {
  it('lists the sample stories newest first, and biggest first on the toggle', async () => {
    const page = await open('/');
    const items = page.locator('ol.stories > li');
    expect(await items.count()).toBeGreaterThanOrEqual(6);
    await expect
      .poll(() => page.locator('ol.stories h2').allTextContents())
      .toContainEqual(expect.stringContaining('Harbor Bridge'));
    await screenshot(page, 'list');
    await page.click('text=Biggest first');
    await page.waitForURL(/order=biggest/);
    const counts = (await page.locator('ol.stories .meta strong').allTextContents()).map((t) =>
      parseInt(t, 10),
    );
    expect(counts.length).toBeGreaterThanOrEqual(6);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    await page.close();
  });
});

describe('story page', () => {
  it('jumps from a citation marker to the highlighted passage of its source, then to the side-by-side view', async () => {
    const page = await open('/');
    await page.click('ol.stories h2 a:has-text("Harbor Bridge")');
    await page.waitForURL(/\/stories\//);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Harbor Bridge');
    await screenshot(page, 'story');

    // A marker citing a source other than the origin: the passage target unfolds and lights up.
    const marker = page.locator('sup.cite a:not(.origin)').first();
    const href = (await marker.getAttribute('href'))!;
    await marker.click();
    await page.waitForURL(new RegExp(`${href}$`));
    const id = href.slice(1);
    const passage = page.locator(`li:has(> [id="${id}"])`);
    await expect.poll(() => passage.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(id);
    const background = await passage.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    // The source holding it is highlighted too, and its passage is in the viewport.
    const source = page.locator(`li.source:has([id="${id}"])`);
    expect(await source.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    expect(
      await passage.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }),
    ).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}story-citation.png` });

    // The original link is safe to follow.
    const original = page.locator('a.original').first();
    expect(await original.getAttribute('rel')).toBe('noopener noreferrer nofollow');

    await source.locator('.compare a').first().click();
    await page.waitForURL(/\/sources\?a=\d+&b=\d+/);
    expect(await page.locator('.pair > section').count()).toBe(2);
    expect(await page.locator('.pair > section:first-child mark.shared').count()).toBeGreaterThan(0);
    expect(await page.locator('.pair > section:last-child mark.shared').count()).toBeGreaterThan(0);
    const link = page.locator('.pair > section:first-child mark.shared a').first();
    const match = (await link.getAttribute('href'))!;
    await link.click();
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(match.slice(1));
    await screenshot(page, 'side-by-side');
    await page.close();
  });

  it('says plainly when a story has one source', async () => {
    const page = await open('/search?q=library');
    await page.click('ol.stories h2 a:has-text("Ashgrove")');
    await page.waitForURL(/\/stories\//);
    expect(await page.locator('#warnings').textContent()).toContain('one source');
    await page.close();
  });
});

describe('upload, list and search', () => {
  it('uploads files and pasted text through the form, then finds them listed and searchable', async () => {
    const page = await open('/upload');
    await page.setInputFiles('#upload-files', [
      {
        name: CALM_ARTICLE.name,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(CALM_ARTICLE.record)),
      },
      { name: HOSTILE_PAGE.name, mimeType: 'text/html', buffer: Buffer.from(HOSTILE_PAGE.html) },
    ]);
    await page.fill('#upload-title', PASTED.title);
    await page.fill('#upload-source', PASTED.source);
    await page.fill('#upload-text', PASTED.text);
    await page.click('#upload-form button[type=submit]');
    const outcomes = page.locator('#upload-outcomes li');
    await expect.poll(() => outcomes.count(), { timeout: 60_000 }).toBe(3);
    const texts = await outcomes.allTextContents();
    expect(texts.filter((t) => t.includes('ingested'))).toHaveLength(3);
    expect(texts.join('\n')).toContain(CALM_ARTICLE.name);
    expect(texts.join('\n')).toContain('pasted.json');
    // Story links read as the stories' titles once the API has told them.
    await expect
      .poll(() => outcomes.first().locator('a').textContent(), { timeout: 10_000 })
      .toContain('Quillanmere');
    await screenshot(page, 'upload');
    expect(await xssTrace(page)).toBeUndefined();

    await outcomes.first().locator('a').click();
    await page.waitForURL(/\/stories\//);
    expect(await page.locator('#sources').textContent()).toContain('Quillanmere Courier');
    expect(await xssTrace(page)).toBeUndefined();

    const list = await open('/');
    expect(await list.locator('ol.stories').textContent()).toContain('Quillanmere');

    const search = await open('/');
    await search.fill('#site-q', UPLOAD_STORY.searchWord);
    await search.press('#site-q', 'Enter');
    await search.waitForURL(/\/search\?q=/);
    expect(await search.locator('ol.stories h2').first().textContent()).toContain('Quillanmere');
    expect(await search.locator('ol.stories').textContent()).not.toContain('Harbor Bridge');
    await screenshot(search, 'search');
    for (const p of [page, list, search]) await p.close();
  });
});

describe('upload without the page script', () => {
  it('posts the form itself and answers with an outcome page linking to the story', async () => {
    const plain = await browser!.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1100, height: 900 },
    });
    try {
      const page = await plain.newPage();
      await page.goto(`${site!.url}/upload`);
      await page.fill('#upload-title', 'Gull Rock lighthouse keeper retires after 31 years');
      await page.fill('#upload-source', 'Quillanmere Courier');
      await page.fill(
        '#upload-text',
        'Ansel Marrow, who kept the Gull Rock light for 31 years, handed over the keys on Friday. ' +
          'The light was automated in March, and Marrow stayed on to train the maintenance crew.',
      );
      await Promise.all([page.waitForURL(/\/api\/upload$/), page.click('#upload-form button[type=submit]')]);
      expect(await page.locator('#upload-status').textContent()).toContain('1 ingested');
      const item = page.locator('#upload-outcomes li').first();
      expect(await item.textContent()).toMatch(/pasted\.json: ingested/);
      expect(await item.locator('a').textContent()).toContain('Gull Rock lighthouse keeper retires');
      await screenshot(page, 'upload-no-script');
      await item.locator('a').click();
      await page.waitForURL(/\/stories\//);
      expect(await page.locator('h1').textContent()).toContain('Gull Rock lighthouse keeper retires');

      // An empty form gets an error page, not JSON.
      await page.goto(`${site!.url}/upload`);
      await Promise.all([page.waitForURL(/\/api\/upload$/), page.click('#upload-form button[type=submit]')]);
      expect(await page.locator('h1').textContent()).toContain('Something went wrong (400)');
      expect(await page.locator('.error-page').textContent()).toContain('found neither');
    } finally {
      await plain.close();
    }
  });
});

describe('hostile articles', () => {
  it('never runs script from an article: no window.__xss, no dialog, no injected elements', async () => {
    // The hostile page may already be in from the upload test; a second upload is a harmless duplicate.
    const form = new FormData();
    form.append('files', new Blob([HOSTILE_PAGE.html], { type: 'text/html' }), HOSTILE_PAGE.name);
    const upload = await fetch(`${site!.url}/api/upload`, { method: 'POST', body: form });
    expect(upload.status).toBe(200);
    const pages: Page[] = [];
    for (const q of ['tram', UPLOAD_STORY.searchWord]) {
      const results = await open(`/search?q=${encodeURIComponent(q)}`);
      const links = await results
        .locator('ol.stories h2 a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(links.length, q).toBeGreaterThan(0);
      pages.push(results);
      for (const href of links) {
        const story = await open(href);
        pages.push(story);
        const compare = await story
          .locator('.compare a')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
        if (compare[0]) pages.push(await open(compare[0]));
      }
    }
    for (const page of pages) {
      await page.waitForLoadState('load');
      expect(await xssTrace(page), page.url()).toBeUndefined();
      expect(await page.locator('main script, main svg, main img, main iframe').count(), page.url()).toBe(0);
      expect(await page.locator('main [onerror], main [onload]').count(), page.url()).toBe(0);
    }
    // The markup written in articles arrives as text a reader can see.
    const shown = (await Promise.all(pages.map((p) => p.locator('main').innerText()))).join('\n');
    expect(shown).toContain("<script>alert('tram')</script>");
    expect(shown).toContain('<script>window.__xss = 5</script>');
    expect(dialogs).toEqual([]);
    for (const page of pages) await page.close();
  });
});

describe('small screens', () => {
  it('has no horizontal scroll at 375 px on any page', async () => {
    const phone = await browser!.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await phone.newPage();
    await page.goto(site!.url + '/');
    const story = (await page.locator('ol.stories h2 a:has-text("Harbor Bridge")').getAttribute('href'))!;
    const paths = ['/', '/search?q=bridge', story, `${story}/sources?a=1&b=2`, '/upload', '/no/such/page'];
    for (const [i, path] of paths.entries()) {
      await page.goto(site!.url + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(375);
      await page.screenshot({ path: `${SCREENSHOTS}phone-${i}.png`, fullPage: i !== 2 });
    }
    await phone.close();
  });

  it('keeps words whole in the entity table at 375 px (it scrolls in its box instead)', async () => {
    const phone = await browser!.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await phone.newPage();
    await page.goto(site!.url + '/');
    const story = (await page.locator('ol.stories h2 a:has-text("Harbor Bridge")').getAttribute('href'))!;
    await page.goto(site!.url + story);
    // A one-word cell broken inside its word ("perso/n") lays its text out on more than one line box.
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll('table.entities td:nth-child(2)')].map((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(Math.max(...lines)).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.close();
  });

  it('answers unknown pages and bad source numbers with HTML pages', async () => {
    const page = await open('/no/such/page');
    expect(await page.locator('h1').textContent()).toBe('Not found');
    const story = await open('/stories/no-such-story');
    expect(await story.locator('h1').textContent()).toBe('Not found');
    for (const p of [page, story]) await p.close();
  });
});
