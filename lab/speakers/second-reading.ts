/**
 * The chooser's second reading (choose-speaker.ts chooseSpeakers, neighbour-features.ts), fitted as
 * stacked generalisation (Wolpert 1992): each train quote's neighbour features are read from first
 * answers held out by fold (the first reading of fold f is fitted on the other folds), so that the
 * second reading learns how far a first answer holds on text it was not fitted on. Its weights are
 * fitted on top of the first reading's held-out scores (fit.ts, a candidate's `offset`).
 */
import {
  candidateScore,
  firstAnswers,
  neighbourScore,
  type NeighbourModel,
  type SpeakerModel,
} from '../../src/core/quotes/choose-speaker.js';
import {
  NEIGHBOUR_FEATURES,
  neighbourFeatures,
  type FirstAnswer,
  type LinkedQuote,
} from '../../src/core/quotes/neighbour-features.js';
import type { CueKind } from '../../src/core/quotes/speaker-candidates.js';
import { fitChooser } from './fit.js';
import type { SpeakerExample } from './examples.js';

/** An example as the second reading sees it: neighbour features, the first reading's score as offset. */
export type SecondExample = SpeakerExample & {
  readonly second: readonly { readonly features: readonly number[]; readonly offset: number }[];
};

/** The quotes an example's article has, and its index there (a lone quote when the lab gave none). */
function context(e: SpeakerExample): { quotes: readonly LinkedQuote[]; index: number } {
  if (e.quotes && e.quote !== undefined) return { quotes: e.quotes, index: e.quote };
  return {
    quotes: [{ candidates: e.candidates, kind: e.cue, links: { paragraph: 0, namedSincePrevious: [] } }],
    index: 0,
  };
}

/**
 * `examples` with their second-reading inputs, each read with `firstOf(e)`, the first reading fitted
 * without the example's fold.
 */
export function secondExamples(
  examples: readonly SpeakerExample[],
  firstOf: (e: SpeakerExample) => SpeakerModel,
): SecondExample[] {
  const answers = new Map<readonly LinkedQuote[], FirstAnswer[]>();
  return examples.map((e) => {
    const m = firstOf(e);
    const { quotes, index } = context(e);
    let a = answers.get(quotes);
    if (!a) answers.set(quotes, (a = firstAnswers(m, quotes)));
    const nf = neighbourFeatures(quotes, a, index);
    return {
      ...e,
      second: e.candidates.map((c, k) => ({
        features: nf[k]!,
        offset: candidateScore(m, c.features, e.cue),
      })),
    };
  });
}

/** The second reading's weights fitted on `examples` (thresholds left to the caller). */
export function fitNeighbours(
  examples: readonly (SecondExample & { readonly weight?: number })[],
  thresholds: Readonly<Record<CueKind, number>>,
): NeighbourModel {
  const fit = fitChooser(
    examples.map((e) => ({
      candidates: e.second,
      right: e.right,
      cue: e.cue,
      ...(e.weight !== undefined && { weight: e.weight }),
    })),
    { features: NEIGHBOUR_FEATURES },
  );
  return {
    features: fit.features,
    bias: fit.bias,
    weights: fit.weights,
    ...(fit.byKind && { byKind: fit.byKind }),
    thresholds,
  };
}

/** Top candidate and its probability after the second reading `n`, for each example. */
export function secondChoices(
  n: NeighbourModel,
  examples: readonly SecondExample[],
): { p: number; ok: boolean }[] {
  return examples.map((e) => {
    const z = e.second.map((c) => neighbourScore(n, c.offset, c.features, e.cue));
    const top = Math.max(0, ...z);
    const x = z.map((v) => Math.exp(v - top));
    const sum = Math.exp(-top) + x.reduce((s, v) => s + v, 0);
    let best = -1;
    x.forEach((v, i) => {
      if (best < 0 || v > x[best]!) best = i;
    });
    return best < 0 ? { p: 0, ok: false } : { p: x[best]! / sum, ok: e.right.includes(best) };
  });
}
