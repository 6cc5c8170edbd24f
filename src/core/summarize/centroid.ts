/**
 * `centroid`: sentences scored by closeness to the story's centroid, chosen by maximal marginal
 * relevance. After D. R. Radev, H. Jing, M. Styś, D. Tam, "Centroid-based summarization of multiple
 * documents", Information Processing & Management 40(6), 2004, §3: the centroid is the TF·IDF mass of
 * the cluster, truncated to its heaviest words. We depart from MEAD in two ways: the score is the cosine
 * with the centroid (not the sum of centroid weights), and redundancy is handled by MMR (Carbonell &
 * Goldstein, SIGIR 1998) instead of MEAD's cross-sentence informational subsumption.
 */
import type { AnalyzedStory, Summary } from '../model.js';
import { budgetOf, buildSummary } from './summary.js';
import { selectMmr } from './select.js';
import type { SummarizeOptions, Summarizer } from './summarizer.js';
import { cosine, storyVectors, sumVectors, type SparseVector } from './vectors.js';

/** Words of the centroid kept (MEAD keeps the top words of the cluster). */
const CENTROID_WORDS = 50;
/** MMR trade-off between relevance and novelty. */
const LAMBDA = 0.7;
/** Fragments and datelines below this many words are not summary sentences. */
const MIN_WORDS = 6;

/** The centroid of `vectors`, truncated to its `size` heaviest terms. */
export function centroidOf(vectors: readonly SparseVector[], size = CENTROID_WORDS): SparseVector {
  const sum = sumVectors(vectors);
  const n = sum.terms.length;
  // The heaviest `size` terms, ties to the lower term, in term order: what sorting every term by
  // weight (a stable sort) and the first `size` of them back by term gave, without the sorts. The
  // `size`-th weight is read off the weights sorted as numbers; every term above it is kept, and as many
  // at it, lowest term first, as there is room for.
  const cut = n > size ? sum.weights.slice().sort()[n - size]! : -Infinity;
  let above = 0;
  for (let k = 0; k < n; k++) if (sum.weights[k]! > cut) above++;
  let ties = Math.min(n, size) - above;
  const terms = new Int32Array(Math.min(n, size));
  const weights = new Float64Array(terms.length);
  let at = 0;
  for (let k = 0; k < n; k++) {
    const w = sum.weights[k]!;
    if (w > cut || (w === cut && ties-- > 0)) {
      terms[at] = sum.terms[k]!;
      weights[at++] = w;
    }
  }
  let sq = 0;
  for (const w of weights) sq += w * w;
  return { terms, weights, norm: Math.sqrt(sq) };
}

export const centroid: Summarizer = {
  name: 'centroid',
  description: 'closeness to the story centroid, with maximal marginal relevance (Radev et al. 2004)',
  summarize(doc: AnalyzedStory, options: SummarizeOptions): Summary {
    const words = budgetOf(options);
    const { vectors } = storyVectors(doc);
    const c = centroidOf(vectors);
    const relevance = vectors.map((v) => cosine(v, c));
    const chosen = selectMmr(doc, relevance, (a, b) => cosine(vectors[a]!, vectors[b]!), LAMBDA, {
      words,
      minWords: MIN_WORDS,
    });
    return buildSummary('centroid', doc, chosen, { words });
  },
};
