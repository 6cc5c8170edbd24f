/**
 * The overlap measures of the same-content features over hashed words: every word, stem, n-gram and
 * character n-gram of a sentence becomes a 32-bit FNV-1a hash once per sentence, sets become sorted
 * arrays of hashes, and a pair's overlaps are merges of two sorted arrays. Comparing numbers instead of
 * strings, merging sorted arrays instead of probing Sets, and running LCS and METEOR's alignment
 * bit-parallel over position masks keep the machine-translation metrics (BLEU, METEOR, TER,
 * character n-grams) cheap enough to score every candidate pair of a story.
 * Two different strings share a hash about once in four billion: no measurable effect on a score.
 */

/** FNV-1a hash of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The distinct values of `xs`, sorted. */
export function sortedUnique(xs: ArrayLike<number>): Uint32Array {
  // A copy by `set`, not `Uint32Array.from` (the iterator protocol: a third of this function's time).
  const copy = new Uint32Array(xs.length);
  copy.set(xs);
  return sortUniqueInPlace(copy);
}

/**
 * Sorts `sorted` in place and returns its distinct values: `sorted` itself when it has no repeats (most
 * n-gram lists of a sentence), else a copy of the distinct prefix.
 */
function sortUniqueInPlace(sorted: Uint32Array): Uint32Array {
  // Insertion sort for a sentence's worth of values: several times faster than the built-in sort there.
  if (sorted.length <= 64) {
    for (let i = 1; i < sorted.length; i++) {
      const x = sorted[i]!;
      let j = i - 1;
      while (j >= 0 && sorted[j]! > x) sorted[j + 1] = sorted[j--]!;
      sorted[j + 1] = x;
    }
  } else sorted.sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return n === sorted.length ? sorted : sorted.slice(0, n);
}

/** How many values two sorted arrays of distinct values share. */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}

/** The distinct n-grams of a sequence of word hashes, hashed. */
export function ngramHashes(ids: Uint32Array, n: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, ids.length - n + 1));
  for (let k = n; k <= ids.length; k++) {
    let h = 0x811c9dc5 ^ n;
    for (let j = k - n; j < k; j++) h = Math.imul(h ^ ids[j]!, 0x01000193);
    out[k - n] = h >>> 0;
  }
  return sortUniqueInPlace(out);
}

/** Code units of the text `wordCharGramHashes` reads, kept from call to call. */
let units = new Uint16Array(512);

/**
 * The distinct character n-grams, hashed, of the words that pass `keep` joined by single spaces with a
 * space before and after (\` ${words.filter(keep).join(' ')} \`). The text is not written: its code
 * units go to a buffer kept from call to call, where joining the words cost as much as hashing them.
 */
export function wordCharGramHashes(
  words: readonly string[],
  keep: (w: string) => boolean,
  n: number,
): Uint32Array {
  let at = 0;
  units[at++] = 32;
  for (const w of words) {
    if (!keep(w)) continue;
    if (at + w.length + 1 > units.length) {
      const wider = new Uint16Array(2 * (at + w.length + 1));
      wider.set(units.subarray(0, at));
      units = wider;
    }
    for (let i = 0; i < w.length; i++) units[at++] = w.charCodeAt(i);
    units[at++] = 32;
  }
  if (at === 1) units[at++] = 32; // no word kept: the text is two spaces
  const out = new Uint32Array(Math.max(0, at - n + 1));
  for (let k = n; k <= at; k++) {
    let h = 0x811c9dc5;
    for (let j = k - n; j < k; j++) h = Math.imul(h ^ units[j]!, 0x01000193);
    out[k - n] = h >>> 0;
  }
  return sortUniqueInPlace(out);
}

/**
 * Where each distinct value stands in a sequence, as a bit mask over positions (32 per word): value →
 * row, and the rows side by side in one array (one allocation per sentence, not one per word).
 */
export interface PositionMasks {
  /** Row by value, the value read as a signed 32-bit integer: use `rowOf`. */
  readonly row: ReadonlyMap<number, number>;
  readonly bits: Uint32Array;
  /** 32-bit words per row. */
  readonly words: number;
}

/** The position masks of `ids`: built once per sentence, they make LCS and alignment bit-parallel. */
export function positionMasks(ids: Uint32Array): PositionMasks {
  const words = Math.max(1, Math.ceil(ids.length / 32));
  const row = new Map<number, number>();
  const bits = new Uint32Array(words * Math.max(1, ids.length));
  for (let j = 0; j < ids.length; j++) {
    // Keyed by the hash as a signed 32-bit integer: a small integer to the engine, where a hash of 2^31
    // or more would be a boxed number hashed at every look-up (`rowOf` reads it the same way).
    const id = ids[j]! | 0;
    let r = row.get(id);
    if (r === undefined) row.set(id, (r = row.size));
    bits[r * words + (j >>> 5)]! |= 1 << (j & 31);
  }
  return { row, bits, words };
}

/** The row of value `id` in `masks`, or undefined when the sequence lacks it. */
export function rowOf(masks: PositionMasks, id: number): number | undefined {
  return masks.row.get(id | 0);
}

/**
 * Length of the longest common subsequence of `a` and the sequence of length `m` whose position masks
 * are `masks` (ROUGE-L's numerator), bit-parallel after Hyyrö, "Bit-parallel LCS-length computation
 * revisited" (2004): one pass over `a`, a few word operations per element.
 */
export function lcsLength(
  a: Uint32Array,
  masks: PositionMasks,
  m: number,
  rows: Int32Array = rowsIn(a, masks),
): number {
  if (a.length === 0 || m === 0) return 0;
  const { bits, words } = masks;
  if (words === 1) {
    // One 32-bit word (sentences of up to 32 words, most of them): no array, no inner loop.
    let v = -1;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (r < 0) continue;
      const u = v & bits[r]!;
      v = (v + u) | (v - u);
    }
    return popcount(~v & (m === 32 ? -1 : (1 << m) - 1));
  }
  const v = new Uint32Array(words).fill(0xffffffff);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r < 0) continue;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const vw = v[w]!;
      const u = vw & bits[r * words + w]!;
      // V' = (V + U) | (V - U); U is a subset of V, so V - U is V ^ U with no borrow.
      const sum = vw + (u >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = (sum >>> 0) | (vw ^ u);
    }
  }
  let zeros = 0;
  for (let j = 0; j < m; j++) if (!(v[j >>> 5]! & (1 << (j & 31)))) zeros++;
  return zeros;
}

/**
 * The row of each value of `a` in `masks` (-1 where the other sequence lacks it): one map lookup per
 * word, shared by the measures of a pair that walk the same sequences (LCS, edit distance).
 */
export function rowsIn(a: Uint32Array, masks: PositionMasks): Int32Array {
  const rows = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) rows[i] = rowOf(masks, a[i]!) ?? -1;
  return rows;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** The sides METEOR aligns: words in order, each word's stem, and where each stands in the sentence. */
export interface AlignSide {
  readonly words: Uint32Array;
  readonly stems: Uint32Array;
  readonly wordMasks: PositionMasks;
  readonly stemMasks: PositionMasks;
}

/**
 * METEOR both ways (Banerjee & Lavie, 2005), exact then stem stages, from one alignment: each word of
 * `a` takes the first free word of `b` with the same form, else the same stem; the recall-weighted
 * F-mean is cut by the fragmentation penalty (few long matched chunks beat many short ones). Returns
 * [METEOR of a against b, of b against a]. No synonym stage.
 */
export function meteor(
  a: AlignSide,
  b: AlignSide,
  wordRows: Int32Array = rowsIn(a.words, b.wordMasks),
): [number, number] {
  const n = a.words.length;
  const m = b.words.length;
  if (n === 0 || m === 0) return [0, 0];
  const to = new Int32Array(n).fill(-1);
  if (m <= 32) alignOneWord(a, b, wordRows, to);
  else alignWords(a, b, wordRows, to);
  let matches = 0;
  let chunks = 0;
  let prev = -2;
  for (const j of to) {
    if (j < 0) {
      prev = -2;
      continue;
    }
    matches++;
    if (j !== prev + 1) chunks++;
    prev = j;
  }
  if (matches === 0) return [0, 0];
  const penalty = 1 - 0.5 * (chunks / matches) ** 3;
  const fmean = (p: number, r: number) => ((10 * p * r) / (r + 9 * p)) * penalty;
  return [fmean(matches / n, matches / m), fmean(matches / m, matches / n)];
}

/** METEOR's alignment into `to` when B fits one 32-bit word (most sentences): free positions in a scalar. */
function alignOneWord(a: AlignSide, b: AlignSide, wordRows: Int32Array, to: Int32Array): void {
  let free = -1;
  const words = b.wordMasks.bits;
  for (let i = 0; i < to.length; i++) {
    const r = wordRows[i]!;
    const bits = r < 0 ? 0 : words[r]! & free;
    if (bits) {
      const bit = 31 - Math.clz32(bits & -bits);
      free &= ~(1 << bit);
      to[i] = bit;
    }
  }
  const stems = b.stemMasks;
  for (let i = 0; i < to.length; i++) {
    if (to[i]! >= 0) continue;
    const r = rowOf(stems, a.stems[i]!);
    const bits = r === undefined ? 0 : stems.bits[r]! & free;
    if (bits) {
      const bit = 31 - Math.clz32(bits & -bits);
      free &= ~(1 << bit);
      to[i] = bit;
    }
  }
}

/** METEOR's alignment into `to` for longer sentences. */
function alignWords(a: AlignSide, b: AlignSide, wordRows: Int32Array, to: Int32Array): void {
  const n = a.words.length;
  const free = new Uint32Array(Math.ceil(b.words.length / 32)).fill(0xffffffff);
  const take = (masks: PositionMasks, r: number) => {
    if (r < 0) return -1;
    for (let w = 0; w < free.length; w++) {
      const bits = masks.bits[r * masks.words + w]! & free[w]!;
      if (bits) {
        const bit = 31 - Math.clz32(bits & -bits);
        free[w]! &= ~(1 << bit);
        return w * 32 + bit;
      }
    }
    return -1;
  };
  for (let i = 0; i < n; i++) to[i] = take(b.wordMasks, wordRows[i]!);
  for (let i = 0; i < n; i++)
    if (to[i]! < 0) to[i] = take(b.stemMasks, rowOf(b.stemMasks, a.stems[i]!) ?? -1);
}

/**
 * Word edit distance (Levenshtein: insertions, deletions and substitutions) between `a` and the
 * sequence of length `m` whose position masks are `masks`, bit-parallel after Myers, "A fast bit-vector
 * algorithm for approximate string matching based on dynamic programming" (JACM 1999), in the
 * block-based form of Hyyrö (2003) as edlib writes it: one pass over `a`, a few word operations per
 * element and 32-position block. TER without block shifts.
 */
export function editDistance(
  a: Uint32Array,
  masks: PositionMasks,
  m: number,
  rows: Int32Array = rowsIn(a, masks),
): number {
  if (m === 0) return a.length;
  if (a.length === 0) return m;
  const { bits, words } = masks;
  const last = (m - 1) & 31;
  if (words === 1) {
    // One 32-bit block (up to 32 words): scalars, no arrays.
    let pv = -1;
    let mv = 0;
    let score = m;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const eq = r < 0 ? 0 : bits[r]! | 0;
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      score += ((ph >>> last) & 1) - ((mh >>> last) & 1);
      // The first row of the table grows by one per column: a horizontal delta of +1 enters.
      ph = (ph << 1) | 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    return score;
  }
  const pv = new Int32Array(words).fill(-1);
  const mv = new Int32Array(words);
  const blocks = Math.ceil(m / 32);
  let score = m;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    let hin = 1;
    for (let w = 0; w < blocks; w++) {
      let eq = r < 0 ? 0 : bits[r * words + w]! | 0;
      const p = pv[w]!;
      const v = mv[w]!;
      const neg = hin < 0 ? 1 : 0;
      const xv = eq | v;
      eq |= neg;
      const xh = (((eq & p) + p) ^ p) | eq;
      let ph = v | ~(xh | p);
      let mh = p & xh;
      const top = w === blocks - 1 ? last : 31;
      const hout = ((ph >>> top) & 1) - ((mh >>> top) & 1);
      ph = (ph << 1) | (hin > 0 ? 1 : 0);
      mh = (mh << 1) | neg;
      pv[w] = mh | ~(xv | ph);
      mv[w] = ph & xv;
      hin = hout;
    }
    score += hin;
  }
  return score;
}
