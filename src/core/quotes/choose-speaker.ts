/**
 * The learned speaker chooser: a conditional logit over a quote's candidates (speaker-candidates.ts)
 * and one more choice, "nobody", scored 0. Each candidate scores `bias + weights · features`, plus,
 * for the quote's kind of cue, that kind's own bias and weights (the same feature means different
 * things after "he said" and for a quote with no cue: a shared weight plus a per-kind offset, both
 * penalised, is the "frustratingly easy" domain adaptation of Daumé III 2007). The candidate with the
 * highest probability is the speaker when that probability reaches its kind's threshold, else the
 * quote gets no speaker (a wrong name costs more than none). A model may add boosted regression trees
 * to each candidate's score (Friedman 2001; fitted on the linear scores' residual in the chooser's own
 * loss by lab/speakers/fit.ts fitChooserTrees), read on the features and the kind of cue. The model is
 * trained on PolNeAR train by lab/speakers/train.ts, which writes speaker-model.json.
 */
import { treeLogOdds, type TreeEnsemble } from '../match/trees.js';
import model from './speaker-model.json' with { type: 'json' };
import { CUE_KINDS, SPEAKER_FEATURES, type Candidate, type CueKind } from './speaker-candidates.js';
import {
  NEIGHBOUR_FEATURES,
  neighbourFeatures,
  type FirstAnswer,
  type LinkedQuote,
} from './neighbour-features.js';

/** One kind of cue's offsets to the shared bias and weights. */
export interface KindWeights {
  readonly bias: number;
  readonly weights: readonly number[];
}

export interface SpeakerModel {
  readonly features: readonly string[];
  readonly bias: number;
  readonly weights: readonly number[];
  /** Lowest probability at which the top candidate is named. */
  readonly threshold: number;
  /** The same per kind of cue (speaker-candidates.ts cueKind), where it differs from `threshold`. */
  readonly thresholds?: Readonly<Partial<Record<CueKind, number>>>;
  /** Per kind of cue, offsets added to `bias` and `weights`. */
  readonly byKind?: Readonly<Partial<Record<CueKind, KindWeights>>>;
  /** Trees whose log-odds are added to the score, read on `treeInput(features, kind)`. */
  readonly trees?: TreeEnsemble;
  /** A second reading with the first one's answers for the neighbouring quotes (chooseSpeakers). */
  readonly neighbours?: NeighbourModel;
}

/**
 * The second reading: weights of neighbour-features.ts's features added to the first reading's
 * score, shared and per kind of cue, and the thresholds its probabilities are named at.
 */
export interface NeighbourModel {
  readonly features: readonly string[];
  readonly bias: number;
  readonly weights: readonly number[];
  readonly byKind?: Readonly<Partial<Record<CueKind, KindWeights>>>;
  readonly thresholds: Readonly<Record<CueKind, number>>;
}

/**
 * The shipped model, checked on first use (not at import, so that the lab can rebuild a stale one):
 * its feature names must be SPEAKER_FEATURES, in order.
 */
export function shippedSpeakerModel(): SpeakerModel {
  if (
    model.features.join() !== SPEAKER_FEATURES.join() ||
    ((model as SpeakerModel).neighbours?.features.join() ?? NEIGHBOUR_FEATURES.join()) !==
      NEIGHBOUR_FEATURES.join()
  )
    throw new Error(
      'speaker-model.json does not match SPEAKER_FEATURES and NEIGHBOUR_FEATURES: rebuild it (lab/speakers/train.ts)',
    );
  return model as unknown as SpeakerModel;
}

/** What the trees read: the features, then one indicator per kind of cue (CUE_KINDS order). */
export function treeInput(features: readonly number[], kind?: CueKind): number[] {
  const x = [...features];
  for (const k of CUE_KINDS) x.push(k === kind ? 1 : 0);
  return x;
}

/** The score of one candidate for a quote whose cue is of `kind` (its log-odds against "nobody"). */
export function candidateScore(m: SpeakerModel, features: readonly number[], kind?: CueKind): number {
  let z = m.bias;
  for (let k = 0; k < features.length; k++) z += m.weights[k]! * features[k]!;
  const own = kind && m.byKind?.[kind];
  if (own) {
    z += own.bias;
    for (let k = 0; k < features.length; k++) z += own.weights[k]! * features[k]!;
  }
  if (m.trees) z += treeLogOdds(m.trees, treeInput(features, kind));
  return z;
}

/** Probabilities of each candidate; the rest (1 − their sum) is "nobody". */
export function candidateProbabilities(
  m: SpeakerModel,
  candidates: readonly { readonly features: readonly number[] }[],
  kind?: CueKind,
): number[] {
  return probabilities(candidates.map((c) => candidateScore(m, c.features, kind)));
}

/** The threshold of `m` for quotes whose cue is of `kind`. */
export function thresholdFor(m: SpeakerModel, kind: CueKind | undefined): number {
  return (kind && m.thresholds?.[kind]) ?? m.threshold;
}

/**
 * The chosen speaker among `candidates`, or undefined when none is likely enough for a quote whose
 * cue is of `kind`.
 * @example chooseSpeaker(quoteCandidates(text)[0].candidates, shippedSpeakerModel())?.speaker // → "Ann Kale"
 */
export function chooseSpeaker(
  candidates: readonly Candidate[],
  m: SpeakerModel,
  kind?: CueKind,
): Candidate | undefined {
  const p = candidateProbabilities(m, candidates, kind);
  const best = argmax(p);
  return best >= 0 && p[best]! >= thresholdFor(m, kind) ? candidates[best] : undefined;
}

/** The second reading's score of a candidate: the first's plus the neighbour weights (kind's own too). */
export function neighbourScore(
  n: NeighbourModel,
  first: number,
  features: readonly number[],
  kind?: CueKind,
): number {
  let z = first + n.bias;
  for (let k = 0; k < features.length; k++) z += n.weights[k]! * features[k]!;
  const own = kind && n.byKind?.[kind];
  if (own) {
    z += own.bias;
    for (let k = 0; k < features.length; k++) z += own.weights[k]! * features[k]!;
  }
  return z;
}

/** Softmax of scores against "nobody" at 0. */
function probabilities(z: readonly number[]): number[] {
  const top = Math.max(0, ...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = Math.exp(-top) + e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

/** The most likely of `p` (−1 when empty). */
function argmax(p: readonly number[]): number {
  let best = -1;
  p.forEach((v, i) => {
    if (best < 0 || v > p[best]!) best = i;
  });
  return best;
}

/** The first reading's answer for each quote of an article: its top candidate, how likely, whether named. */
export function firstAnswers(m: SpeakerModel, quotes: readonly LinkedQuote[]): FirstAnswer[] {
  return quotes.map((q) => {
    const p = candidateProbabilities(m, q.candidates, q.kind);
    const best = argmax(p);
    if (best < 0) return { p: 0, named: false };
    return { speaker: q.candidates[best]!.speaker, p: p[best]!, named: p[best]! >= thresholdFor(m, q.kind) };
  });
}

/**
 * The probabilities of each quote's candidates after the second reading (the first reading's when
 * the model has none), for every quote of one article in order.
 */
export function secondProbabilities(m: SpeakerModel, quotes: readonly LinkedQuote[]): number[][] {
  const n = m.neighbours;
  if (!n) return quotes.map((q) => candidateProbabilities(m, q.candidates, q.kind));
  const answers = firstAnswers(m, quotes);
  return quotes.map((q, i) => {
    const nf = neighbourFeatures(quotes, answers, i);
    return probabilities(
      q.candidates.map((c, k) => neighbourScore(n, candidateScore(m, c.features, q.kind), nf[k]!, q.kind)),
    );
  });
}

/**
 * The chosen speaker of each quote of one article, in order: the first reading, then, when the model
 * has one, the second reading with the neighbours' first answers (neighbour-features.ts).
 */
export function chooseSpeakers<C extends Candidate>(
  m: SpeakerModel,
  quotes: readonly (LinkedQuote & { readonly candidates: readonly C[] })[],
): (C | undefined)[] {
  const ps = secondProbabilities(m, quotes);
  return quotes.map((q, i) => {
    const p = ps[i]!;
    const best = argmax(p);
    const t = m.neighbours ? m.neighbours.thresholds[q.kind] : thresholdFor(m, q.kind);
    return best >= 0 && p[best]! >= t ? q.candidates[best] : undefined;
  });
}
