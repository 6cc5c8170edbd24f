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

/**
 * An ensemble packed into typed arrays, every node of every tree in one table, the two children of a
 * split side by side: walking nested JSON arrays of two shapes cost about a third of scoring a pair.
 */
interface PackedEnsemble {
  readonly bias: number;
  /** Index of each tree's root node. */
  readonly roots: Int32Array;
  /** Feature tested by each node, -1 for a leaf. */
  readonly feature: Int32Array;
  /** Split threshold, or the leaf's value. */
  readonly value: Float64Array;
  /** Index of a split's left child; its right child is the next node. */
  readonly left: Int32Array;
}

const packed = new WeakMap<TreeEnsemble, PackedEnsemble>();

function pack(model: TreeEnsemble): PackedEnsemble {
  const size = model.trees.reduce((n, t) => n + t.length, 0);
  const roots = new Int32Array(model.trees.length);
  const feature = new Int32Array(size);
  const value = new Float64Array(size);
  const left = new Int32Array(size);
  let next = 0;
  // Place a node, then its two children next to each other (breadth of one level at a time).
  const place = (tree: readonly TreeNode[], k: number, at: number) => {
    const node = tree[k]!;
    if (node.length === 1) {
      feature[at] = -1;
      value[at] = node[0];
      return;
    }
    feature[at] = node[0];
    value[at] = node[1];
    const l = next;
    next += 2;
    left[at] = l;
    place(tree, node[2], l);
    place(tree, node[3], l + 1);
  };
  model.trees.forEach((tree, t) => {
    roots[t] = next++;
    place(tree, 0, roots[t]!);
  });
  return { bias: model.bias, roots, feature, value, left };
}

/** The ensemble's log-odds for feature vector `x`. */
export function treeLogOdds(model: TreeEnsemble, x: ArrayLike<number>): number {
  let p = packed.get(model);
  if (!p) packed.set(model, (p = pack(model)));
  const { roots, feature, value, left } = p;
  let z = p.bias;
  for (let t = 0; t < roots.length; t++) {
    let k = roots[t]!;
    for (let f = feature[k]!; f >= 0; f = feature[k]!) k = left[k]! + +!(x[f]! < value[k]!);
    z += value[k]!;
  }
  return z;
}

/** The ensemble's probability for feature vector `x`. */
export function treeProbability(model: TreeEnsemble, x: ArrayLike<number>): number {
  return 1 / (1 + Math.exp(-treeLogOdds(model, x)));
}
