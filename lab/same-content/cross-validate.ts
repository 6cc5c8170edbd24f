/**
 * Ten-fold cross-validation of the same-content model and the choice of its two operating points.
 * Folds are assigned by position within each group (MSRP, news, samples), so every run splits alike.
 */
import { pairFeatures } from '../../src/core/match/features.js';
import {
  blendProbability,
  contradiction,
  logisticLogOdds,
  type SameContentModel,
} from '../../src/core/match/same-content.js';
import { treeLogOdds } from '../../src/core/match/trees.js';
import { BOOST_DEFAULTS, fitBoostedTrees } from './boosted-trees.js';
import type { LabelledPair } from './data.js';
import { fitLogistic, type Example } from './logistic.js';

export const FOLDS = 10;
/**
 * How much one hand-labelled news or sample pair counts against one MSRP pair. 2 rather than 3 since
 * the labels were re-mapped to round 3's extraction: at 3, MSRP's F1 fell to 0.8386 (accuracy 0.7726);
 * at 2 it is 0.8403 (0.7726), the only setting tried (2, 4, 600 trees) that met both MSRP targets.
 */
export const NEWS_WEIGHT = 2;
/**
 * Precision the citation operating point must reach on held-out hand-labelled pairs (news and samples
 * together). The target for news is 0.95; choosing the point at 0.95 on the labels gave 0.93 on folds
 * that did not choose it (nestedCitationCounts), so the point is chosen with a margin. 0.98 since each
 * point has its own blend weight (round 4): at 0.97 the point chosen on other folds let three wrong
 * news pairs through (held-out news precision 0.943); at 0.98, two (0.962), at the same recall. 0.99
 * since the labels were re-mapped to round 12's splitting (rebuild12): at 0.98 the point chosen on other
 * folds let three wrong news pairs through (0.940); at 0.99, two (0.958, recall 0.249), and the shipped
 * point none (1.000, recall 0.243); 0.985 kept the three.
 */
export const CITATION_PRECISION = 0.99;
/**
 * Weight of the boosted trees' log-odds in `Scored.p`, the blend the scores are first read at; each
 * operating point re-blends at its own weight (`atWeight`). Trees alone reach MSRP's 0.77 but rank news
 * pairs worse; the regression alone ranks news pairs well but stays at MSRP 0.76.
 */
export const TREE_WEIGHT = 0.7;
/**
 * Tree weights tried for the paraphrase point. Until round 13 the point kept TREE_WEIGHT and only its
 * threshold was chosen; with round 12's labels that left MSRP's F1 at 0.8358 (docs/citations.md).
 */
export const PARAPHRASE_TREE_WEIGHTS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
/**
 * MSRP accuracy the paraphrase point must keep: issue 13's target. Among the points (weight and
 * threshold) that keep it the one of best F1, issue 13's other target, wins; F1 alone would pick a low
 * threshold (0.43: F1 0.8423, accuracy 0.7642). When no point keeps it, the one of best accuracy wins.
 */
export const PARAPHRASE_ACCURACY = 0.77;
/**
 * Tree weights tried for the citation point: the one of best held-out recall at its precision wins.
 * The regression ranks news pairs best near the point, so low weights (0 = the regression alone) win.
 */
export const CITATION_TREE_WEIGHTS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
/**
 * Depth-2 trees: deeper ones fitted MSRP's quirks and cost held-out news precision. 500 rather than 300
 * (third round, with the word edit distance): MSRP 0.7728 / 0.8401 against 0.7723 / 0.8374, the only
 * setting tried that met both MSRP targets, the paraphrase point chosen on other folds included.
 */
export const BOOST = { ...BOOST_DEFAULTS, trees: 500, depth: 2, bins: 32 };

export type TrainedModel = Pick<SameContentModel, 'logistic' | 'trees'>;

export interface Scored {
  readonly pair: LabelledPair;
  /** Held-out probability (from the fold model that did not see the pair), blended at TREE_WEIGHT. */
  readonly p: number;
  /** The held-out trees' and regression's log-odds, to blend at other weights. */
  readonly trees: number;
  readonly logistic: number;
  readonly fold: number;
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

export function train(pairs: readonly LabelledPair[]): TrainedModel {
  return fitExamples(examplesOf(pairs));
}

function fitExamples(examples: readonly Example[]): TrainedModel {
  return {
    logistic: fitLogistic(examples),
    trees: fitBoostedTrees(examples, BOOST),
  };
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
  const trees = new Array<number>(pairs.length).fill(0);
  const logistic = new Array<number>(pairs.length).fill(0);
  for (let f = 0; f < FOLDS; f++) {
    const model = fitExamples(examples.filter((_, i) => fold[i] !== f));
    examples.forEach((e, i) => {
      if (fold[i] !== f) return;
      trees[i] = treeLogOdds(model.trees, e.x);
      logistic[i] = logisticLogOdds(model.logistic, e.x);
    });
  }
  return pairs.map((pair, i) => ({
    pair,
    fold: fold[i]!,
    trees: trees[i]!,
    logistic: logistic[i]!,
    p: blendProbability(trees[i]!, logistic[i]!, TREE_WEIGHT),
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

/** An operating point: the trees' weight in the blend and the threshold on the blended probability. */
export interface OperatingPoint {
  readonly treeWeight: number;
  readonly threshold: number;
}

/** The citation point. */
export type CitationPoint = OperatingPoint;

/**
 * The MSRP operating point (the model alone, no rules): of every weight of PARAPHRASE_TREE_WEIGHTS and
 * threshold of the grid, the best held-out F1 among those of accuracy at least PARAPHRASE_ACCURACY
 * (the best accuracy when none reaches it; the earlier weight and lower threshold on a tie).
 */
export function paraphrasePoint(scored: readonly Scored[]): OperatingPoint {
  return paraphrasePointFor(scored.filter((s) => s.pair.group === 'msrp'));
}

/**
 * MSRP counts with the paraphrase point chosen without the pairs counted: each fold is judged at the
 * point (weight and threshold) chosen on the other nine. The shipped point, chosen on all folds,
 * flatters itself a little; this figure does not.
 */
export function nestedParaphraseCounts(scored: readonly Scored[]): Counts & { points: OperatingPoint[] } {
  const msrp = scored.filter((s) => s.pair.group === 'msrp');
  const points: OperatingPoint[] = [];
  const out = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let f = 0; f < FOLDS; f++) {
    const point = paraphrasePointFor(msrp.filter((s) => s.fold !== f));
    points.push(point);
    const c = counts(
      atWeight(
        msrp.filter((s) => s.fold === f),
        point.treeWeight,
      ),
      point.threshold,
      false,
    );
    out.tp += c.tp;
    out.fp += c.fp;
    out.fn += c.fn;
    out.tn += c.tn;
  }
  return { ...out, points };
}

function paraphrasePointFor(msrp: readonly Scored[]): OperatingPoint {
  let best: OperatingPoint = { treeWeight: TREE_WEIGHT, threshold: 0.5 };
  let bestScore = -1;
  for (const w of PARAPHRASE_TREE_WEIGHTS) {
    const blended = atWeight(msrp, w);
    for (const t of GRID) {
      const c = counts(blended, t, false);
      // Points that keep the accuracy target rank above all others, by F1; the others by accuracy.
      const score = accuracy(c) >= PARAPHRASE_ACCURACY ? 1 + f1(c) : accuracy(c);
      if (score > bestScore) [best, bestScore] = [{ treeWeight: w, threshold: t }, score];
    }
  }
  return best;
}

/** The scores re-blended with the trees' weight `w`. */
export function atWeight(scored: readonly Scored[], w: number): Scored[] {
  return scored.map((s) => ({ ...s, p: blendProbability(s.trees, s.logistic, w) }));
}

/**
 * The citation operating point: for each weight of CITATION_TREE_WEIGHTS, the lowest threshold from
 * which held-out precision on the hand-labelled pairs (news and samples, candidate filter and hard rules
 * applied) stays at or above CITATION_PRECISION; the weight whose point accepts the most true pairs
 * wins (the earlier weight on a tie).
 */
export function citationThreshold(scored: readonly Scored[]): CitationPoint {
  return citationPointFor(scored.filter((s) => s.pair.group !== 'msrp'));
}

function citationPointFor(labelled: readonly Scored[]): CitationPoint {
  let best: CitationPoint & { tp: number } = { treeWeight: TREE_WEIGHT, threshold: 1, tp: -1 };
  for (const w of CITATION_TREE_WEIGHTS) {
    const blended = atWeight(labelled, w);
    const threshold = pointFor(blended);
    const { tp } = counts(blended, threshold, true);
    if (tp > best.tp) best = { treeWeight: w, threshold, tp };
  }
  return { treeWeight: best.treeWeight, threshold: best.threshold };
}

/**
 * Held-out counts at the citation point without fitting the point on the pairs counted: the pairs of
 * each fold are judged at the point (weight and threshold) chosen on the other nine folds' labelled pairs. This is the figure
 * to report; the shipped point, chosen on all labels, would flatter itself on them.
 */
export function nestedCitationCounts(
  scored: readonly Scored[],
  group: 'news' | 'samples',
): Counts & { points: CitationPoint[] } {
  const labelled = scored.filter((s) => s.pair.group !== 'msrp');
  const points: CitationPoint[] = [];
  const out = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let f = 0; f < FOLDS; f++) {
    const point = citationPointFor(labelled.filter((s) => s.fold !== f));
    points.push(point);
    const c = counts(
      atWeight(
        labelled.filter((s) => s.fold === f && s.pair.group === group),
        point.treeWeight,
      ),
      point.threshold,
      true,
    );
    out.tp += c.tp;
    out.fp += c.fp;
    out.fn += c.fn;
    out.tn += c.tn;
  }
  return { ...out, points };
}

function pointFor(labelled: readonly Scored[]): number {
  let best = GRID.at(-1)!;
  for (let k = GRID.length - 1; k >= 0; k--) {
    const c = counts(labelled, GRID[k]!, true);
    if (c.tp + c.fp > 0 && precision(c) < CITATION_PRECISION) break;
    best = GRID[k]!;
  }
  return best;
}
