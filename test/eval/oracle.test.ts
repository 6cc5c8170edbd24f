import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { analyzeStory } from '../../src/core/text/index.js';
import { greedyOracle } from '../../src/eval/oracle.js';

const doc = analyzeStory({
  id: 's',
  articles: [
    makeArticle({
      text:
        'The mayor opened the new library on Monday. ' +
        'It has forty thousand books and a rooftop garden. ' +
        'Parking near the site remains a problem.',
    }),
    makeArticle({ text: 'Critics said the library cost twice the planned amount. The weather was mild.' }),
  ],
});
const texts = doc.sentences.map((s) => s.text);
const index = (start: string) => texts.findIndex((t) => t.startsWith(start));

describe('greedyOracle', () => {
  it('picks the sentences that best match the reference, most useful first, and stops when none helps', () => {
    const reference =
      'The library cost twice the planned amount, critics said. The mayor opened it on Monday.';
    const chosen = greedyOracle(doc, [reference], { words: 100 });
    expect(chosen).toEqual([index('Critics said'), index('The mayor opened')]);
  });

  it('respects the word budget', () => {
    const reference =
      'The mayor opened the new library on Monday. Critics said the library cost twice the planned amount.';
    const chosen = greedyOracle(doc, [reference], { words: 8 }); // the 9-word Critics sentence would score higher
    expect(chosen).toEqual([index('The mayor opened')]);
    expect(greedyOracle(doc, [reference], { words: 3 })).toEqual([]);
  });

  it('averages over several references', () => {
    const chosen = greedyOracle(
      doc,
      ['Parking remains a problem near the site.', 'Parking near the site is a problem.'],
      {
        words: 100,
      },
    );
    expect(chosen[0]).toBe(index('Parking near'));
  });

  it('chooses only among the candidates it is given', () => {
    const reference =
      'The library cost twice the planned amount, critics said. The mayor opened it on Monday.';
    const critics = index('Critics said');
    const chosen = greedyOracle(doc, [reference], { words: 100, candidates: (i) => i !== critics });
    expect(chosen).toEqual([index('The mayor opened')]);
    expect(greedyOracle(doc, [reference], { words: 100, candidates: () => false })).toEqual([]);
  });

  it('returns nothing without references, sentences or any overlap', () => {
    expect(greedyOracle(doc, [], { words: 100 })).toEqual([]);
    expect(greedyOracle(analyzeStory({ id: 'e', articles: [] }), ['x'], { words: 100 })).toEqual([]);
    expect(greedyOracle(doc, ['zebra quantum'], { words: 100 })).toEqual([]);
  });
});
