import { describe, expect, it } from 'vitest';
import { citeSentence } from '../../src/core/summarize/cite.js';
import { makeArticle } from '../../src/core/article.js';
import { analyzeStory, numbersConflict, numberValues, tokenize } from '../../src/core/text/index.js';

describe('numberValues', () => {
  it.each([
    ['Twelve people were hurt at 7 a.m.', [12, 7]],
    ['A dozen crews and 40,000 tons', [12, 40, 0]],
    ['No one was hurt, one official said', []],
    ['', []],
  ])('%s', (text, expected) => {
    expect([...numberValues(tokenize(text))].sort((a, b) => a - b)).toEqual(
      [...expected].sort((a, b) => a - b),
    );
  });
});

describe('numbersConflict', () => {
  it.each([
    ['12 people were injured', 'Fifteen people were injured', true],
    ['12 people were injured', 'Twelve people were injured', false],
    ['12 people were injured', 'People were injured', false],
    ['The vote is on March 3', 'The vote on 3 March passed 5 to 2', false],
  ])('%s / %s', (a, b, expected) => {
    expect(numbersConflict(tokenize(a), tokenize(b))).toBe(expected);
  });
});

describe('citations and figures', () => {
  it('does not cite a source that gives a different count for the same fact', () => {
    const doc = analyzeStory({
      id: 's',
      articles: [
        makeArticle({
          source: 'Quay Post',
          text: 'Twelve people were injured in the warehouse fire on Pier Road.',
        }),
        makeArticle({
          source: 'Dock Radio',
          text: 'Fifteen people were injured in the warehouse fire on Pier Road.',
        }),
        makeArticle({
          source: 'Bay Ledger',
          text: '12 people were injured in the warehouse fire on Pier Road.',
        }),
      ],
    });
    expect(citeSentence(doc, 0).map((c) => c.article)).toEqual([0, 2]);
  });
});
