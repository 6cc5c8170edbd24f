/**
 * JSON records as exporters write them: one object, a list, a wrapper object, JSON lines; field names
 * that vary; HTML bodies; Multi-News examples; bad records reported while the others are read.
 */
import { describe, expect, it } from 'vitest';
import { isChorusError } from '../../src/core/errors.js';
import { parseJsonArticles, parseJsonLines } from '../../src/io/index.js';
import { HEADLINE_ONLY } from '../../src/core/article.js';

const T1 = 'The Lowmoor county board voted on Monday to repair the dam spillway before the spring rains.';
const T2 =
  'Engineers found a leak in the spillway three weeks ago, the county said in a statement on Friday.';

describe('parseJsonArticles', () => {
  it.each<[string, unknown, Record<string, unknown>]>([
    [
      'text and flat fields',
      {
        text: T1,
        title: 'Dam vote',
        source: 'Lowmoor Post',
        url: 'https://lowmoorpost.example/a',
        date: '2026-02-01',
        byline: 'Jo Bell',
        id: 'a1',
      },
      {
        text: T1,
        title: 'Dam vote',
        source: 'Lowmoor Post',
        url: 'https://lowmoorpost.example/a',
        date: '2026-02-01',
        byline: 'Jo Bell',
        id: 'a1',
      },
    ],
    [
      'body, headline, author list, publisher object',
      {
        body: T1,
        headline: 'Dam vote',
        author: ['Jo Bell', { name: 'Sam Reyes' }],
        publisher: { name: 'Lowmoor Post' },
        datePublished: '2026-02-01T08:00:00Z',
      },
      {
        text: T1,
        title: 'Dam vote',
        byline: 'Jo Bell, Sam Reyes',
        source: 'Lowmoor Post',
        date: '2026-02-01T08:00:00Z',
      },
    ],
    [
      'content and link',
      { content: T1, link: 'https://www.lowmoor.example/b' },
      { text: T1, url: 'https://www.lowmoor.example/b', source: 'lowmoor.example' },
    ],
    ['a numeric id', { text: T1, id: 42 }, { id: '42' }],
    [
      'an HTML body',
      { content: `<div class="share">Share this</div><p>${T1}</p><p>${T2}</p>`, title: 'Dam vote' },
      { text: `${T1}\n\n${T2}`, title: 'Dam vote' },
    ],
  ])('reads %s', (_name, record, expected) => {
    const read = parseJsonArticles(JSON.stringify(record), { fileName: 'records.json' });
    expect(read.warnings).toEqual([]);
    expect(read.articles).toHaveLength(1);
    expect(read.articles[0]).toMatchObject(expected);
  });

  it('reads a list and a wrapper object, numbering bad records in its warnings', () => {
    const list = parseJsonArticles(
      JSON.stringify([{ text: T1 }, { byline: 'no text' }, 'a string', { text: T2 }, { body: 5 }]),
    );
    expect(list.articles.map((a) => a.text)).toEqual([T1, T2]);
    expect(list.warnings).toEqual([
      'record 2: expected the article text in "text", "body" or "content" (or at least a "title"), found only "byline"',
      'record 3: expected an article object, found a string',
      'record 5: expected the article text in "body" as a string, found a number',
    ]);
    const wrapped = parseJsonArticles(JSON.stringify({ articles: [{ text: T1 }, { text: T2 }] }));
    expect(wrapped.articles).toHaveLength(2);
  });

  it.each([
    [
      'a headline alone',
      { id: 'h1', title: 'Harbor bridge closes for repairs', day: '2026-03-10', source: 'Lowmoor Post' },
      { text: 'Harbor bridge closes for repairs', date: '2026-03-10', source: 'Lowmoor Post' },
    ],
    [
      'a headline and a teaser',
      { headline: 'Dam vote delayed', description: 'The council put off its vote.' },
      { text: 'The council put off its vote.', title: 'Dam vote delayed' },
    ],
    [
      'a headline a page reader would drop as a video label',
      { title: 'VIDEO: Harbor bridge reopens' },
      { text: 'VIDEO: Harbor bridge reopens' },
    ],
    [
      'an aggregator row whose story field is a story id, not text',
      { title: 'Dam vote delayed', story: 'dZx81-Qq' },
      { text: 'Dam vote delayed' },
    ],
  ])('reads %s as a headline-only article', (_name, record, expected) => {
    const read = parseJsonArticles(JSON.stringify(record));
    expect(read.warnings).toEqual([]);
    expect(read.articles[0]).toMatchObject({ ...expected, warnings: [HEADLINE_ONLY] });
  });

  it('names the source after the file when the record does not', () => {
    expect(
      parseJsonArticles(JSON.stringify({ text: T1 }), { fileName: 'lowmoor-post.json' }).articles[0]?.source,
    ).toBe('Lowmoor Post');
  });

  it('refuses malformed JSON with what it expected', () => {
    let error: unknown;
    try {
      parseJsonArticles('{"text": "unfinished');
    } catch (e) {
      error = e;
    }
    expect(isChorusError(error) && error.code).toBe('invalid-input');
    expect(String(error)).toMatch(/expected JSON, found malformed JSON/);
  });

  it('reads a Multi-News record as one article per document', () => {
    const read = parseJsonArticles(JSON.stringify({ id: 'mn1', summary: 'x', documents: [T1, T2] }));
    expect(read.articles.map((a) => a.text)).toEqual([T1, T2]);
  });
});

describe('parseJsonLines', () => {
  it('reads one record per line, skipping blank lines and reporting bad ones by line number', () => {
    const text = [
      JSON.stringify({ text: T1 }),
      '',
      '{broken',
      JSON.stringify({ document: `${T1} ||||| ${T2}` }),
      JSON.stringify({ text: T2, language: 'en' }),
    ].join('\n');
    const read = parseJsonLines(text);
    expect(read.articles.map((a) => a.text)).toEqual([T1, T1, T2, T2]);
    expect(read.warnings).toEqual(['line 3: expected a JSON object, found malformed JSON']);
  });
});
