/** Shared summary rules: one language, one statement of each fact, sentences rather than headings. */
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import type { Article } from '../../src/core/model.js';
import { buildStoryReport } from '../../src/core/pipeline.js';
import { inMainLanguage, mainLanguage } from '../../src/core/summarize/main-language.js';
import { sameFact } from '../../src/core/summarize/redundancy.js';
import { isHeading, selectGreedy } from '../../src/core/summarize/select.js';
import { analyzeStory } from '../../src/core/text/index.js';

const en = (source: string, text: string): Article => ({ ...makeArticle({ source, text }), language: 'en' });
const es = (source: string, text: string): Article => ({ ...makeArticle({ source, text }), language: 'es' });

const STORY = {
  id: 'ferry',
  articles: [
    en(
      'Coast Ledger',
      'The Brava ferry sailed again on Tuesday after pier repairs. Engineers replaced two mooring posts.',
    ),
    es(
      'Diario Sur',
      'El ferri de Brava volvió a navegar el martes tras reparar el muelle. Los ingenieros cambiaron dos postes.',
    ),
    en(
      'Island Post',
      'Islanders lined the pier as the first ferry arrived. The crossing takes forty minutes.',
    ),
  ],
};

describe('main language of a story', () => {
  it('is the language most sentences are in', () => {
    expect(mainLanguage(analyzeStory(STORY))).toBe('en');
  });

  it('leaves the other language out of the candidates, keeping article numbers', () => {
    const doc = inMainLanguage(analyzeStory(STORY));
    expect(doc.sentences.map((s) => s.article)).toEqual([0, 0, 2, 2]);
    expect(doc.spans).toEqual([
      [0, 2],
      [2, 2],
      [2, 4],
    ]);
  });

  it('keeps a story in one foreign language whole', () => {
    const doc = analyzeStory({ id: 'es', articles: [STORY.articles[1]!] });
    expect(inMainLanguage(doc)).toBe(doc);
  });

  it('summarizes in the main language while the comparison keeps every source', () => {
    const report = buildStoryReport(STORY);
    const cited = report.summary.sentences.flatMap((s) => s.citations.map((c) => c.article));
    expect(cited).not.toContain(1);
    expect(report.story.articles).toHaveLength(3);
  });
});

describe('sameFact redundancy', () => {
  const doc = analyzeStory({
    id: 's',
    articles: [
      makeArticle({
        source: 'A',
        text: 'Crossings from Puerto Alto restarted on Tuesday once the pier was repaired. Shops reopened.',
      }),
      makeArticle({
        source: 'B',
        text: 'Ferry crossings from Puerto Alto resumed on Tuesday after the pier was repaired.',
      }),
    ],
  });
  it.each([
    [0.5, true],
    [1, false],
  ])('at %s the restated fact is redundant: %s', (threshold, expected) => {
    expect(sameFact(doc, threshold)(2, [0])).toBe(expected);
    expect(sameFact(doc, threshold)(1, [0])).toBe(false);
  });
});

describe('headings are not summary sentences', () => {
  const doc = analyzeStory({
    id: 'h',
    articles: [
      makeArticle({
        source: 'Civic Beat',
        text: 'The council approved the tram line on Wednesday.\n\nWhat the vote does\n\nIt lets the city apply for a federal grant. Work could start in 2027',
      }),
    ],
  });
  it.each([
    [0, false],
    [1, true],
    [2, false],
    [3, false],
  ])('sentence %i is a heading: %s', (i, expected) => {
    expect(isHeading(doc, i)).toBe(expected);
  });

  it('never chooses one while a sentence fits', () => {
    expect(selectGreedy(doc, [1, 0, 2], { words: 100 })).toEqual([0, 2]);
  });
});
