/**
 * Distinct stems of each stem list, kept per list: the citation search compares one summary sentence
 * with every sentence of the other articles, and building both sets for every pair was most of its
 * cost. Stem lists are parts of immutable sentence records, so a set once built stays right.
 */
const stemSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The distinct stems of a stem list, built once per list (pair sides share it). */
export function stemSet(stems: readonly string[]): ReadonlySet<string> {
  let set = stemSets.get(stems);
  if (!set) stemSets.set(stems, (set = new Set(stems)));
  return set;
}

/** Set cosine of two stem lists: |A ∩ B| / √(|A|·|B|) over distinct stems; 0 when either is empty. */
export function stemSetCosine(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sa = stemSet(a);
  const sb = stemSet(b);
  // Not `[small, large] = …`: an array per pair, and this runs on every pair a citation looks at.
  const small = sa.size <= sb.size ? sa : sb;
  const large = small === sa ? sb : sa;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / Math.sqrt(sa.size * sb.size);
}
