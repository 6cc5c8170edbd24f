/**
 * Boosted trees on top of the linear speaker chooser (lab/speakers/fit.ts fitChooserTrees): on quotes
 * whose right candidate is an exclusive or of two features, which no linear score can rank, the trees
 * learn it from the linear scores; none asked for is the linear model itself; the product's score is
 * the linear one plus the trees'; the same data gives the same trees.
 */
import { describe, expect, it } from 'vitest';
import { treeLogOdds } from '../../src/core/match/trees.js';
import {
  candidateProbabilities,
  candidateScore,
  treeInput,
  type SpeakerModel,
} from '../../src/core/quotes/choose-speaker.js';
import { SPEAKER_FEATURES, type CueKind } from '../../src/core/quotes/speaker-candidates.js';
import { fitChooser, fitChooserTrees } from '../../lab/speakers/fit.js';

const d = SPEAKER_FEATURES.length;
const vector = (a: number, b: number) => Array.from({ length: d }, (_, k) => (k === 0 ? a : k === 1 ? b : 0));

// Each quote has three candidates, (0, 0), (1, 1) and (1, 0) or (0, 1): the right one has a xor b. A
// linear score ranking (1, 0) above (1, 1) weighs b below 0, and (0, 1) above (0, 0) weighs it above.
const quotes = Array.from({ length: 40 }, (_, q) => {
  const pairs: [number, number][] = [[0, 0], [1, 1], q % 2 ? [1, 0] : [0, 1]];
  return {
    candidates: pairs.map(([a, b]) => ({ speaker: `${a}${b}`, features: vector(a, b) })),
    right: [2],
    cue: 'named' as CueKind,
  };
});

const rightShare = (m: SpeakerModel) =>
  quotes.reduce((s, e) => s + candidateProbabilities(m, e.candidates, e.cue)[e.right[0]!]!, 0) /
  quotes.length;

describe('fitChooserTrees', () => {
  const linear = fitChooser(quotes, { steps: 200 });
  const options = { trees: 20, depth: 2, rate: 0.3, minChild: 0.1 };

  it('learns a cross the linear chooser cannot rank', () => {
    const boosted = fitChooserTrees(quotes, linear, options);
    expect(boosted.trees?.trees).toHaveLength(20);
    expect(rightShare(linear)).toBeLessThan(0.5);
    expect(rightShare(boosted)).toBeGreaterThan(0.8);
    for (const e of quotes) {
      const p = candidateProbabilities(boosted, e.candidates, e.cue);
      expect(p.indexOf(Math.max(...p))).toBe(e.right[0]);
    }
    expect(rightShare(boosted)).toBeGreaterThan(rightShare(linear));
  });

  it('is the linear model when asked for no trees; the product adds the trees to the linear score', () => {
    const boosted = fitChooserTrees(quotes, linear, options);
    const e = quotes[0]!;
    for (const c of e.candidates)
      expect(candidateScore(boosted, c.features, e.cue)).toBeCloseTo(
        candidateScore(linear, c.features, e.cue) + treeLogOdds(boosted.trees!, treeInput(c.features, e.cue)),
        12,
      );
    expect(candidateProbabilities(boosted, e.candidates, e.cue)).not.toEqual(
      candidateProbabilities(linear, e.candidates, e.cue),
    );
    expect(fitChooserTrees(quotes, linear, { trees: 0 })).toBe(linear);
    expect(JSON.stringify(fitChooserTrees(quotes, linear, options))).toBe(JSON.stringify(boosted));
  });

  it('reads the kind of cue as one indicator per kind', () => {
    expect(treeInput([0.5, 2], 'pronoun')).toEqual([0.5, 2, 0, 1, 0, 0, 0]);
    expect(treeInput([0.5, 2])).toEqual([0.5, 2, 0, 0, 0, 0, 0]);
  });
});
