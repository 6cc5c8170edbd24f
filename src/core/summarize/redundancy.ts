/**
 * Redundancy tests for greedy selection: is a candidate saying again what the summary already says?
 * Two are offered, both used in the literature: trigram blocking (Paulus et al. 2018, "A Deep
 * Reinforced Model for Abstractive Summarization", §2.5; standard in extractive news summarizers since
 * Liu & Lapata 2019) and a cosine ceiling as in MMR (Carbonell & Goldstein 1998).
 */
import type { AnalyzedStory } from '../model.js';
import { stemSetCosine } from './cite.js';
import { cosine, type SparseVector } from './vectors.js';

/** Decides whether `candidate` repeats what the already `chosen` sentences say. */
export type RedundancyTest = (candidate: number, chosen: readonly number[]) => boolean;

/**
 * Trigram blocking: redundant when the candidate's word trigrams are found more than `maxShared` times
 * in the chosen sentences, a trigram counting once per chosen sentence that holds it (0 is the classic
 * "any shared trigram" rule). Counting each trigram once instead changed nothing measurable
 * (docs/readability.md, "Thirteenth round").
 */
export function trigramBlocking(doc: AnalyzedStory, maxShared = 0): RedundancyTest {
  const cache = new Map<number, Set<number | string>>();
  const ids = new Map<string, number>();
  const grams = (i: number): Set<number | string> => {
    let g = cache.get(i);
    if (!g) cache.set(i, (g = trigramKeys(doc.sentences[i]?.tokens ?? [], ids)));
    return g;
  };
  return (candidate, chosen) => {
    const mine = grams(candidate);
    let shared = 0;
    for (const c of chosen) {
      const theirs = grams(c);
      for (const g of mine) if (theirs.has(g)) shared++;
      if (shared > maxShared) return true;
    }
    return false;
  };
}

/** Word numbers below this make a trigram's number exact in a double: 3 × 17 bits. */
const WIDE = 1 << 17;

/**
 * The word trigrams of `tokens` as keys, one per distinct trigram: a number made of
 * the words' numbers in `ids` (numbered as first seen), where writing and hashing a string per trigram
 * cost most of the test. Past 2^17 distinct words (no news story comes near) a trigram is a string of
 * its words' numbers; a number never equals a string, so keys stay one per trigram.
 */
function trigramKeys(tokens: readonly string[], ids: Map<string, number>): Set<number | string> {
  const out = new Set<number | string>();
  let a = -1;
  let b = -1;
  for (let i = 0; i < tokens.length; i++) {
    let c = ids.get(tokens[i]!);
    if (c === undefined) ids.set(tokens[i]!, (c = ids.size));
    if (i >= 2) out.add(a < WIDE && b < WIDE && c < WIDE ? (a * WIDE + b) * WIDE + c : `${a} ${b} ${c}`);
    a = b;
    b = c;
  }
  return out;
}

/** Redundant when the candidate's cosine with any chosen sentence exceeds `ceiling`. */
export function cosineCeiling(vectors: readonly SparseVector[], ceiling: number): RedundancyTest {
  return (candidate, chosen) => {
    const v = vectors[candidate];
    if (!v) return false;
    for (const c of chosen) if (cosine(v, vectors[c]!) > ceiling) return true;
    return false;
  };
}

/** Redundant when any of the tests says so. */
export function anyOf(...tests: RedundancyTest[]): RedundancyTest {
  return (candidate, chosen) => tests.some((t) => t(candidate, chosen));
}

/**
 * Redundant when the candidate states a fact already chosen: its stem-set cosine with a chosen sentence
 * reaches `threshold` (the citation measure, so two summary sentences are never each other's citation).
 */
export function sameFact(doc: AnalyzedStory, threshold: number): RedundancyTest {
  if (threshold >= 1) return () => false;
  return (candidate, chosen) => {
    const stems = doc.sentences[candidate]?.stems ?? [];
    return chosen.some((c) => stemSetCosine(stems, doc.sentences[c]?.stems ?? []) >= threshold);
  };
}
