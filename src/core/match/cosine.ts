/** Set cosine of two stem lists: |A ∩ B| / √(|A|·|B|) over distinct stems; 0 when either is empty. */
export function stemSetCosine(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / Math.sqrt(sa.size * sb.size);
}
