/**
 * The trees-against-linear comparison of the speaker lab (lab/speakers/equal-wrong.ts): tree settings
 * parse or say what was expected, a blend scales the trees' scores, and the pick at equal wrong is the
 * one with most right answers among the caps whose unweighted wrong stays within the bound.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPolnear } from '../../src/eval/datasets/polnear.js';
import { speakerExamples } from '../../lab/speakers/examples.js';
import {
  bestAtWrong,
  choicesOf,
  countAt,
  heldQuotes,
  parseSetting,
  type HeldQuote,
} from '../../lab/speakers/equal-wrong.js';

const quote = (linear: number[], trees: number[], right: number[]): HeldQuote => ({
  linear,
  trees: [trees],
  right,
  kind: 'named',
  w: 1,
});

describe('equal-wrong', () => {
  it('parses N/depth/rate[/minChild[/lambda]] and says what it expected', () => {
    expect(parseSetting('150/6/0.05')).toEqual({ trees: 150, depth: 6, rate: 0.05 });
    expect(parseSetting('150/6/0.05/50/10')).toEqual({
      trees: 150,
      depth: 6,
      rate: 0.05,
      minChild: 50,
      lambda: 10,
    });
    expect(() => parseSetting('150/six')).toThrow(/expected a tree setting/);
  });

  it('adds blend times the trees to the linear scores before the softmax with "nobody"', () => {
    const q = quote([0, -1], [2, 0], [1]);
    expect(choicesOf([q])[0]).toMatchObject({ ok: false, p: 1 / (2 + Math.exp(-1)) });
    const full = choicesOf([q], 0, 1)[0]!;
    expect(full.ok).toBe(false);
    expect(full.p).toBeCloseTo(Math.exp(2) / (1 + Math.exp(2) + Math.exp(-1)), 12);
    expect(choicesOf([q], 0, 0.5)[0]!.p).toBeCloseTo(Math.exp(1) / (1 + Math.exp(1) + Math.exp(-1)), 12);
    // The trees can turn the top candidate into the right one.
    expect(choicesOf([quote([0, -1], [-3, 0], [1])], 0)[0]!.ok).toBe(true);
  });

  it('keeps, of the picks at each cap, the most right within the wrong allowed', () => {
    // Ten sure right answers, then pairs of a right and a wrong one at falling probabilities.
    const held: HeldQuote[] = [
      ...Array.from({ length: 10 }, () => quote([4], [0], [0])),
      ...[2, 1.5, 1, 0.5].flatMap((z) => [quote([z], [0], [0]), quote([z], [0], [])]),
    ];
    const cs = choicesOf(held);
    const caps = [0, 0.05, 0.1, 0.15, 0.2];
    const best = bestAtWrong(cs, caps, 1)!;
    expect(best.wrong).toBeLessThanOrEqual(1);
    expect(countAt(cs, best.t)).toEqual({ right: best.right, wrong: best.wrong });
    for (const cap of caps) {
      const other = bestAtWrong(cs, [cap], 1);
      if (other) expect(other.right).toBeLessThanOrEqual(best.right);
    }
    expect(bestAtWrong(cs, caps, 4)!.right).toBeGreaterThanOrEqual(best.right);
    expect(bestAtWrong(cs, [], 1)).toBeUndefined();
  });

  it('scores every trustworthy fixture quote by the linear model and each tree setting', () => {
    const examples = speakerExamples(readPolnear(join(import.meta.dirname, 'fixtures', 'polnear'), 'train'));
    const held = heldQuotes(examples, [{ trees: 2, depth: 1, minChild: 0.01 }]);
    expect(held.length).toBeGreaterThan(0);
    for (const q of held) {
      expect(q.trees).toHaveLength(1);
      expect(q.trees[0]).toHaveLength(q.linear.length);
    }
  }, 60_000);
});
