/**
 * Clustering quality against gold stories: BCubed (Bagga and Baldwin 1998; Amigó et al., "A comparison
 * of extrinsic clustering evaluation metrics", 2009) and pairwise precision/recall/F1.
 *
 * BCubed averages over items: an item's precision is the share of its predicted cluster that shares its
 * gold story (itself included), its recall the share of its gold story found in its predicted cluster.
 * Pairwise counts pairs of items: precision is the share of pairs put together that belong together.
 * With no predicted pair (all singletons) pairwise precision is 1 (nothing wrongly joined); with no
 * gold pair, recall is 1.
 */

export interface PrF {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface ClusterScores {
  readonly items: number;
  readonly predictedClusters: number;
  readonly goldClusters: number;
  readonly bcubed: PrF;
  readonly pairwise: PrF;
}

function f1(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Scores `predicted` against `gold`: both map each item to a cluster label, over the same items.
 * @example clusterScores(['a','a','b'], ['x','x','x']).bcubed.precision → 1
 */
export function clusterScores(predicted: readonly string[], gold: readonly string[]): ClusterScores {
  if (predicted.length !== gold.length)
    throw new Error(
      `expected as many predicted labels as gold ones, found ${predicted.length} and ${gold.length}`,
    );
  const n = predicted.length;
  const joint = new Map<string, number>();
  const pSize = new Map<string, number>();
  const gSize = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const p = predicted[i] ?? '';
    const g = gold[i] ?? '';
    const key = `${p}\u0000${g}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
    pSize.set(p, (pSize.get(p) ?? 0) + 1);
    gSize.set(g, (gSize.get(g) ?? 0) + 1);
  }
  let bp = 0;
  let br = 0;
  let together = 0;
  for (const [key, c] of joint) {
    const [p = '', g = ''] = key.split('\u0000');
    // Each of the c items in this cell has precision c/|P| and recall c/|G|.
    bp += (c * c) / (pSize.get(p) ?? 1);
    br += (c * c) / (gSize.get(g) ?? 1);
    together += pairs(c);
  }
  let predictedPairs = 0;
  for (const s of pSize.values()) predictedPairs += pairs(s);
  let goldPairs = 0;
  for (const s of gSize.values()) goldPairs += pairs(s);
  const bcP = n ? bp / n : 1;
  const bcR = n ? br / n : 1;
  const pwP = predictedPairs ? together / predictedPairs : 1;
  const pwR = goldPairs ? together / goldPairs : 1;
  return {
    items: n,
    predictedClusters: pSize.size,
    goldClusters: gSize.size,
    bcubed: { precision: bcP, recall: bcR, f1: f1(bcP, bcR) },
    pairwise: { precision: pwP, recall: pwR, f1: f1(pwP, pwR) },
  };
}
