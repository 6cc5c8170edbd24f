import { describe, expect, it } from 'vitest';
import { clusterScores } from '../../src/eval/cluster-metrics.js';

// Each row computed by hand; BCubed from the item-by-item definition, pairwise from pair counts.
const CASES: [string, string[], string[], { bp: number; br: number; pp: number; pr: number }][] = [
  // A={1,2} B={3,4,5}; gold x={1,2,3} y={4,5}. BCubed P = (1+1+1/3+2/3+2/3)/5, R = (2/3+2/3+1/3+1+1)/5.
  // Pairs: predicted 1+3=4, gold 3+1=4, shared {1,2} and {4,5} = 2.
  [
    'mixed',
    ['A', 'A', 'B', 'B', 'B'],
    ['x', 'x', 'x', 'y', 'y'],
    { bp: 11 / 15, br: 11 / 15, pp: 0.5, pr: 0.5 },
  ],
  ['perfect', ['A', 'A', 'B'], ['x', 'x', 'y'], { bp: 1, br: 1, pp: 1, pr: 1 }],
  // Everything in one cluster: precision (2/3·2 + 1/3)/3 = 5/9, recall 1; pairs 1 of 3.
  ['one cluster', ['A', 'A', 'A'], ['x', 'x', 'y'], { bp: 5 / 9, br: 1, pp: 1 / 3, pr: 1 }],
  // All singletons: precision 1, recall (1/2+1/2+1)/3 = 2/3; no predicted pair, so pairwise precision 1.
  ['singletons', ['A', 'B', 'C'], ['x', 'x', 'y'], { bp: 1, br: 2 / 3, pp: 1, pr: 0 }],
  ['empty', [], [], { bp: 1, br: 1, pp: 1, pr: 1 }],
  ['one item', ['A'], ['x'], { bp: 1, br: 1, pp: 1, pr: 1 }],
];

describe('clusterScores', () => {
  it.each(CASES)('%s', (_name, predicted, gold, want) => {
    const s = clusterScores(predicted, gold);
    expect(s.bcubed.precision).toBeCloseTo(want.bp, 10);
    expect(s.bcubed.recall).toBeCloseTo(want.br, 10);
    expect(s.pairwise.precision).toBeCloseTo(want.pp, 10);
    expect(s.pairwise.recall).toBeCloseTo(want.pr, 10);
    const f = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
    expect(s.bcubed.f1).toBeCloseTo(f(want.bp, want.br), 10);
    expect(s.pairwise.f1).toBeCloseTo(f(want.pp, want.pr), 10);
  });

  it('ignores label names: only the grouping counts', () => {
    const a = clusterScores(['A', 'A', 'B', 'B', 'B'], ['x', 'x', 'x', 'y', 'y']);
    const b = clusterScores(['q', 'q', 'r', 'r', 'r'], ['1', '1', '1', '2', '2']);
    expect(b).toEqual(a);
  });

  it('refuses label lists of different lengths', () => {
    expect(() => clusterScores(['A'], [])).toThrow(/as many predicted labels/);
  });
});
