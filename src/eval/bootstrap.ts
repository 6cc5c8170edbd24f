/**
 * Bootstrap confidence intervals of mean scores, as rouge-score's `scoring.BootstrapAggregator` computes
 * them: resample the examples with replacement `samples` times, take each resample's mean, and report
 * the (1 − c)/2, 50 % and 1 − (1 − c)/2 percentiles of those means (linear interpolation, as numpy's
 * default). Seeded, so a run prints the same interval every time. Also the paired version for the
 * difference between two methods scored on the same examples: if its interval excludes 0, the
 * difference is not luck of the sample.
 */
import { mulberry32 } from './datasets/sample.js';

export interface Interval {
  readonly low: number;
  readonly mid: number;
  readonly high: number;
}

export interface BootstrapOptions {
  /** Confidence level, 0..1 (rouge-score's `confidence_interval`). */
  readonly confidence?: number;
  readonly samples?: number;
  readonly seed?: number;
}

export const BOOTSTRAP_DEFAULTS: Required<BootstrapOptions> = Object.freeze({
  confidence: 0.95,
  samples: 1000,
  seed: 1,
});

/** numpy.percentile with linear interpolation, on an ascending array. */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const position = (q / 100) * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const a = sorted[below] as number;
  const b = sorted[above] as number;
  return a + (b - a) * (position - below);
}

/**
 * Bootstrap interval of the mean of `values` (one score per example). With `paired`, of the mean of
 * `values[i] − paired[i]`, resampling the same examples for both.
 * Example: `bootstrapInterval([0.4, 0.5, 0.45]).mid` ≈ 0.45.
 */
export function bootstrapInterval(
  values: ArrayLike<number>,
  options: BootstrapOptions & { readonly paired?: ArrayLike<number> } = {},
): Interval {
  const { confidence, samples, seed } = { ...BOOTSTRAP_DEFAULTS, ...options };
  const n = values.length;
  if (n === 0) return { low: 0, mid: 0, high: 0 };
  const paired = options.paired;
  const x = Float64Array.from(
    { length: n },
    (_, i) => (values[i] as number) - (paired ? (paired[i] as number) : 0),
  );
  const random = mulberry32(seed);
  const means = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[Math.floor(random() * n)] as number;
    means[s] = sum / n;
  }
  means.sort();
  const delta = (1 - confidence) / 2;
  return {
    low: percentile(means, 100 * delta),
    mid: percentile(means, 50),
    high: percentile(means, 100 * (1 - delta)),
  };
}
