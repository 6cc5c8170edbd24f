/**
 * Dense term vectors for the learned join decision: each term a point in a few dozen dimensions, so an
 * article and a story that tell one event in different words (one source says "quake", another "tremor",
 * "rescuers", "rubble") still land near each other. The vectors are latent semantic analysis
 * (Deerwester et al. 1990): the leading right singular vectors of the article × term TF-IDF matrix of
 * Multi-News train articles outside the dated train stream, found by randomized SVD (Halko, Martinsson
 * and Tropp 2011) in `lab/cluster-join/vectors.ts`, which writes the file byte for byte the same.
 *
 * Issue 4 mixed such a cosine into the undated score and lost: months of one topic look alike. Here it
 * is only a feature of the dated decision (`JoinSetup.vectors`), among the few stories of the same days.
 * Measured on the dated train folds it gained 0.0002 (0.0008 with 10 candidates), so the product ships
 * no vectors and the features are 0 in it (docs/clustering.md, sixth round); the lab keeps the path.
 *
 * The file holds each term's vector as signed bytes with one scale a term (base64), 3.3 MB for 31,680
 * terms of 64 dimensions; it is decoded on first use.
 */
import { ChorusError } from '../errors.js';
import type { TermWeight } from './sparse.js';

/** `term-vectors.json` as written by the lab. */
export interface TermVectorsFile {
  readonly dimensions: number;
  readonly terms: readonly string[];
  /** Per term: the vector is `scale / 127` times its bytes. */
  readonly scales: readonly number[];
  /** Base64 of `terms.length × dimensions` signed bytes, term after term. */
  readonly vectors: string;
}

export interface TermVectors {
  readonly dimensions: number;
  /** Sum of the article's term vectors times their weights (terms without a vector add nothing). */
  embed(vector: readonly TermWeight[]): Float64Array;
}

/**
 * Term vectors from the file, decoded on the first `embed`.
 * @throws ChorusError 'invalid-input' when the file's sizes disagree.
 */
export function termVectors(file: TermVectorsFile): TermVectors {
  const { dimensions, terms, scales } = file;
  let table: { index: Map<string, number>; values: Float32Array } | undefined;
  const load = () => {
    // atob, not Buffer: the core runs wherever JavaScript does.
    const bytes = atob(file.vectors);
    if (bytes.length !== terms.length * dimensions || scales.length !== terms.length)
      throw new ChorusError(
        'invalid-input',
        `expected ${terms.length} term vectors of ${dimensions} bytes with a scale each, found ${bytes.length} bytes and ${scales.length} scales`,
      );
    const values = new Float32Array(bytes.length);
    for (let t = 0; t < terms.length; t++) {
      const s = (scales[t] ?? 0) / 127;
      for (let d = 0; d < dimensions; d++) {
        const byte = bytes.charCodeAt(t * dimensions + d);
        values[t * dimensions + d] = (byte > 127 ? byte - 256 : byte) * s;
      }
    }
    return { index: new Map(terms.map((t, i) => [t, i])), values };
  };
  return {
    dimensions,
    embed(vector) {
      table ??= load();
      const out = new Float64Array(dimensions);
      for (const [term, w] of vector) {
        const i = table.index.get(term);
        if (i === undefined) continue;
        const base = i * dimensions;
        for (let d = 0; d < dimensions; d++) out[d] = (out[d] ?? 0) + w * (table.values[base + d] ?? 0);
      }
      return out;
    },
  };
}

/** Cosine of two dense vectors (0 when either is zero). */
export function denseCosine(a: Float64Array, b: Float64Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let d = 0; d < a.length; d++) {
    const x = a[d] ?? 0;
    const y = b[d] ?? 0;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}
