/**
 * Ten-fold cross-validation of the same-content model and the choice of its two operating points.
 * Folds are assigned by position within each group (MSRP, news, samples), so every run splits alike.
 */
import { pairFeatures } from '../../src/core/match/features.js';
import { contradiction } from '../../src/core/match/same-content.js';
import type { LabelledPair } from './data.js';
import { fitLogistic, predict, type Example, type LogisticModel } from './logistic.js';

export const FOLDS = 10;
/** How much one hand-labelled news or sample pair counts against one MSRP pair. */
export const NEWS_WEIGHT = 3;
/** Precision the citation operating point must reach on held-out hand-labelled pairs (news and samples together). */
export const CITATION_PRECISION = 0.95;

export interface Scored {
  readonly pair: LabelledPair;
  /** Held-out probability (from the fold model that did not see the pair). */
  readonly p: number;
  /** Candidate filter and hard rules passed. */
  readonly eligible: boolean;
}

export function examplesOf(pairs: readonly LabelledPair[]): Example[] {
  return pairs.map((p) => ({
    x: pairFeatures(p.a, p.b),
    y: p.y,
    weight: p.group === 'msrp' ? 1 : NEWS_WEIGHT,
  }));
}

export function train(pairs: readonly LabelledPair[]): LogisticModel {
  return fitLogistic(examplesOf(pairs));
}

/** Held-out scores of every pair from ten models, each trained without the pair's fold. */
export function crossValidate(pairs: readonly LabelledPair[], candidateCosine: number): Scored[] {
  const counters = new Map<string, number>();
  const fold = pairs.map((p) => {
    const n = counters.get(p.group) ?? 0;
    counters.set(p.group, n + 1);
    return n % FOLDS;
  });
  const examples = examplesOf(pairs);
  const p = new Array<number>(pairs.length).fill(0);
  for (let f = 0; f < FOLDS; f++) {
    const model = fitLogistic(examples.filter((_, i) => fold[i] !== f));
    examples.forEach((e, i) => {
      if (fold[i] === f) p[i] = predict(model, e.x);
    });
  }
  return pairs.map((pair, i) => ({
    pair,
    p: p[i]!,
    eligible: examples[i]!.x[0]! >= candidateCosine && !contradiction(pair.a, pair.b),
  }));
}

export interface Counts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
}

export function counts(scored: readonly Scored[], threshold: number, product: boolean): Counts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const s of scored) {
    const yes = s.p >= threshold && (!product || s.eligible);
    if (yes && s.pair.y) tp++;
    else if (yes) fp++;
    else if (s.pair.y) fn++;
    else tn++;
  }
  return { tp, fp, fn, tn };
}

export const precision = (c: Counts) => c.tp / Math.max(1, c.tp + c.fp);
export const recall = (c: Counts) => c.tp / Math.max(1, c.tp + c.fn);
export const accuracy = (c: Counts) => (c.tp + c.tn) / Math.max(1, c.tp + c.fp + c.fn + c.tn);
export const f1 = (c: Counts) => {
  const p = precision(c);
  const r = recall(c);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
};

const GRID = Array.from({ length: 99 }, (_, k) => (k + 1) / 100);

/** The MSRP operating point: the threshold of best held-out accuracy on MSRP (the model alone, no rules). */
export function paraphraseThreshold(scored: readonly Scored[]): number {
  const msrp = scored.filter((s) => s.pair.group === 'msrp');
  let best = 0.5;
  let bestAcc = -1;
  for (const t of GRID) {
    const acc = accuracy(counts(msrp, t, false));
    if (acc > bestAcc) [best, bestAcc] = [t, acc];
  }
  return best;
}

/**
 * The citation operating point: the lowest threshold from which held-out precision on the hand-labelled
 * pairs (news and samples, candidate filter and hard rules applied) stays at or above CITATION_PRECISION.
 */
export function citationThreshold(scored: readonly Scored[]): number {
  const labelled = scored.filter((s) => s.pair.group !== 'msrp');
  let best = GRID.at(-1)!;
  for (let k = GRID.length - 1; k >= 0; k--) {
    const c = counts(labelled, GRID[k]!, true);
    if (c.tp + c.fp > 0 && precision(c) < CITATION_PRECISION) break;
    best = GRID[k]!;
  }
  return best;
}
