/**
 * N-gram overlap (rouge-score `_score_ngrams`): clipped counts of shared n-grams over the candidate's and
 * the reference's n-gram totals. Tokens are integer ids (see `Vocabulary`); an n-gram key packs up to
 * two ids into one number, so counting needs no string building.
 */
import { score, type RougeScore } from './score.js';

/** Ids stay below 2^26 in practice (a vocabulary of 67 million words), so two fit exactly in a double. */
const SHIFT = 2 ** 26;

/** Counts of the n-grams (n = 1 or 2) of `ids`. */
export function ngramCounts(ids: Int32Array, n: 1 | 2): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i + n <= ids.length; i++) {
    const key = n === 1 ? (ids[i] as number) : (ids[i] as number) * SHIFT + (ids[i + 1] as number);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Number of n-grams in a count map. */
export function total(counts: ReadonlyMap<number, number>): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}

/** Clipped overlap of two count maps. */
export function overlap(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let hits = 0;
  for (const [key, count] of small) {
    const other = large.get(key);
    if (other !== undefined) hits += Math.min(count, other);
  }
  return hits;
}

/** rouge-score's n-gram score: precision over the candidate's n-grams, recall over the reference's. */
export function scoreNgrams(
  reference: ReadonlyMap<number, number>,
  candidate: ReadonlyMap<number, number>,
): RougeScore {
  const hits = overlap(reference, candidate);
  return score(hits / Math.max(total(candidate), 1), hits / Math.max(total(reference), 1));
}
