import { describe, expect, it } from 'vitest';
import { bootstrapInterval, percentile } from '../../src/eval/bootstrap.js';

describe('bootstrapInterval', () => {
  // rouge-score scoring_test.py (BootstrapAggregator, delta 1e-8): three examples' P, R and F.
  const precision = [1, 0, 1];
  const recall = [1 / 3, 0, 1];
  const fmeasure = [0.5, 0, 1];

  it.each([
    ['precision', precision, [1 / 3, 2 / 3, 1]],
    ['recall', recall, [1 / 9, 4 / 9, 7 / 9]],
    ['fmeasure', fmeasure, [1 / 6, 0.5, 5 / 6]],
  ] as const)('testConsistentPercentiles (confidence 0.9): %s', (_name, values, [low, mid, high]) => {
    const ci = bootstrapInterval(values, { confidence: 0.9 });
    expect(ci.low).toBeCloseTo(low, 8);
    expect(ci.mid).toBeCloseTo(mid, 8);
    expect(ci.high).toBeCloseTo(high, 8);
  });

  it.each([
    ['precision', precision, 2 / 3],
    ['recall', recall, 4 / 9],
    ['fmeasure', fmeasure, 0.5],
  ] as const)('testLargeConfidence (confidence 0): %s', (_name, values, all) => {
    const ci = bootstrapInterval(values, { confidence: 0 });
    expect([ci.low, ci.mid, ci.high].map((v) => v.toFixed(8))).toEqual(
      [all, all, all].map((v) => v.toFixed(8)),
    );
  });

  it('is reproducible with a seed, and the paired interval of a clear gain excludes 0', () => {
    const a = Array.from({ length: 500 }, (_, i) => 0.4 + ((i * 37) % 100) / 1000);
    const b = a.map((v, i) => v - 0.01 - ((i * 13) % 7) / 1000);
    expect(bootstrapInterval(a)).toEqual(bootstrapInterval(a));
    const gain = bootstrapInterval(a, { paired: b });
    expect(gain.low).toBeGreaterThan(0);
    expect(gain.low).toBeLessThan(gain.mid);
    expect(gain.mid).toBeLessThan(gain.high);
    expect(bootstrapInterval(a, { paired: a })).toEqual({ low: 0, mid: 0, high: 0 });
    expect(bootstrapInterval([])).toEqual({ low: 0, mid: 0, high: 0 });
  });
});

describe('percentile (numpy linear)', () => {
  it.each([
    [[1, 2, 3, 4], 50, 2.5],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 100, 4],
    [[10], 95, 10],
    [[0, 10], 25, 2.5],
  ])('%j at %d = %d', (values, q, expected) => {
    expect(percentile(Float64Array.from(values), q)).toBe(expected);
  });
});
