import { describe, expect, it } from 'vitest';
import { rouge155 } from '../../src/eval/rouge.js';
import { morphStem155, porterStem155 } from '../../src/eval/rouge/porter155.js';
import { PREDICTION_LINES, TARGET_LINES } from './rouge-score-texts.js';

describe('rouge155 (ROUGE-1.5.5 -n 2 -f A, with -l, -m, -s)', () => {
  it.each([
    // line, ROUGE-1 P/R/F, ROUGE-2 P/R/F from ROUGE-1.5.5 as recorded in rouge-score's tests (places=5)
    [0, [0.6875, 0.40741, 0.51163], [0.53333, 0.30769, 0.39024]],
    [1, [0.65385, 0.40476, 0.5], [0.48, 0.29268, 0.36364]],
  ] as const)('matches ROUGE-1.5.5 on rouge-score test line %i', (line, r1, r2) => {
    const s = rouge155(PREDICTION_LINES[line] ?? '', [TARGET_LINES[line] ?? '']);
    const got = [
      s.rouge1.precision,
      s.rouge1.recall,
      s.rouge1.f,
      s.rouge2.precision,
      s.rouge2.recall,
      s.rouge2.f,
    ];
    [...r1, ...r2].forEach((expected, i) => expect(Math.abs((got[i] ?? -1) - expected)).toBeLessThan(5e-6));
  });

  it('counts n-grams by hand on a small case', () => {
    const s = rouge155('the harbor bridge closed today', ['the old harbor bridge closed on friday']);
    // unigrams: hits the, harbor, bridge, closed = 4; candidate 5, reference 7.
    expect(s.rouge1.recall).toBeCloseTo(4 / 7, 12);
    expect(s.rouge1.precision).toBeCloseTo(4 / 5, 12);
    // bigrams: harbor bridge, bridge closed = 2; candidate 4, reference 6.
    expect(s.rouge2.recall).toBeCloseTo(2 / 6, 12);
    expect(s.rouge2.f).toBeCloseTo((2 * (2 / 4) * (2 / 6)) / (2 / 4 + 2 / 6), 12);
  });

  it('-f A sums hits and counts over the references before dividing', () => {
    const s = rouge155('a b c', ['a b', 'c d e f']);
    // hits 2 + 1, reference unigrams 2 + 4, candidate unigrams counted once per reference: 3 + 3.
    expect(s.rouge1.recall).toBe(3 / 6);
    expect(s.rouge1.precision).toBe(3 / 6);
  });

  it('-l cuts every summary to its first words', () => {
    expect(rouge155('one two three four', ['three four'], { words: 2 }).rouge1.recall).toBe(0);
    expect(rouge155('one two three four', ['three four']).rouge1.recall).toBe(1);
    expect(rouge155('x y', ['x y z w'], { words: 2 }).rouge1.recall).toBe(1);
  });

  it('-l counts whitespace words line by line, as the Perl script, before cutting tokens', () => {
    // "U.S." is one word for the limit but two tokens; "Pinochet ," is two words.
    expect(rouge155('the U.S. army', ['army'], { words: 2 }).rouge1.precision).toBe(0);
    expect(rouge155('the U.S. army', ['army'], { words: 3 }).rouge1.recall).toBe(1);
    expect(rouge155('Pinochet , army', ['army'], { words: 2 }).rouge1.recall).toBe(0);
    expect(rouge155('one two\nthree four', ['three'], { words: 3 }).rouge1.recall).toBe(1);
    expect(rouge155('one two\nthree four', ['four'], { words: 3 }).rouge1.recall).toBe(0);
    // A line starting with a space counts one empty word in Perl's split.
    expect(rouge155(' one two', ['two'], { words: 2 }).rouge1.recall).toBe(0);
  });

  it.each([
    // word, ROUGE-1.5.5's stem (checked against the Perl script's `stem`)
    ['agreement', 'agreem'],
    ['commissioners', 'commiss'],
    ['happiness', 'happi'],
    ['running', 'run'],
    ['yesterday', 'yesterdai'],
  ])('porterStem155(%s) = %s', (word, expected) => expect(porterStem155(word)).toBe(expected));

  it.each([
    ['bought', 'buy'],
    ['children', 'child'],
    ['geese', 'goose'],
    ['reports', 'report'],
  ])('morphStem155 reads WordNet exceptions first: %s → %s', (word, expected) =>
    expect(morphStem155(word)).toBe(expected),
  );

  it("-m stems with ROUGE-1.5.5's Porter and WordNet exceptions, unlike rouge-score", () => {
    expect(rouge155('children bought', ['child buy'], { stem: true }).rouge1.recall).toBe(1);
    expect(rouge155('news', ['new'], { stem: true }).rouge1.recall).toBe(1);
    expect(rouge155('news', ['new']).rouge1.recall).toBe(0);
    expect(rouge155('closing', ['closed'], { stem: true }).rouge1.recall).toBe(1);
  });

  it('-s drops stop words before counting', () => {
    expect(rouge155('the cat', ['the dog']).rouge1.recall).toBe(0.5);
    expect(rouge155('the cat', ['the dog'], { removeStopwords: true }).rouge1.recall).toBe(0);
  });

  it('gives zeros for empty texts and no references', () => {
    const zero = { precision: 0, recall: 0, f: 0 };
    expect(rouge155('', ['a b'])).toEqual({ rouge1: zero, rouge2: zero });
    expect(rouge155('a b', [])).toEqual({ rouge1: zero, rouge2: zero });
    expect(rouge155('a b', [''])).toEqual({ rouge1: zero, rouge2: zero });
  });
});
