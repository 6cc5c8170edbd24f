/**
 * Seeded random samples, so `--seed 7 --limit 500` picks the same examples on every machine.
 * Generator: mulberry32 (Tommy Ettinger's 32-bit mixer), enough for sampling, not for anything secret.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `k` distinct indices below `n`, chosen at random with `seed`, in ascending order. */
export function sampleIndices(n: number, k: number, seed: number): number[] {
  const random = mulberry32(seed);
  const all = Array.from({ length: n }, (_, i) => i);
  const take = Math.min(k, n);
  // Partial Fisher-Yates: the first `take` slots become the sample.
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (n - i));
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  return all.slice(0, take).sort((a, b) => a - b);
}
