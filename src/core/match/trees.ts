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
 * An ensemble packed into typed arrays, every node of every tree in one table: walking nested JSON
 * arrays of two shapes cost about a quarter of scoring a pair.
 */
interface PackedEnsemble {
  readonly bias: number;
  /** Index of each tree's root node. */
  readonly roots: Int32Array;
  /** Feature tested by each node, -1 for a leaf. */
  readonly feature: Int32Array;
  /** Split threshold, or the leaf's value. */
  readonly value: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
}

const packed = new WeakMap<TreeEnsemble, PackedEnsemble>();

function pack(model: TreeEnsemble): PackedEnsemble {
  const size = model.trees.reduce((n, t) => n + t.length, 0);
  const out = {
    bias: model.bias,
    roots: new Int32Array(model.trees.length),
    feature: new Int32Array(size),
    value: new Float64Array(size),
    left: new Int32Array(size),
    right: new Int32Array(size),
  };
  let base = 0;
  model.trees.forEach((tree, t) => {
    out.roots[t] = base;
    tree.forEach((node, k) => {
      if (node.length === 4) {
        out.feature[base + k] = node[0];
        out.value[base + k] = node[1];
        out.left[base + k] = base + node[2];
        out.right[base + k] = base + node[3];
      } else {
        out.feature[base + k] = -1;
        out.value[base + k] = node[0];
      }
    });
    base += tree.length;
  });
  return out;
}

/** The ensemble's log-odds for feature vector `x`. */
export function treeLogOdds(model: TreeEnsemble, x: ArrayLike<number>): number {
  let p = packed.get(model);
  if (!p) packed.set(model, (p = pack(model)));
  const { roots, feature, value, left, right } = p;
  let z = p.bias;
  for (let t = 0; t < roots.length; t++) {
    let k = roots[t]!;
    for (let f = feature[k]!; f >= 0; f = feature[k]!) k = x[f]! < value[k]! ? left[k]! : right[k]!;
    z += value[k]!;
  }
  return z;
}

/** The ensemble's probability for feature vector `x`. */
export function treeProbability(model: TreeEnsemble, x: ArrayLike<number>): number {
  return 1 / (1 + Math.exp(-treeLogOdds(model, x)));
}
