/**
 * PageRank by power iteration over a weighted, undirected sentence graph, shared by LexRank and
 * TextRank. Rows are normalised to sum to one; sentences with no edges jump uniformly (so the walk is
 * still a Markov chain). Stops when the L1 change falls under `tolerance` or after `maxIterations`.
 */

/** Stationary scores of the graph whose edge weights are `weights[i][j]` (n × n, row-major). */
export function pageRank(
  weights: Float64Array,
  n: number,
  options: { damping?: number; tolerance?: number; maxIterations?: number } = {},
): Float64Array {
  const { damping = 0.85, tolerance = 1e-6, maxIterations = 100 } = options;
  if (n === 0) return new Float64Array(0);
  const rowSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += weights[i * n + j]!;
    rowSum[i] = s;
  }
  let p = new Float64Array(n).fill(1 / n);
  for (let iter = 0; iter < maxIterations; iter++) {
    const next = new Float64Array(n).fill((1 - damping) / n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const pi = p[i]!;
      if (rowSum[i] === 0) {
        dangling += pi;
        continue;
      }
      const share = (damping * pi) / rowSum[i]!;
      for (let j = 0; j < n; j++) {
        const w = weights[i * n + j]!;
        if (w !== 0) next[j]! += share * w;
      }
    }
    if (dangling > 0) for (let j = 0; j < n; j++) next[j]! += (damping * dangling) / n;
    let change = 0;
    for (let j = 0; j < n; j++) change += Math.abs(next[j]! - p[j]!);
    p = next;
    if (change < tolerance) break;
  }
  return p;
}

/** Sentences in descending score order (ties: earlier sentence first). */
export function rankByScore(scores: ArrayLike<number>): number[] {
  return Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
}
