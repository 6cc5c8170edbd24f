import { describe, expect, it } from 'vitest';
import { extractionScore, matchPage, pagePrecision, pageRecall } from '../../src/eval/extraction-score.js';

describe('extraction score (the article-extraction benchmark metric)', () => {
  it.each<[string, string, number, number, boolean]>([
    // truth, prediction, precision, recall, exact
    ['one two three four five', 'one two three four five', 1, 1, true],
    ['one, two! three four five', 'one two three four five', 1, 1, true],
    ['One two three four', 'one two three four', 0, 0, false],
    // shingles: truth {1234, 2345}, prediction {1234}: tp 1, fn 1 → normalised 1/2, 1/2
    ['one two three four five', 'one two three four', 1, 0.5, false],
    ['one two three four', 'one two three four five', 0.5, 1, false],
    ['one two three four', '', 0, 0, false],
    ['', '', 1, 1, true],
    // shorter than a shingle: one shingle of what there is
    ['a b', 'a b', 1, 1, true],
    ['a b', 'a c', 0, 0, false],
  ])('%j against %j', (truth, prediction, precision, recall, exact) => {
    const m = matchPage(truth, prediction);
    expect(pagePrecision(m)).toBeCloseTo(precision, 12);
    expect(pageRecall(m)).toBeCloseTo(recall, 12);
    expect(m.exact).toBe(exact);
  });

  it('averages precision and recall over pages, then takes F1 of the means', () => {
    const s = extractionScore([
      matchPage('one two three four five', 'one two three four'),
      matchPage('one two three four', 'one two three four'),
    ]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.75);
    expect(s.f1).toBeCloseTo((2 * 0.75) / 1.75, 12);
    expect(s.accuracy).toBe(0.5);
    expect(extractionScore([]).f1).toBe(0);
  });
});
