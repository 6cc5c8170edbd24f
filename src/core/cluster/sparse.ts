/** Sparse term vectors as the clusterers use them: entries sorted by weight, heaviest first. */

export type TermWeight = readonly [term: string, weight: number];

/** Unit vector of the heaviest `max` entries of `weights` (ties broken by term, so results are deterministic). */
export function unitVector(weights: ReadonlyMap<string, number>, max: number): TermWeight[] {
  return unitEntries(
    [...weights].filter(([, w]) => w > 0),
    max,
  );
}

/**
 * `unitVector` of entries already made, all of them weighing more than 0 and each term once: sorted in
 * place, so a caller that builds its entries as it weighs them makes no map and no copies of them.
 * `scale` is applied to each unit weight (the clusterer rounds them to six decimals).
 */
export function unitEntries(
  entries: [string, number][],
  max: number,
  scale: (w: number) => number = (w) => w,
): TermWeight[] {
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = entries.length > max ? entries.slice(0, max) : entries;
  let norm = 0;
  for (const [, w] of kept) norm += w * w;
  norm = Math.sqrt(norm);
  return norm > 0 ? kept.map(([t, w]) => [t, scale(w / norm)] as const) : [];
}

/** Dot product of a vector with a map of weights. */
export function dot(vector: readonly TermWeight[], weights: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const [t, w] of vector) {
    const v = weights.get(t);
    if (v !== undefined) s += w * v;
  }
  return s;
}

/** The terms contributing most to `dot(vector, weights)`, with their share of it. */
export function topContributions(
  vector: readonly TermWeight[],
  weights: ReadonlyMap<string, number>,
  scale: number,
  count: number,
): TermWeight[] {
  const parts: TermWeight[] = [];
  for (const [t, w] of vector) {
    const v = weights.get(t);
    if (v !== undefined) parts.push([t, (w * v) / scale]);
  }
  parts.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return parts.slice(0, count);
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
