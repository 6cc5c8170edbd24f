/**
 * The paraphrase point's selection on made-up held-out scores: best F1 among the points that keep
 * MSRP's accuracy target, the blend weight chosen too; best accuracy when no point keeps the target.
 */
import { describe, expect, it } from 'vitest';
import {
  nestedParaphraseCounts,
  paraphrasePoint,
  PARAPHRASE_ACCURACY,
  type Scored,
} from '../../lab/same-content/cross-validate.js';
import type { LabelledPair } from '../../lab/same-content/data.js';

const logit = (p: number) => Math.log(p / (1 - p));

/** `n` MSRP pairs of label `y` whose trees say `p`; the regression says `p` too, or nothing (0.5). */
function pairs(n: number, y: 0 | 1, p: number, regression: boolean): Scored[] {
  return Array.from({ length: n }, () => ({
    pair: { group: 'msrp', y } as LabelledPair,
    trees: logit(p),
    logistic: regression ? logit(p) : 0,
    p,
    fold: 0,
    eligible: true,
  }));
}

/**
 * 50 paraphrases scored 0.9, 20 at 0.3; 22 non-paraphrases at 0.3, 15 at 0.1. Cutting above 0.3:
 * accuracy 87/107 = 0.813, F1 0.833. Cutting above 0.1: accuracy 85/107 = 0.794, F1 0.864.
 */
function scores(regression: boolean, extra: Scored[] = []): Scored[] {
  const all = [
    ...pairs(50, 1, 0.9, regression),
    ...pairs(20, 1, 0.3, regression),
    ...pairs(22, 0, 0.3, regression),
    ...pairs(15, 0, 0.1, regression),
    ...extra,
  ];
  return all.map((s, i) => ({ ...s, fold: i % 10 }));
}

describe('paraphrasePoint', () => {
  it('takes the best F1 among points that keep the accuracy target', () => {
    expect(PARAPHRASE_ACCURACY).toBe(0.77);
    // Both learners agree, so every weight scores alike and the first (0) is kept; 0.11 is the
    // lowest threshold above 0.1, where F1 is best and accuracy 0.794 keeps the target.
    expect(paraphrasePoint(scores(true))).toEqual({ treeWeight: 0, threshold: 0.11 });
  });

  it('chooses the blend weight: a regression that says nothing is left out', () => {
    // At weight 0 every pair scores 0.5; at 0.1 the trees' 0.1 becomes 0.445 and their 0.3 0.479.
    expect(paraphrasePoint(scores(false))).toEqual({ treeWeight: 0.1, threshold: 0.45 });
  });

  it('falls back on the best accuracy when no point keeps the target', () => {
    // 30 non-paraphrases at 0.9 bring every cut under 0.77; cutting above 0.3 is still the best.
    const noisy = scores(true, pairs(30, 0, 0.9, true));
    expect(paraphrasePoint(noisy)).toEqual({ treeWeight: 0, threshold: 0.31 });
  });

  it('judges each fold at the point chosen on the other nine', () => {
    const nested = nestedParaphraseCounts(scores(true));
    expect(nested.points).toHaveLength(10);
    expect(nested.tp + nested.fp + nested.fn + nested.tn).toBe(107);
  });
});
