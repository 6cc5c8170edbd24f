/**
 * The samples through the real reader, as `npm start` and `chorus summarize samples/<story>` read them:
 * every story folder reads with nothing rejected, and the metadata each page or header declares is found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/model.js';
import { readInputs } from '../../src/io/index.js';

const ROOT = fileURLToPath(new URL('../../samples/', import.meta.url));
const stories = readdirSync(ROOT)
  .filter((name) => statSync(join(ROOT, name)).isDirectory())
  .sort();
const files = (story: string) => readdirSync(join(ROOT, story)).sort();

/** What a page declares in its head, read with plain patterns so the test does not share the reader's code. */
function declared(story: string, file: string) {
  const head = readFileSync(join(ROOT, story, file), 'latin1');
  const meta = (property: string) =>
    new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(head)?.[1];
  return { title: meta('og:title'), source: meta('og:site_name'), date: meta('article:published_time') };
}

const reads = new Map<string, Awaited<ReturnType<typeof readInputs>>>();
async function read(story: string) {
  if (!reads.has(story)) reads.set(story, await readInputs([join(ROOT, story)], {}));
  return reads.get(story)!;
}
async function articleOf(story: string, file: string): Promise<Article> {
  const report = await read(story);
  const index = report.outcomes.findIndex((o) => o.input.endsWith(`${story}/${file}`));
  expect(index, `${file} among the outcomes`).toBeGreaterThanOrEqual(0);
  expect(report.outcomes[index]!.articles).toBe(1);
  // Articles come in the order of the outcomes, each outcome saying how many it gave.
  const offset = report.outcomes.slice(0, index).reduce((n, o) => n + o.articles, 0);
  return report.articles[offset]!;
}

describe('reading the samples with readInputs', () => {
  it.each(stories)('%s reads every file, none rejected or skipped', async (story) => {
    const report = await read(story);
    expect(report.outcomes.map((o) => [o.input.split('/').at(-1), o.status, o.reason])).toEqual(
      files(story).map((file) => [file, 'ingested', undefined]),
    );
    expect(report.outcomes.every((o) => o.articles === 1)).toBe(true);
    expect(report.articles).toHaveLength(files(story).length);
    for (const article of report.articles) expect(article.text.split(/\s+/).length).toBeGreaterThan(150);
  });

  const pages = stories.flatMap((story) =>
    files(story)
      .filter((file) => file.endsWith('.html'))
      .map((file) => ({ story, file })),
  );
  it.each(pages)('$story/$file: title, source and date as the page declares them', async ({ story, file }) => {
    const expected = declared(story, file);
    expect(expected.title && expected.source && expected.date).toBeTruthy();
    const article = await articleOf(story, file);
    expect(article.title).toBe(expected.title);
    expect(article.source).toBe(expected.source);
    expect(article.date?.slice(0, 10)).toBe(expected.date!.slice(0, 10));
  });

  it.each([
    ['harbor-bridge-closure', 'northgate-herald.txt', 'Northgate Herald', '2026-03-10', /^Port Calder closes/],
    ['harbor-bridge-closure', 'channel-6-calder-bay.txt', 'Calder Bay Channel 6', '2026-03-10', /^Harbor Bridge closure:/],
    ['harbor-bridge-closure', 'calder-daily-record.json', 'Calder Daily Record', '2026-03-10', /^Cracks close/],
    ['fenwick-tram-vote', 'fenwick-free-press.txt', 'Fenwick Free Press', '2026-04-22', /^Eastside tram wins/],
    ['millbrook-plant-fire', 'riverside-evening-post.txt', undefined, '2026-03-14', undefined],
  ])('%s/%s: source and date from its header or record', async (story, file, source, date, title) => {
    const article = await articleOf(story, file);
    if (source) expect(article.source).toBe(source);
    expect(article.date?.slice(0, 10)).toBe(date);
    if (title) expect(article.title).toMatch(title);
    expect(article.text).not.toMatch(/^(Title|By|Date|Source|URL):|^date \d/m);
  });

  it('decodes the windows-1252 page: curly quotes and accents come out as themselves', async () => {
    const article = await articleOf('millbrook-plant-fire', 'millbrook-sentinel.html');
    expect(article.text).toContain('“This was as hard a fire as this department has fought in ten years,”');
    expect(article.text).toContain('René Dufauret');
    expect(article.text).not.toContain('\ufffd');
  });

  it('keeps the hostile page as text: no script code, the quoted payload kept verbatim for the pages to escape', async () => {
    const article = await articleOf('fenwick-tram-vote', 'fenwick-chronicle.html');
    expect(article.text).not.toContain('window.__xss');
    expect(article.text).toContain("<script>alert('tram')</script>");
  });

  // Words that appear in the samples only in banners, menus, share bars, ads and link lists.
  const CLUTTER =
    /cookies|Share this article|Comparta esta noticia|Subscribe|Suscríbase|^Advertisement$|^Related:|^Relacionadas|^Read more|Most read|All rights reserved|Privacy/im;

  it.each(stories)('%s: the page clutter is gone', async (story) => {
    for (const article of (await read(story)).articles) expect(article.text, article.source).not.toMatch(CLUTTER);
  });

  it('tells the Spanish article apart', async () => {
    const article = await articleOf('isla-morena-ferry-grounding', 'el-faro-de-isla-morena.html');
    expect(article.language).toBe('es');
    const english = (await read('isla-morena-ferry-grounding')).articles.filter((a) => a !== article);
    for (const a of english) expect(a.language ?? 'en').toBe('en');
  });
});
