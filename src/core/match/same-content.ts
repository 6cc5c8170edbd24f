/**
 * The "same content" decision: does a sentence of one article carry what a sentence of another article
 * of the story says? It stands behind every citation, agreed fact, single-source fact, the coverage
 * matrix and the side-by-side view, so that "2 sources" means two outlets said it.
 *
 * Two steps. The cheap set cosine of content stems (`stemSetCosine`) picks candidates, which keeps the
 * prefix-filtered all-pairs search fast (sentence-matches.ts); then a model over the pair's features
 * (features.ts) scores each candidate, and hard rules turn away pairs that contradict rather than
 * corroborate: other figures, ages or dates, a negation on one side only, another speaker. The model
 * blends the log-odds of a logistic regression and of a small ensemble of boosted trees (trees.ts):
 * the trees reach MSRP's published accuracy, the regression keeps the ranking of news pairs smooth
 * where few labels exist. It is trained and cross-validated by lab/same-content/train.ts on MSRP and on
 * hand-labelled news pairs; it ships in same-content-model.json, rebuilt byte for byte by that script.
 * docs/citations.md gives the figures and why the operating point sits where it does.
 */
import { ChorusError } from '../errors.js';
import type { Sentence } from '../model.js';
import { stemSetCosine } from './cosine.js';
import modelFile from './same-content-model.json' with { type: 'json' };
import { treeLogOdds, type TreeEnsemble } from './trees.js';
import {
  attachedConflict,
  datesContradict,
  FEATURE_NAMES,
  figuresConflict,
  negationContradicts,
  pairFeatures,
  pairSide,
  type PairSide,
} from './features.js';

/** The shipped model: a logistic regression and boosted trees whose log-odds are blended. */
export interface SameContentModel {
  readonly features: readonly string[];
  readonly logistic: {
    readonly mean: readonly number[];
    readonly scale: readonly number[];
    readonly weights: readonly number[];
    readonly bias: number;
  };
  readonly trees: TreeEnsemble;
  /**
   * Weight of the trees' log-odds at each operating point; the regression's gets the rest. Each point
   * has its own: the trees win MSRP's paraphrases, the regression ranks news pairs better near the
   * citation point, and the blend costs the same whatever the weight.
   */
  readonly treeWeight: Readonly<Record<SameContentThreshold, number>>;
  readonly thresholds: Readonly<Record<SameContentThreshold, number>>;
  readonly candidateCosine: number;
}

const model = modelFile as unknown as SameContentModel;

/** Operating points of the model's probability: the product's (precision first) and MSRP's. */
export type SameContentThreshold = 'citation' | 'paraphrase';

/** Stem-set cosine below which a pair is never scored (the candidate filter). */
export const CANDIDATE_COSINE: number = model.candidateCosine;

/** The model's probability at or above which a pair is taken to carry the same content. */
export const SAME_CONTENT_THRESHOLDS: Readonly<Record<SameContentThreshold, number>> = Object.freeze({
  ...model.thresholds,
});

/** Why a pair that shares its subject is still not the same content. */
export type Contradiction = 'figures' | 'dates' | 'negation' | 'speaker' | 'question';

/**
 * What contradicts between two sentences that share a subject, if anything: they state different
 * figures, ages or dates (figures read by the word they count, and by every word they attach to:
 * "five bronze medals" / "three gold medals", "Oct. 25" / "Oct. 23"), one denies what the other
 * states, or different people say it, or one asks what the other states ("Cashews next?" is no
 * report that cashews are next; with the rebuilt model such a pair scored 0.72 on cased newswire).
 */
export function contradiction(a: PairSide, b: PairSide): Contradiction | undefined {
  if (a.question !== b.question) return 'question';
  if (figuresConflict(a, b) || attachedConflict(a, b)) return 'figures';
  if (datesContradict(a, b)) return 'dates';
  if (negationContradicts(a, b)) return 'negation';
  if (disjoint(a.speakers, b.speakers)) return 'speaker';
  return undefined;
}

/**
 * Fewest distinct content stems two sentences must share to carry one fact, unless they have the same
 * stems ("He was 89." in two obituaries). One shared word is a topic, not a fact: a one-word fragment
 * left where a page was cut off ("North", "Woot!") scored 0.8 against a long sentence holding that
 * word, and reports cited it as a second source (tenth round's audit).
 */
export const MIN_SHARED_STEMS = 2;

/** Whether two sentences share `MIN_SHARED_STEMS` distinct content stems, or all their stems. */
export function sharesEnough(a: PairSide, b: PairSide): boolean {
  const [small, large] = a.stemSet.size <= b.stemSet.size ? [a.stemSet, b.stemSet] : [b.stemSet, a.stemSet];
  let shared = 0;
  for (const x of small) if (large.has(x) && ++shared >= MIN_SHARED_STEMS) return true;
  return shared > 0 && shared === large.size;
}

function disjoint<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const x of a) if (b.has(x)) return false;
  return true;
}

/**
 * The model's probability that two sentences carry the same content (before the hard rules), as
 * blended for an operating point.
 */
export function sameContentProbability(
  a: PairSide,
  b: PairSide,
  point: SameContentThreshold = 'citation',
): number {
  checked ||= checkFeatures();
  return modelProbability(model, pairFeatures(a, b), point);
}

let checked = false;

/**
 * The shipped model must have been trained on today's features. Checked at first use, not on import:
 * the training script imports this module to rebuild a model that no longer matches.
 */
function checkFeatures(): true {
  if (model.features.join() !== FEATURE_NAMES.join()) {
    throw new ChorusError(
      'internal',
      'same-content-model.json was trained on other features: rerun lab/same-content/train.ts',
    );
  }
  return true;
}

/** The logistic regression's log-odds for a feature vector. */
export function logisticLogOdds(l: SameContentModel['logistic'], f: readonly number[]): number {
  const { mean, scale, weights, bias } = l;
  let z = bias;
  for (let k = 0; k < f.length; k++) z += (weights[k]! * (f[k]! - mean[k]!)) / scale[k]!;
  return z;
}

/** The probability of two learners' log-odds blended with the trees' weight `w`. */
export function blendProbability(treeOdds: number, logisticOdds: number, w: number): number {
  return 1 / (1 + Math.exp(-(w * treeOdds + (1 - w) * logisticOdds)));
}

/** A model's probability for a feature vector at an operating point: its two learners' log-odds blended. */
export function modelProbability(
  m: Pick<SameContentModel, 'logistic' | 'trees' | 'treeWeight'>,
  f: readonly number[],
  point: SameContentThreshold = 'citation',
): number {
  return blendProbability(treeLogOdds(m.trees, f), logisticLogOdds(m.logistic, f), m.treeWeight[point]);
}

/**
 * The decision with its evidence: the score (model probability, 0 when a hard rule refused the pair)
 * and whether it reaches the operating point.
 * @example sameContent(pairSide(a), pairSide(b)).same
 */
export function sameContent(
  a: PairSide,
  b: PairSide,
  threshold: SameContentThreshold = 'citation',
): { score: number; same: boolean; contradiction?: Contradiction } {
  const score = Math.round(sameContentProbability(a, b, threshold) * 1000) / 1000;
  const why = contradiction(a, b);
  if (why) return { score, same: false, contradiction: why };
  return { score, same: score >= SAME_CONTENT_THRESHOLDS[threshold] && sharesEnough(a, b) };
}

const sides = new WeakMap<Sentence, PairSide>();

/** The pair features' reading of a sentence, computed once per sentence record. */
export function sideOf(sentence: Sentence): PairSide {
  let side = sides.get(sentence);
  if (!side) {
    side = pairSide(sentence);
    sides.set(sentence, side);
  }
  return side;
}

/** An accepted pair: the other sentence (index in the list searched) with the evidence. */
export interface PairMatch {
  readonly sentence: number;
  /** Set cosine of content stems (the candidate filter's measure). */
  readonly similarity: number;
  /** The model's probability. */
  readonly score: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Scores one candidate pair already known to share words: the accepted match, or undefined when the
 * cosine is under the candidate filter, a hard rule refuses it or the score misses the operating point.
 */
export function judgePair(
  s: Sentence,
  other: Sentence,
  j: number,
  similarity: number,
  threshold: SameContentThreshold = 'citation',
): PairMatch | undefined {
  if (similarity < CANDIDATE_COSINE) return undefined;
  const score = pairScore(s, other, threshold);
  return score >= SAME_CONTENT_THRESHOLDS[threshold]
    ? { sentence: j, similarity: round3(similarity), score }
    : undefined;
}

/**
 * Scores already given, by operating point and ordered pair of sentence records: a report's citations
 * and its comparison judge many of the same pairs (1,128 of the 3,955 scored over 500 validation
 * reports were scored before). Only the ordered pair: METEOR's alignment reads one side first.
 */
const scores: Record<SameContentThreshold, WeakMap<Sentence, Map<Sentence, number>>> = {
  citation: new WeakMap(),
  paraphrase: new WeakMap(),
};

/** The rounded model score of a pair, or -1 when a hard rule refuses it. */
function pairScore(s: Sentence, other: Sentence, threshold: SameContentThreshold): number {
  let known = scores[threshold].get(s);
  if (!known) scores[threshold].set(s, (known = new Map()));
  let score = known.get(other);
  if (score === undefined) {
    const a = sideOf(s);
    const b = sideOf(other);
    // The rules first: they are cheap, and stories of near-identical sentences stating other figures
    // (hundreds of "counted 34 bolts" / "counted 65 bolts") would otherwise run the model on every pair.
    score = contradiction(a, b) || !sharesEnough(a, b) ? -1 : round3(sameContentProbability(a, b, threshold));
    known.set(other, score);
  }
  return score;
}

/**
 * The best sentence among `sentences[start..end)` that carries the content of `s`: highest score, then
 * the earlier sentence. Undefined when none is accepted. `similarity(j)` is the set cosine of the stems
 * of `s` and of sentence `j`, for a caller that has it at hand (the summary reads it off its vectors).
 */
export function bestMatchIn(
  s: Sentence,
  sentences: readonly Sentence[],
  start = 0,
  end = sentences.length,
  threshold: SameContentThreshold = 'citation',
  similarity: (j: number) => number = (j) => stemSetCosine(s.stems, sentences[j]!.stems),
): PairMatch | undefined {
  let best: PairMatch | undefined;
  for (let j = start; j < end; j++) {
    const other = sentences[j]!;
    const m = judgePair(s, other, j, similarity(j), threshold);
    if (m && (!best || m.score > best.score)) best = m;
  }
  return best;
}
