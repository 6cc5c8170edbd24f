/**
 * Scoring with a small ensemble of regression trees (gradient boosting, Friedman 2001), the learner of
 * the same-content model. Each tree is a flat list of nodes: `[feature, threshold, left, right]` splits
 * (go left when the value is below the threshold) and `[value]` leaves; the log-odds are the sum of the
 * leaves reached, plus the bias. Trained by lab/same-content/boosted-trees.ts.
 */

/** A split `[feature, threshold, left, right]` or a leaf `[value]`. */
export type TreeNode = readonly [number, number, number, number] | readonly [number];

export interface TreeEnsemble {
  readonly bias: number;
  readonly trees: readonly (readonly TreeNode[])[];
}

/** The ensemble's log-odds for feature vector `x`. */
export function treeLogOdds(model: TreeEnsemble, x: readonly number[]): number {
  let z = model.bias;
  for (const tree of model.trees) {
    let node = tree[0]!;
    while (node.length === 4) node = tree[x[node[0]]! < node[1] ? node[2] : node[3]]!;
    z += node[0];
  }
  return z;
}

/** The ensemble's probability for feature vector `x`. */
export function treeProbability(model: TreeEnsemble, x: readonly number[]): number {
  return 1 / (1 + Math.exp(-treeLogOdds(model, x)));
}
