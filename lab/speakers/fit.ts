/**
 * Fitting the speaker chooser: a conditional logit (McFadden 1973) over each quote's candidates plus
 * "nobody" (score 0), by full-batch Adam (Kingma & Ba 2015) from zero weights with L2, a fixed number
 * of steps and no randomness, so that the same examples always give the same model. The loss of a
 * quote is −log of the probability of its right candidates together (several candidates can carry the
 * same surname), or of "nobody" when none is right.
 */
import { candidateProbabilities, type SpeakerModel } from '../../src/core/quotes/choose-speaker.js';
import { SPEAKER_FEATURES } from '../../src/core/quotes/speaker-candidates.js';
import type { SpeakerExample } from './examples.js';

export const FIT_DEFAULTS = { steps: 400, rate: 0.05, l2: 1e-3 };

/** The weights that fit `examples` (threshold left at 0.5: see pickThreshold). */
export function fitChooser(examples: readonly SpeakerExample[], options = FIT_DEFAULTS): SpeakerModel {
  const d = SPEAKER_FEATURES.length;
  // Parameter 0 is the bias, 1..d the weights.
  const w = new Float64Array(d + 1);
  const m = new Float64Array(d + 1);
  const v = new Float64Array(d + 1);
  const n = examples.length || 1;
  for (let step = 1; step <= options.steps; step++) {
    const model = toModel(w, 0.5);
    const grad = new Float64Array(d + 1);
    for (const e of examples) {
      if (e.candidates.length === 0) continue;
      const p = candidateProbabilities(model, e.candidates);
      const mass = e.right.reduce((s, i) => s + p[i]!, 0);
      e.candidates.forEach((c, i) => {
        // d(−log Σ_right p)/dz_i = p_i − [i right]·p_i/mass; "nobody" is the target when none is right.
        const g = p[i]! - (e.right.includes(i) && mass > 0 ? p[i]! / mass : 0);
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
