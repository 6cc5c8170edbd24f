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
}

/**
 * The shipped model, checked on first use (not at import, so that the lab can rebuild a stale one):
 * its feature names must be SPEAKER_FEATURES, in order.
 */
export function shippedSpeakerModel(): SpeakerModel {
  if (model.features.join() !== SPEAKER_FEATURES.join())
    throw new Error('speaker-model.json does not match SPEAKER_FEATURES: rebuild it (lab/speakers/train.ts)');
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
  const z = candidates.map((c) => candidateScore(m, c.features, kind));
  const top = Math.max(0, ...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = Math.exp(-top) + e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
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
  let best = -1;
  p.forEach((v, i) => {
    if (best < 0 || v > p[best]!) best = i;
  });
  return best >= 0 && p[best]! >= thresholdFor(m, kind) ? candidates[best] : undefined;
}
