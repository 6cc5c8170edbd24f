/**
 * The speaker lab's judge of calibration (lab/speakers/unsure.ts): the groups of a held-out quote, and
 * the most right answers at equal wrong ones, one threshold per kind of cue, and the other partitions
 * of articles into folds it reads them on.
 */
import { describe, expect, it } from 'vitest';
import { frontier, groupOf, meanFrontier, refold } from '../../lab/speakers/unsure.js';
import { FOLDS } from '../../lab/speakers/train.js';

const held = (kind: 'named' | 'pronoun', p: number, ok: boolean, n = 1) =>
  Array.from({ length: n }, () => ({ p, ok, kind }));

describe('groupOf', () => {
  it.each([
    [0.7, true, 'right'],
    [0.7, false, 'wrong'],
    [0.6, true, 'lost'],
    [0.6, false, 'none'],
    [0.65, true, 'right'],
  ] as const)('p %s, top right %s → %s at 0.65', (p, ok, group) => {
    expect(groupOf({ p, ok }, 0.65)).toBe(group);
  });
});

describe('frontier', () => {
  const choices = [
    ...held('named', 0.95, true, 40),
    ...held('named', 0.6, true, 3),
    ...held('named', 0.6, false, 1),
    ...held('pronoun', 0.8, true, 10),
    ...held('pronoun', 0.55, true, 2),
    ...held('pronoun', 0.55, false, 2),
  ];

  it.each([
    [0, 50],
    [1, 53],
    [2, 53],
    [3, 55],
  ])('with at most %s wrong, %s right', (budget, right) => {
    expect(frontier(choices, budget)).toBe(right);
  });

  it('names nobody below 0.5, and nothing when there is nothing', () => {
    expect(frontier(held('named', 0.4, true, 5), 10)).toBe(0);
    expect(frontier([], 0)).toBe(0);
  });
});

describe('refold', () => {
  const articles = Array.from({ length: 200 }, (_, a) => a);
  const folds = (seed: number) => articles.map((a) => refold(a, seed) % FOLDS);

  it('keeps the articles where they are for seed 0', () => {
    expect(folds(0)).toEqual(articles.map((a) => a % FOLDS));
  });

  it.each([1, 2, 3])('gives seed %i another partition, the same every time, every fold filled', (seed) => {
    const f = folds(seed);
    expect(f).toEqual(folds(seed));
    expect(f).not.toEqual(folds(0));
    expect(f).not.toEqual(folds(seed + 1));
    for (let k = 0; k < FOLDS; k++) expect(f.filter((x) => x === k).length).toBeGreaterThan(20);
  });
});

describe('meanFrontier', () => {
  it('is the mean of the frontier over 165..205 wrong answers', () => {
    const hs = [
      ...held('named', 0.9, true, 340),
      ...held('named', 0.9, false, 170),
      ...held('named', 0.7, true, 15),
      ...held('named', 0.7, false, 10),
    ];
    // Under 170 wrong nothing; from 170 the 0.9 answers (340 right); from 180 the 0.7 ones too (355).
    expect(meanFrontier(hs)).toBeCloseTo((5 * 0 + 10 * 340 + 26 * 355) / 41);
  });
});
