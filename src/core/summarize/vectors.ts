/**
 * Stem vectors of sentences, the one representation the scorers and the citation matcher share.
 * Each sentence becomes a sparse TF·IDF vector over its content stems, with IDF counted over the
 * sentences of the story (a story is its own corpus: there is no background collection in the core).
 */
import type { AnalyzedStory } from '../model.js';

export interface SparseVector {
  /** Term ids, ascending. */
  readonly terms: Int32Array;
  readonly weights: Float64Array;
  /** Euclidean norm of `weights` (0 for an empty sentence). */
  readonly norm: number;
}

export interface StoryVectors {
  /** One vector per sentence of the story, same order as `doc.sentences`. */
  readonly vectors: readonly SparseVector[];
  /** IDF per term id: log(N / df). */
  readonly idf: Float64Array;
  /** Term id of each stem seen in the story, numbered as first seen. */
  readonly vocabulary: ReadonlyMap<string, number>;
  /** Each sentence's stems as term ids, in the order of its stems (the features count them). */
  readonly termIds: readonly Int32Array[];
  /**
   * Each sentence's tokens as numbers, a word numbered as first seen in the story: the features' word
   * bigrams and the redundancy test's trigrams read them.
   */
  readonly wordIds: readonly Int32Array[];
}

const built = new WeakMap<AnalyzedStory, StoryVectors>();

/**
 * Builds TF·IDF vectors for every sentence of `doc` (IDF over the story's sentences), once per story
 * record: the features, the redundancy test and the citations of one summary all read them.
 */
export function storyVectors(doc: AnalyzedStory): StoryVectors {
  let v = built.get(doc);
  if (!v) built.set(doc, (v = buildVectors(doc)));
  return v;
}

function buildVectors(doc: AnalyzedStory): StoryVectors {
  const vocabulary = new Map<string, number>();
  const df: number[] = [];
  const termIds: Int32Array[] = [];
  // Each sentence's term ids, sorted: a term's count is the length of its run (a Map per sentence, and
  // its keys sorted, cost more than the rest of the vectors).
  const sorted = doc.sentences.map((s) => {
    const ids = new Int32Array(s.stems.length);
    for (let k = 0; k < ids.length; k++) {
      const st = s.stems[k]!;
      let id = vocabulary.get(st);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(st, id);
        df.push(0);
      }
      ids[k] = id;
    }
    termIds.push(ids.slice());
    ids.sort();
    for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) df[ids[k]!]!++;
    return ids;
  });
  const n = Math.max(1, doc.sentences.length);
  const idf = new Float64Array(df.length);
  // +1 keeps a stem found in every sentence from vanishing (a one-sentence story still has a vector).
  for (let i = 0; i < df.length; i++) idf[i] = Math.log(n / (df[i] ?? 1)) + 1;
  // The sentences' weights, and below their word numbers, are views of one buffer per story: an array
  // past 64 bytes (most of these) gets a buffer of its own outside the engine's heap, which costs ten
  // times as much to make as a small one.
  let stems = 0;
  for (const ids of sorted) stems += ids.length;
  const weights = new Float64Array(stems);
  let at = 0;
  const vectors = sorted.map((ids) => {
    const v = toVector(ids, idf, weights, at);
    at += v.terms.length;
    return v;
  });
  const words = new Map<string, number>();
  let tokens = 0;
  for (const s of doc.sentences) tokens += s.tokens.length;
  const allIds = new Int32Array(tokens);
  at = 0;
  const wordIds = doc.sentences.map(({ tokens }) => {
    const ids = allIds.subarray(at, (at += tokens.length));
    for (let k = 0; k < tokens.length; k++) {
      let id = words.get(tokens[k]!);
      if (id === undefined) words.set(tokens[k]!, (id = words.size));
      ids[k] = id;
    }
    return ids;
  });
  return { vectors, idf, vocabulary, termIds, wordIds };
}

/**
 * The vector of a sentence's sorted term ids: each term weighted by its count times its IDF, the weights
 * written to `buffer` from `at`.
 */
function toVector(ids: Int32Array, idf: Float64Array, buffer: Float64Array, at: number): SparseVector {
  let distinct = 0;
  for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) distinct++;
  const terms = new Int32Array(distinct);
  const weights = buffer.subarray(at, at + distinct);
  let sq = 0;
  for (let k = 0, i = 0; k < ids.length; i++) {
    const t = ids[k]!;
    let tf = 0;
    while (k < ids.length && ids[k] === t) {
      tf++;
      k++;
    }
    const w = tf * idf[t]!;
    terms[i] = t;
    weights[i] = w;
    sq += w * w;
  }
  return { terms, weights, norm: Math.sqrt(sq) };
}

/** Cosine of two sparse vectors, 0 when either is empty. */
export function cosine(a: SparseVector, b: SparseVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/**
 * Set cosine of the two sentences' distinct stems, |A ∩ B| / √(|A|·|B|), read off their vectors (a
 * vector's terms are its sentence's distinct stems, sorted): `stemSetCosine` of their stem lists,
 * without building a set of strings per sentence. 0 when either is empty.
 */
export function setCosine(a: SparseVector, b: SparseVector): number {
  const x = a.terms;
  const y = b.terms;
  if (x.length === 0 || y.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.length && j < y.length) {
    if (x[i]! < y[j]!) i++;
    else if (x[i]! > y[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared / Math.sqrt(x.length * y.length);
}

/** Sum of several vectors (a centroid before normalisation), as a vector. */
export function sumVectors(vectors: readonly SparseVector[]): SparseVector {
  // Term ids are a story's numbers from 0: sums by id in an array, not in a Map.
  let size = 0;
  for (const v of vectors) for (const t of v.terms) if (t >= size) size = t + 1;
  const acc = new Float64Array(size);
  const seen = new Uint8Array(size);
  let distinct = 0;
  for (const v of vectors)
    for (let i = 0; i < v.terms.length; i++) {
      const t = v.terms[i]!;
      if (seen[t] === 0) {
        seen[t] = 1;
        distinct++;
      }
      acc[t]! += v.weights[i]!;
    }
  const terms = new Int32Array(distinct);
  const weights = new Float64Array(distinct);
  let sq = 0;
  for (let t = 0, i = 0; t < size; t++) {
    if (seen[t] === 0) continue;
    const w = acc[t]!;
    terms[i] = t;
    weights[i++] = w;
    sq += w * w;
  }
  return { terms, weights, norm: Math.sqrt(sq) };
}
