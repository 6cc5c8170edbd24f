/**
 * Redundancy tests for greedy selection: is a candidate saying again what the summary already says?
 * Two are offered, both used in the literature: trigram blocking (Paulus et al. 2018, "A Deep
 * Reinforced Model for Abstractive Summarization", §2.5; standard in extractive news summarizers since
 * Liu & Lapata 2019) and a cosine ceiling as in MMR (Carbonell & Goldstein 1998).
 */
import type { AnalyzedStory } from '../model.js';
import { cosine, setCosine, storyVectors, type SparseVector } from './vectors.js';

const NO_STEMS: SparseVector = { terms: new Int32Array(0), weights: new Float64Array(0), norm: 0 };

/** Decides whether `candidate` repeats what the already `chosen` sentences say. */
export type RedundancyTest = (candidate: number, chosen: readonly number[]) => boolean;

/**
 * Trigram blocking: redundant when the candidate's word trigrams are found more than `maxShared` times
 * in the chosen sentences, a trigram counting once per chosen sentence that holds it (0 is the classic
 * "any shared trigram" rule). Counting each trigram once instead changed nothing measurable
 * (docs/readability.md, "Thirteenth round").
 */
export function trigramBlocking(doc: AnalyzedStory, maxShared = 0): RedundancyTest {
  const cache = new Map<number, Float64Array>();
  // Words numbered once per story, as the features' bigrams read them (stem vectors, vectors.ts).
  const { wordIds } = storyVectors(doc);
  const wide = new Map<string, number>();
  const grams = (i: number): Float64Array => {
    let g = cache.get(i);
    if (!g) cache.set(i, (g = trigramKeys(wordIds[i] ?? NO_WORDS, wide)));
    return g;
  };
  return (candidate, chosen) => {
    const mine = grams(candidate);
    let shared = 0;
    for (const c of chosen) {
      shared += sharedCount(mine, grams(c));
      if (shared > maxShared) return true;
    }
    return false;
  };
}

/** Word numbers below this make a trigram's number exact in a double: 3 × 17 bits. */
const WIDE = 1 << 17;

const NO_WORDS = new Int32Array(0);

/**
 * The distinct trigrams of a sentence's word numbers, as numbers, sorted: the three words' numbers as
 * digits of base `WIDE`, where writing and hashing a string per trigram cost most of the test. Past 2^17
 * distinct words (no news story comes near) a trigram is numbered as first seen and negated, so keys
 * stay one per trigram. Sorted arrays are compared by a merge, where a set of numbers too large to be
 * small integers to the engine was hashed for every probe.
 */
function trigramKeys(words: Int32Array, wide: Map<string, number>): Float64Array {
  const out = new Float64Array(Math.max(0, words.length - 2));
  let a = -1;
  let b = -1;
  for (let i = 0; i < words.length; i++) {
    const c = words[i]!;
    if (i >= 2)
      out[i - 2] = a < WIDE && b < WIDE && c < WIDE ? (a * WIDE + b) * WIDE + c : -1 - wideKey(wide, a, b, c);
    a = b;
    b = c;
  }
  // Insertion sort for a sentence's worth of keys (the built-in sort past 64), then the distinct ones.
  if (out.length <= 64) {
    for (let i = 1; i < out.length; i++) {
      const x = out[i]!;
      let j = i - 1;
      while (j >= 0 && out[j]! > x) out[j + 1] = out[j--]!;
      out[j + 1] = x;
    }
  } else out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i]!;
  return n === out.length ? out : out.slice(0, n);
}

function wideKey(wide: Map<string, number>, a: number, b: number, c: number): number {
  const key = `${a} ${b} ${c}`;
  let k = wide.get(key);
  if (k === undefined) wide.set(key, (k = wide.size));
  return k;
}

/** How many values two sorted arrays of distinct values share. */
function sharedCount(x: Float64Array, y: Float64Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length && j < y.length) {
    if (x[i]! < y[j]!) i++;
    else if (x[i]! > y[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
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
  // The set cosine read off the stem vectors (`setCosine`, equal to `stemSetCosine` of the stems).
  const { vectors } = storyVectors(doc);
  const at = (i: number): SparseVector => vectors[i] ?? NO_STEMS;
  return (candidate, chosen) => {
    const v = at(candidate);
    return chosen.some((c) => setCosine(v, at(c)) >= threshold);
  };
}
