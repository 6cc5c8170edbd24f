/**
 * How much of a text another one copies. Jaccard resemblance alone misses the common syndication edits:
 * a reprint cut to its first half, or a wire story with an update appended, shares most of the shorter
 * text but only about half of the union. So the similarity of two texts is the mean of their Jaccard
 * resemblance and their overlap coefficient (the share of the shorter one found in the longer one):
 * exact copies score 1, a half-length trim 0.75, two reports of one event with a shared quote about 0.05.
 */

/** Similarity from the shingle counts of two texts and the size of their intersection, 0..1. */
export function copySimilarity(sizeA: number, sizeB: number, shared: number): number {
  if (sizeA === 0 || sizeB === 0) return 0;
  const union = sizeA + sizeB - shared;
  const jaccard = union > 0 ? shared / union : 0;
  const overlap = shared / Math.min(sizeA, sizeB);
  return Math.min(1, (jaccard + overlap) / 2);
}

/** Shared shingles implied by an estimated Jaccard resemblance and the two set sizes (from |A∩B| = J·|A∪B|). */
export function sharedFromJaccard(sizeA: number, sizeB: number, jaccard: number): number {
  return Math.min(sizeA, sizeB, (jaccard * (sizeA + sizeB)) / (1 + jaccard));
}
