import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import type { Article } from '../../src/core/model.js';
import { buildStoryReport } from '../../src/core/pipeline.js';
import { headlineFrom, storyTitle } from '../../src/core/story-title.js';

const art = (id: string, extra: Partial<Article>): Article =>
  makeArticle({
    id,
    source: `Outlet ${id}`,
    text: 'The Pelagia Star ran aground off Punta Gaviota on Saturday, and all 230 people aboard were taken off safely.',
    ...extra,
  });

describe('storyTitle', () => {
  it.each<[string, Article[], string | undefined]>([
    [
      'the main language wins over the first arrival',
      [
        art('es', { language: 'es', title: 'Encalla el ferry Pelagia Star', date: '2026-05-09' }),
        art('en1', { language: 'en', title: 'Ferry aground off Punta Gaviota', date: '2026-05-10' }),
        art('en2', { language: 'en', title: 'All 230 rescued from grounded ferry', date: '2026-05-11' }),
      ],
      'Ferry aground off Punta Gaviota',
    ],
    [
      'the earliest dated article, undated ones after',
      [
        art('a', { title: 'Undated headline' }),
        art('b', { title: 'Later headline', date: '2026-05-12' }),
        art('c', { title: 'Earliest headline', date: '2026-05-09T08:00:00Z' }),
      ],
      'Earliest headline',
    ],
    [
      'within a day, story order: a bare date is not midnight',
      [
        art('a', { title: 'Morning edition', date: '2026-05-09T09:30:00-05:00' }),
        art('b', { title: 'Date only', date: '2026-05-09' }),
      ],
      'Morning edition',
    ],
    [
      'story order when nothing is dated',
      [art('a', {}), art('b', { title: ' First titled ' }), art('c', { title: 'Second' })],
      'First titled',
    ],
    [
      'a foreign headline rather than none',
      [
        art('en', { language: 'en' }),
        art('en2', { language: 'en' }),
        art('es', { language: 'es', title: 'Encalla el ferry' }),
      ],
      'Encalla el ferry',
    ],
    ['no title at all', [art('a', {}), art('b', { title: '   ' })], undefined],
  ])('%s', (_case, articles, expected) => {
    expect(storyTitle({ id: 's', articles })).toBe(expected);
  });

  it('titles the report of a story given without a title, and keeps a given one', () => {
    const articles = [
      art('es', { language: 'es', title: 'Encalla el ferry Pelagia Star' }),
      art('en', { language: 'en', title: 'Ferry aground off Punta Gaviota' }),
      art('en2', { language: 'en' }),
    ];
    expect(buildStoryReport({ id: 's', articles }, { words: 60 }).story.title).toBe(
      'Ferry aground off Punta Gaviota',
    );
    expect(buildStoryReport({ id: 's', title: 'Given', articles }, { words: 60 }).story.title).toBe('Given');
  });
});

describe('headlineFrom', () => {
  it.each<[string | undefined, string | undefined]>([
    [undefined, undefined],
    ['   ', undefined],
    ['The ferry returned.', 'The ferry returned'],
    [
      'The Pelagia Star ran aground off Punta Gaviota on Saturday, and all 230 people aboard were taken off safely.',
      'The Pelagia Star ran aground off Punta Gaviota on Saturday…',
    ],
    [
      'Rangers in the valley said on Monday that the new bridge to the old town would open soon.',
      'Rangers in the valley said on Monday that the new bridge…',
    ],
  ])('%j → %j', (sentence, expected) => {
    expect(headlineFrom(sentence)).toBe(expected);
  });
});

describe('a story whose articles have no headline', () => {
  it('is titled from its summary, never "Untitled story"', () => {
    const report = buildStoryReport({
      id: 's',
      articles: [
        art('a', {}),
        art('b', {
          text: 'All 230 people aboard the Pelagia Star were safe after it ran aground on Saturday.',
        }),
      ],
    });
    const title = report.story.title ?? '';
    expect(title).not.toBe('');
    expect(title).not.toMatch(/untitled/i);
    const lead = report.summary.sentences[0]?.text ?? '';
    expect(lead.startsWith(title.replace(/…$/, ''))).toBe(true);
  });
});
