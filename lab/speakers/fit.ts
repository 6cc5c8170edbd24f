/**
 * Fitting the speaker chooser: a conditional logit (McFadden 1973) over each quote's candidates plus
 * "nobody" (score 0), by full-batch Adam (Kingma & Ba 2015) from zero weights with L2, a fixed number
 * of steps and no randomness, so that the same examples always give the same model. The loss of a
 * quote is −log of the probability of its right candidates together (several candidates can carry the
 * same surname), or of "nobody" when none is right.
 */
import { candidateProbabilities, type SpeakerModel } from '../../src/core/quotes/choose-speaker.js';
import { CUE_KINDS, SPEAKER_FEATURES, type CueKind } from '../../src/core/quotes/speaker-candidates.js';
import type { SpeakerExample } from './examples.js';

/** What the fit reads of an example; `weight` (default 1) scales its share of the loss. */
type FitExample = Pick<SpeakerExample, 'candidates' | 'right'> & { readonly weight?: number };

export const FIT_DEFAULTS = { steps: 400, rate: 0.05, l2: 1e-3 };

/** The weights that fit `examples` (threshold left at 0.5: see pickThreshold). */
export function fitChooser(examples: readonly FitExample[], options = FIT_DEFAULTS): SpeakerModel {
  const d = SPEAKER_FEATURES.length;
  // Parameter 0 is the bias, 1..d the weights.
  const w = new Float64Array(d + 1);
  const m = new Float64Array(d + 1);
  const v = new Float64Array(d + 1);
  const n = examples.reduce((s, e) => s + (e.weight ?? 1), 0) || 1;
  for (let step = 1; step <= options.steps; step++) {
    const model = toModel(w, 0.5);
    const grad = new Float64Array(d + 1);
    for (const e of examples) {
      if (e.candidates.length === 0) continue;
      const p = candidateProbabilities(model, e.candidates);
      const mass = e.right.reduce((s, i) => s + p[i]!, 0);
      const weight = e.weight ?? 1;
      e.candidates.forEach((c, i) => {
        // d(−log Σ_right p)/dz_i = p_i − [i right]·p_i/mass; "nobody" is the target when none is right.
        const g = weight * (p[i]! - (e.right.includes(i) && mass > 0 ? p[i]! / mass : 0));
        if (g === 0) return;
        grad[0]! += g;
        for (let k = 0; k < d; k++) grad[k + 1]! += g * c.features[k]!;
      });
    }
    for (let k = 0; k <= d; k++) {
      const g = grad[k]! / n + (k > 0 ? options.l2 * w[k]! : 0);
      m[k] = 0.9 * m[k]! + 0.1 * g;
      v[k] = 0.999 * v[k]! + 0.001 * g * g;
      const mh = m[k]! / (1 - 0.9 ** step);
      const vh = v[k]! / (1 - 0.999 ** step);
      w[k]! -= (options.rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return toModel(w, 0.5);
}

/** Rounded so that the JSON is short and the same on every machine. */
function toModel(w: Float64Array, threshold: number): SpeakerModel {
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    features: [...SPEAKER_FEATURES],
    bias: r(w[0]!),
    weights: [...w.slice(1)].map(r),
    threshold,
  };
}

export interface Outcome {
  right: number;
  wrong: number;
  none: number;
}

/** Top candidate and its probability for each example. */
export function topChoices(
  model: SpeakerModel,
  examples: readonly SpeakerExample[],
): { p: number; ok: boolean }[] {
  return examples.map((e) => {
    const p = candidateProbabilities(model, e.candidates);
    let best = -1;
    p.forEach((x, i) => {
      if (best < 0 || x > p[best]!) best = i;
    });
    return best < 0 ? { p: 0, ok: false } : { p: p[best]!, ok: e.right.includes(best) };
  });
}

/** Right, wrong and none at `threshold`. */
export function outcome(choices: readonly { p: number; ok: boolean }[], threshold: number): Outcome {
  const o = { right: 0, wrong: 0, none: 0 };
  for (const c of choices) {
    if (c.p < threshold) o.none++;
    else if (c.ok) o.right++;
    else o.wrong++;
  }
  return o;
}

/** The lowest threshold (in steps of 0.01) at which wrong answers are at most `maxWrong` of all. */
export function pickThreshold(choices: readonly { p: number; ok: boolean }[], maxWrong: number): number {
  for (let t = 1; t <= 99; t++) {
    const o = outcome(choices, t / 100);
    if (o.wrong <= maxWrong * choices.length) return t / 100;
  }
  return 0.99;
}

const MIN_THRESHOLD = 50;

/** A held-out choice: its probability, whether it is right, its weight and its quote's cue kind. */
export interface HeldChoice {
  readonly p: number;
  readonly ok: boolean;
  readonly w: number;
  readonly kind: CueKind;
}

/**
 * One threshold per cue kind that names the most right speakers while wrong ones stay at most
 * `maxWrong` of the (weighted) quotes. A Lagrangian search: for each price λ of a wrong answer, each
 * kind takes the threshold (steps of 0.01) that maximises right − λ·wrong; the cheapest λ whose total
 * meets the bound wins. Deterministic, and a kind's threshold never falls below 0.5: a speaker the
 * model finds more likely wrong than right is never named, however few wrong answers the folds show
 * (the pronoun folds rest on a few hundred keyed quotes, and read 4 points too kind on dev at 0.33).
 */
export function pickThresholds(choices: readonly HeldChoice[], maxWrong: number): Record<CueKind, number> {
  const total = choices.reduce((s, c) => s + c.w, 0);
  const byKind = new Map<CueKind, HeldChoice[]>(CUE_KINDS.map((k) => [k, []]));
  for (const c of choices) byKind.get(c.kind)!.push(c);
  const tally = (cs: readonly HeldChoice[], t: number) => {
    let right = 0;
    let wrong = 0;
    for (const c of cs) {
      if (c.p < t) continue;
      if (c.ok) right += c.w;
      else wrong += c.w;
    }
    return { right, wrong };
  };
  let best: Record<CueKind, number> | undefined;
  for (let step = 0; step <= 400; step++) {
    const lambda = step * 0.1;
    const pick = {} as Record<CueKind, number>;
    let wrong = 0;
    for (const [kind, cs] of byKind) {
      let bestT = 0.99;
      let bestGain = -Infinity;
      for (let t = MIN_THRESHOLD; t <= 99; t++) {
        const o = tally(cs, t / 100);
        const gain = o.right - lambda * o.wrong;
        if (gain > bestGain + 1e-9) {
          bestGain = gain;
          bestT = t / 100;
        }
      }
      pick[kind] = bestT;
      wrong += tally(cs, bestT).wrong;
    }
    if (wrong <= maxWrong * total) {
      best = pick;
      break;
    }
  }
  return fillBudget(
    byKind,
    best ?? (Object.fromEntries(CUE_KINDS.map((k) => [k, 0.99])) as Record<CueKind, number>),
    maxWrong * total,
    tally,
  );
}

/** Right answers bought per wrong one below which a lower threshold is not worth it. */
export const MIN_RIGHT_PER_WRONG = 2;

/**
 * The Lagrangian's λ moves in steps, and one step can lift a kind whose curve is flat (named) far above
 * what the bound needs. Greedy repair: while some kind's lower threshold keeps the total wrong within
 * `budget` and buys more than MIN_RIGHT_PER_WRONG right answers per wrong one, take the move with the
 * most right answers per wrong one (ties: the most right). Never a trade of one wrong for one right.
 */
function fillBudget(
  byKind: ReadonlyMap<CueKind, readonly HeldChoice[]>,
  start: Record<CueKind, number>,
  budget: number,
  tally: (cs: readonly HeldChoice[], t: number) => { right: number; wrong: number },
): Record<CueKind, number> {
  const pick = { ...start };
  let wrong = [...byKind].reduce((s, [k, cs]) => s + tally(cs, pick[k]).wrong, 0);
  for (;;) {
    let move: { kind: CueKind; t: number; ratio: number; right: number; wrong: number } | undefined;
    for (const [kind, cs] of byKind) {
      const now = tally(cs, pick[kind]);
      for (let t = MIN_THRESHOLD; t < Math.round(pick[kind] * 100); t++) {
        const o = tally(cs, t / 100);
        const dr = o.right - now.right;
        const dw = o.wrong - now.wrong;
        if (dr <= 0 || wrong + dw > budget + 1e-9 || dr <= MIN_RIGHT_PER_WRONG * dw) continue;
        const ratio = dw > 0 ? dr / dw : Infinity;
        if (!move || ratio > move.ratio + 1e-9 || (Math.abs(ratio - move.ratio) <= 1e-9 && dr > move.right))
          move = { kind, t: t / 100, ratio, right: dr, wrong: dw };
      }
    }
    if (!move) return pick;
    pick[move.kind] = move.t;
    wrong += move.wrong;
  }
}
