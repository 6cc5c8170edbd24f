/**
 * The speaker lab's judge of calibration (lab/speakers/unsure.ts): the groups of a held-out quote, and
 * the most right answers at equal wrong ones, one threshold per kind of cue.
 */
import { describe, expect, it } from 'vitest';
import { frontier, groupOf } from '../../lab/speakers/unsure.js';

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
