/**
 * Which articles are independent reports. A syndicated copy (`DuplicateLink`: `article` copies
 * `original`) repeats its original's words, so it must not count as a second witness: every article is
 * mapped to the root of its chain of copies, and corroboration is counted over distinct roots.
 */
import type { DuplicateLink } from '../model.js';

/**
 * The independent report behind each of `n` articles: `roots[a]` is `a` itself, or the article `a`
 * (transitively) copies. Links pointing outside the story or forming a cycle are ignored, so bad input
 * never loops.
 * @example independentRoots(3, [{ article: 2, original: 0, similarity: 0.9 }]) // → [0, 1, 0]
 */
export function independentRoots(n: number, duplicates: readonly DuplicateLink[]): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (a: number): number => {
    let r = a;
    while (parent[r] !== r) r = parent[r]!;
    // Path compression keeps long chains of copies cheap.
    while (parent[a] !== r) [a, parent[a]] = [parent[a]!, r];
    return r;
  };
  const inRange = (a: number) => Number.isInteger(a) && a >= 0 && a < n;
  for (const d of duplicates) {
    if (!inRange(d.article) || !inRange(d.original)) continue;
    const ra = find(d.article);
    const ro = find(d.original);
    if (ra === ro) continue;
    // The smaller index becomes the root, so the result does not depend on the order of the links.
    if (ra < ro) parent[ro] = ra;
    else parent[ra] = ro;
  }
  return parent.map((_, a) => find(a));
}

/** Number of independent reports among `articles` (distinct roots). */
export function independentCount(articles: Iterable<number>, roots: readonly number[]): number {
  const seen = new Set<number>();
  for (const a of articles) seen.add(roots[a] ?? a);
  return seen.size;
}

/**
 * How a fact's articles read to a person: "4 sources and 1 copy" when syndicated copies are among them,
 * so a reader never takes a copy for a second outlet's corroboration.
 * @example corroborationLabel([0, 1, 2], [{ article: 2, original: 1, similarity: 0.9 }], 3) === '2 sources and 1 copy'
 */
export function corroborationLabel(
  articles: readonly number[],
  duplicates: readonly DuplicateLink[],
  storySize: number,
): string {
  const independent = independentCount(articles, independentRoots(storySize, duplicates));
  const copies = new Set(articles).size - independent;
  const sources = `${independent} source${independent === 1 ? '' : 's'}`;
  return copies > 0 ? `${sources} and ${copies} cop${copies === 1 ? 'y' : 'ies'}` : sources;
}
