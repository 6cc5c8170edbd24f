/**
 * Gradient-boosted regression trees (Friedman, "Greedy function approximation", 2001), with the Newton
 * leaf values and L2-regularised split gain of XGBoost (Chen & Guestrin 2016). Split points are searched
 * among at most `bins` quantiles of each feature, which keeps training to seconds. No row or column
 * sampling: the same data gives the same model, byte for byte. `boostTrees` takes any loss through its
 * gradient and (diagonal) hessian per row; `fitBoostedTrees` is the binary label under logistic loss.
 */
import type { TreeEnsemble, TreeNode } from '../../src/core/match/trees.js';
import type { Example } from './logistic.js';

export const BOOST_DEFAULTS = {
  trees: 200,
  depth: 3,
  rate: 0.1,
  /** L2 penalty on leaf values. */
  lambda: 1,
  /** Least total hessian (weighted examples near p = 0.5 count 0.25 each) a leaf must hold. */
  minChild: 3,
  bins: 48,
};
export type BoostOptions = typeof BOOST_DEFAULTS;

/** Candidate thresholds of one feature: midpoints between distinct quantile values. */
function cutPoints(values: readonly number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const picks = new Set<number>();
  for (let k = 1; k < bins; k++) picks.add(sorted[Math.floor((k * sorted.length) / bins)]!);
  const distinct = [...new Set(sorted)];
  const uniq = distinct.length <= bins ? distinct : [...picks].sort((a, b) => a - b);
  const cuts: number[] = [];
  for (let k = 1; k < uniq.length; k++) cuts.push((uniq[k - 1]! + uniq[k]!) / 2);
  return cuts;
}

/**
 * The gradient and hessian of the loss at the rows' current scores `z`, written into `g` and `h` (each
 * row's weight included). A listwise loss reads several rows at once (lab/speakers/fit.ts).
 */
export type LossGradient = (z: Float64Array, g: Float64Array, h: Float64Array) => void;

/** A binary label under logistic loss, from the prior log-odds: the same-content and join models. */
export function fitBoostedTrees(
  examples: readonly Example[],
  options: BoostOptions = BOOST_DEFAULTS,
): TreeEnsemble {
  const w = examples.map((e) => e.weight);
  const total = w.reduce((a, b) => a + b, 0) || 1;
  const positive = examples.reduce((s, e) => s + e.weight * e.y, 0) / total;
  const bias = Math.log(Math.max(1e-6, positive) / Math.max(1e-6, 1 - positive));
  const logistic: LossGradient = (z, g, h) => {
    for (let i = 0; i < examples.length; i++) {
      const p = 1 / (1 + Math.exp(-z[i]!));
      g[i] = (p - examples[i]!.y) * w[i]!;
      h[i] = Math.max(1e-9, p * (1 - p)) * w[i]!;
    }
  };
  const rows = examples.map((e) => e.x);
  return { bias, trees: boostTrees(rows, new Float64Array(rows.length).fill(bias), logistic, options) };
}

/**
 * Trees that lower the loss of `gradient` from the scores `start` (one per row of `xs`), each tree
 * fitted to the Newton step of the loss at the scores so far and shrunk by `options.rate`.
 */
export function boostTrees(
  xs: readonly (readonly number[])[],
  start: Float64Array,
  gradient: LossGradient,
  options: BoostOptions = BOOST_DEFAULTS,
): TreeNode[][] {
  const n = xs.length;
  const d = xs[0]?.length ?? 0;
  const cuts = Array.from({ length: d }, (_, k) =>
    cutPoints(
      xs.map((x) => x[k]!),
      options.bins,
    ),
  );
  // bin[k][i]: how many cut points of feature k lie below row i's value.
  const bin = cuts.map((c, k) =>
    Uint8Array.from(xs, (x) => {
      let lo = 0;
      let hi = c.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (c[mid]! < x[k]!) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }),
  );
  const z = Float64Array.from(start);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: TreeNode[][] = [];
  for (let t = 0; t < options.trees; t++) {
    gradient(z, g, h);
    const nodes: TreeNode[] = [];
    const grow = (rows: Int32Array, depth: number): number => {
      const at = nodes.length;
      nodes.push([0]);
      let G = 0;
      let H = 0;
      for (const i of rows) {
        G += g[i]!;
        H += h[i]!;
      }
      const leaf = (-G / (H + options.lambda)) * options.rate;
      const split = depth < options.depth ? bestSplit(rows, G, H) : undefined;
      if (!split) {
        nodes[at] = [leaf];
        return at;
      }
      const [k, c] = split;
      const left = rows.filter((i) => bin[k]![i]! <= c);
      const right = rows.filter((i) => bin[k]![i]! > c);
      const l = grow(left, depth + 1);
      const r = grow(right, depth + 1);
      nodes[at] = [k, cuts[k]![c]!, l, r];
      return at;
    };
    const score = (G: number, H: number) => (G * G) / (H + options.lambda);
    const bestSplit = (rows: Int32Array, G: number, H: number): [number, number] | undefined => {
      let best: [number, number] | undefined;
      let bestGain = 1e-9;
      const parent = score(G, H);
      for (let k = 0; k < d; k++) {
        const m = cuts[k]!.length;
        if (m === 0) continue;
        const hg = new Float64Array(m + 1);
        const hh = new Float64Array(m + 1);
        const bk = bin[k]!;
        for (const i of rows) {
          hg[bk[i]!]! += g[i]!;
          hh[bk[i]!]! += h[i]!;
        }
        let gl = 0;
        let hl = 0;
        for (let c = 0; c < m; c++) {
          gl += hg[c]!;
          hl += hh[c]!;
          if (hl < options.minChild || H - hl < options.minChild) continue;
          const gain = score(gl, hl) + score(G - gl, H - hl) - parent;
          if (gain > bestGain) [best, bestGain] = [[k, c], gain];
        }
      }
      return best;
    };
    grow(
      Int32Array.from({ length: n }, (_, i) => i),
      0,
    );
    // Walk every row down the new tree once to update its score.
    for (let i = 0; i < n; i++) {
      let node = nodes[0]!;
      while (node.length === 4) node = nodes[xs[i]![node[0]]! < node[1] ? node[2] : node[3]]!;
      z[i]! += node[0];
    }
    trees.push(nodes);
  }
  return trees;
}
