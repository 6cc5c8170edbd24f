/**
 * MinHash signatures and LSH banding for near-duplicate candidates.
 *
 * Source: A. Broder, "On the resemblance and containment of documents" (1997) for MinHash; the banding
 * scheme of Leskovec, Rajaraman and Ullman, "Mining of Massive Datasets", ch. 3.4. We depart from the
 * textbook in one way: each of the k hash functions is a seeded 32-bit finaliser (MurmurHash3's fmix32)
 * rather than a random permutation, which is cheaper and, for this use, as good.
 *
 * With 64 bands of 2 rows, a pair with resemblance 0.25 becomes a candidate with probability 0.98 (an
 * article with a long update appended), one with 0.1 with probability 0.47; candidates are then scored
 * from their signatures.
 */

export interface MinHashOptions {
  readonly bands: number;
  readonly rows: number;
}

export const MINHASH_DEFAULTS: MinHashOptions = Object.freeze({ bands: 64, rows: 2 });

function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Seeds of the k hash functions, fixed so that signatures are the same on every run and machine. */
function seeds(k: number): Uint32Array {
  const out = new Uint32Array(k);
  for (let i = 0; i < k; i++) out[i] = fmix32(0x9e3779b9 + Math.imul(i + 1, 0x7f4a7c15));
  return out;
}

const SEED_CACHE = new Map<number, Uint32Array>();

/** MinHash signature of a set of shingle hashes (all 0xffffffff for an empty set). */
export function signature(shingles: Uint32Array, k: number): Uint32Array {
  let s = SEED_CACHE.get(k);
  if (!s) {
    s = seeds(k);
    SEED_CACHE.set(k, s);
  }
  const sig = new Uint32Array(k).fill(0xffffffff);
  for (const x of shingles) {
    for (let i = 0; i < k; i++) {
      const h = fmix32(x ^ (s[i] ?? 0));
      if (h < (sig[i] ?? 0)) sig[i] = h;
    }
  }
  return sig;
}

/** Share of equal positions: an unbiased estimate of the Jaccard resemblance of the two sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const k = Math.min(a.length, b.length);
  if (k === 0) return 0;
  let same = 0;
  for (let i = 0; i < k; i++) if (a[i] === b[i]) same++;
  return same / k;
}

/** One key per band: band number and the hash of its rows, as a string usable in a Map. */
export function bandKeys(sig: Uint32Array, options: MinHashOptions): string[] {
  const keys: string[] = [];
  for (let b = 0; b < options.bands; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < options.rows; r++) h = fmix32(h ^ (sig[b * options.rows + r] ?? 0));
    keys.push(`${b}:${h.toString(36)}`);
  }
  return keys;
}
