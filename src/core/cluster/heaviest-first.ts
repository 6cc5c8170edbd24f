/**
 * Sorts places (indexes into `weights` and `terms`) heaviest first, ties by term: the order of a
 * clusterer's unit vector. A merge sort written out (Knuth, TAOCP vol. 3, 5.2.4) rather than
 * `Array.prototype.sort` with a comparator: the built-in sort calls the comparator from outside the
 * compiled code, some twenty nanoseconds a call, and sorting each article's kept terms that way was
 * 2 % of `chorus cluster` on the dated stream (docs/clustering.md, eleventh round). Terms are distinct,
 * so the order is total and the result is the one any correct sort gives.
 */

/** Whether place `a` goes before place `b`: heavier first, then the term first in code-unit order. */
function before(a: number, b: number, weights: ArrayLike<number>, terms: readonly string[]): boolean {
  const wa = weights[a]!;
  const wb = weights[b]!;
  return wa > wb || (wa === wb && terms[a]! < terms[b]!);
}

/**
 * Sorts `places` in place, heaviest first.
 * @example sortHeaviestFirst([0, 1, 2], [0.1, 0.5, 0.5], ['x', 'b', 'a']) // → [2, 1, 0]
 */
export function sortHeaviestFirst(
  places: number[],
  weights: ArrayLike<number>,
  terms: readonly string[],
): number[] {
  const n = places.length;
  if (n < 2) return places;
  let from = places.slice();
  let to = places;
  // Bottom-up: runs of 1, 2, 4, … merged from `from` into `to`, the two swapped after each pass.
  for (let width = 1; width < n; width *= 2) {
    [from, to] = [to, from];
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi)
        to[k++] = before(from[j]!, from[i]!, weights, terms) ? from[j++]! : from[i++]!;
      while (i < mid) to[k++] = from[i++]!;
      while (j < hi) to[k++] = from[j++]!;
    }
  }
  if (to !== places) for (let k = 0; k < n; k++) places[k] = to[k]!;
  return places;
}

/**
 * The `count` heaviest of `parts` ([term, weight] pairs, terms distinct), heaviest first, ties by term:
 * `parts.sort(…).slice(0, count)` without sorting all of them (an explanation shows five of an
 * article's eighty terms).
 */
export function heaviestParts<T extends readonly [string, number]>(parts: readonly T[], count: number): T[] {
  const top: T[] = [];
  const above = (x: T, y: T) => x[1] > y[1] || (x[1] === y[1] && x[0] < y[0]);
  for (const part of parts) {
    if (top.length === count && (count === 0 || !above(part, top[count - 1]!))) continue;
    let i = top.length < count ? top.length : count - 1;
    while (i > 0 && above(part, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = part;
  }
  return top;
}
