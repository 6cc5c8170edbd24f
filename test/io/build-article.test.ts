/** Dates, source names and hosts: the small rules every reader shares. */
import { describe, expect, it } from 'vitest';
import { buildArticle, looksLikeHash } from '../../src/io/build-article.js';
import { fileStem, hostOf, normalizeDate, sourceName } from '../../src/io/index.js';

describe('normalizeDate', () => {
  it.each<[string, string | undefined]>([
    ['2026-03-14', '2026-03-14'],
    ['2026-03-14T09:30:00-05:00', '2026-03-14T09:30:00-05:00'],
    ['2026-03-14T09:30:00.000Z', '2026-03-14T09:30:00.000Z'],
    ['2026-03-14 09:30', '2026-03-14T09:30'],
    ['20260314', '2026-03-14'],
    ['1773446400', '2026-03-14T00:00:00Z'],
    ['1773446400000', '2026-03-14T00:00:00Z'],
    ['March 14, 2026', '2026-03-14'],
    ['14 March 2026', '2026-03-14'],
    ['Saturday, March 14th, 2026', '2026-03-14'],
    ['  ', undefined],
  ])('%j → %j', (raw, expected) => {
    const warnings: string[] = [];
    expect(normalizeDate(raw, warnings)).toBe(expected);
    expect(warnings).toEqual([]);
  });

  it.each([['03/04/2026'], ['yesterday'], ['2026-13']])('leaves out %j with a warning', (raw) => {
    const warnings: string[] = [];
    expect(normalizeDate(raw, warnings)).toBeUndefined();
    expect(warnings).toEqual([`date "${raw}" not understood; left out`]);
  });
});

describe('source names', () => {
  it.each<
    [
      { outlet?: string; url?: string },
      { source?: string; url?: string; fileName?: string },
      string | undefined,
    ]
  >([
    [
      { outlet: 'Lowmoor Post', url: 'https://www.lowmoorpost.example/a' },
      { fileName: 'a.html' },
      'Lowmoor Post',
    ],
    [{ url: 'https://www.lowmoorpost.example/a' }, { fileName: 'a.html' }, 'lowmoorpost.example'],
    [{}, { url: 'https://news.lowmoor.example/a', fileName: 'a.html' }, 'news.lowmoor.example'],
    [{}, { fileName: 'lowmoor-post.jsonl.gz' }, 'Lowmoor Post'],
    [{}, { fileName: 'article1.txt' }, 'article1'],
    [{}, { fileName: 'Notes from Tuesday.txt' }, 'Notes from Tuesday'],
    [{ outlet: '  Lowmoor\n Post ' }, {}, 'Lowmoor Post'],
    [{ outlet: 'Lowmoor Post' }, { source: 'Given by the caller' }, 'Given by the caller'],
    [{ url: 'mailto:desk@lowmoor.example' }, {}, undefined],
  ])('%j %j → %j', (fields, meta, expected) => {
    expect(sourceName(fields, meta)).toBe(expected);
  });

  it.each<[string | undefined, string | undefined]>([
    ['https://www.a.example/x', 'a.example'],
    ['http://b.example', 'b.example'],
    ['ftp://c.example/x', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('hostOf(%j) = %j', (url, host) => {
    expect(hostOf(url)).toBe(host);
  });

  it.each([
    ['harbor-gazette.html', 'harbor-gazette'],
    ['/a/b/story.jsonl.gz', 'story'],
    ['no-extension', 'no-extension'],
    ['.hidden', '.hidden'],
  ])('fileStem(%j) = %j', (name, stem) => {
    expect(fileStem(name)).toBe(stem);
  });
});

describe('file names that are ids', () => {
  it.each<[string, boolean]>([
    ['000_ed36d4466021a165', true],
    ['3f2a9c41d07b', true],
    ['20260322', true],
    ['harbor-gazette', false],
    ['article1', false],
    ['decade', false],
  ])('looksLikeHash(%s) = %s', (stem, expected) => expect(looksLikeHash(stem)).toBe(expected));

  it('names a source by its by-line, then its title, never by a hash file name', () => {
    const meta = { fileName: '000_ed36d4466021a165.txt' };
    expect(sourceName({ byline: 'Ada Flint', title: 'Dam' }, meta)).toBe('Ada Flint');
    expect(sourceName({ title: 'Dam repairs begin' }, meta)).toBe('Dam repairs begin');
    expect(sourceName({ byline: 'Ada Flint' }, { fileName: 'lowmoor-post.txt' })).toBe('Lowmoor Post');
  });
});

describe('buildArticle', () => {
  it('passes every field on, named from the file as it changes from article to article', () => {
    const fields = {
      text: 'The dam opens in May.',
      id: 'a1',
      title: 'Dam opens',
      byline: 'Ada Flint',
      date: 'March 10, 2026',
      url: 'https://example.org/dam',
      outlet: 'Lowmoor Post',
      language: 'en',
    };
    expect(buildArticle(fields, { fileName: 'x.jsonl' })).toEqual({
      id: 'a1',
      source: 'Lowmoor Post',
      text: 'The dam opens in May.',
      warnings: [],
      url: 'https://example.org/dam',
      title: 'Dam opens',
      byline: 'Ada Flint',
      date: '2026-03-10',
      language: 'en',
    });
    const text = { text: 'The dam opens in May.' };
    // The file's name is worked out once per file: each change of file must be seen.
    expect(buildArticle(text, { fileName: 'lowmoor-post.txt' }).source).toBe('Lowmoor Post');
    expect(buildArticle(text, { fileName: '3f2a9c41d07b.txt' }).source).toBe('3f2a9c41d07b');
    expect(buildArticle({ ...text, byline: 'Ada Flint' }, { fileName: '3f2a9c41d07b.txt' }).source).toBe(
      'Ada Flint',
    );
    expect(buildArticle({ ...text, byline: 'Ada Flint' }, { fileName: 'harbor-gazette.txt' }).source).toBe(
      'Harbor Gazette',
    );
    expect(buildArticle(text, {}).source).toBe('unknown source');
  });
});
