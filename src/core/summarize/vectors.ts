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
  /** Term id of each stem seen in the story. */
  readonly vocabulary: ReadonlyMap<string, number>;
}

/** Builds TF·IDF vectors for every sentence of `doc` (IDF over the story's sentences). */
export function storyVectors(doc: AnalyzedStory): StoryVectors {
  const vocabulary = new Map<string, number>();
  const counts: Map<number, number>[] = [];
  const df: number[] = [];
  for (const s of doc.sentences) {
    const tf = new Map<number, number>();
    for (const st of s.stems) {
      let id = vocabulary.get(st);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(st, id);
        df.push(0);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    for (const id of tf.keys()) df[id] = (df[id] ?? 0) + 1;
    counts.push(tf);
  }
  const n = Math.max(1, doc.sentences.length);
  const idf = new Float64Array(df.length);
  // +1 keeps a stem found in every sentence from vanishing (a one-sentence story still has a vector).
  for (let i = 0; i < df.length; i++) idf[i] = Math.log(n / (df[i] ?? 1)) + 1;
  const vectors = counts.map((tf) => toVector(tf, idf));
  return { vectors, idf, vocabulary };
}

function toVector(tf: Map<number, number>, idf: Float64Array): SparseVector {
  const terms = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
  const weights = new Float64Array(terms.length);
  let sq = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    const w = (tf.get(t) ?? 0) * (idf[t] ?? 0);
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

/** Sum of several vectors (a centroid before normalisation), as a vector. */
export function sumVectors(vectors: readonly SparseVector[]): SparseVector {
  const acc = new Map<number, number>();
  for (const v of vectors)
    for (let i = 0; i < v.terms.length; i++)
      acc.set(v.terms[i]!, (acc.get(v.terms[i]!) ?? 0) + v.weights[i]!);
  const terms = Int32Array.from([...acc.keys()].sort((a, b) => a - b));
  const weights = Float64Array.from(terms, (t) => acc.get(t) ?? 0);
  let sq = 0;
  for (const w of weights) sq += w * w;
  return { terms, weights, norm: Math.sqrt(sq) };
}
