/**
 * Viterbi decoding of a first-order tag sequence (Rabiner 1989, §III-B), with the BIO constraint built
 * in: "I-X" may only follow "B-X" or "I-X", so every decoded sequence reads as well-formed spans.
 */

/** The tag set: "O", then "B-T" and "I-T" for each type, in this order. */
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];
export const NER_TAGS: readonly string[] = ['O', ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

/** allowed[prev * T + tag]; prev = T stands for the sentence start. */
export const ALLOWED: Uint8Array = (() => {
  const T = NER_TAGS.length;
  const a = new Uint8Array((T + 1) * T);
  for (let p = 0; p <= T; p++)
    for (let t = 0; t < T; t++) {
      const tag = NER_TAGS[t]!;
      const prev = p === T ? 'O' : NER_TAGS[p]!;
      a[p * T + t] = !tag.startsWith('I-') || prev.slice(2) === tag.slice(2) ? 1 : 0;
    }
  return a;
})();

/** PREVIOUS[t]: the tags allowed before tag t, in increasing order ("I-PER" only after "B-PER", "I-PER"). */
const PREVIOUS: readonly Uint8Array[] = NER_TAGS.map((_, t) =>
  Uint8Array.from(NER_TAGS.keys()).filter((p) => ALLOWED[p * NER_TAGS.length + t] === 1),
);

/**
 * Scratch tables of `decode` (typed arrays cost more to make than to fill here), grown up to KEPT_TOKENS;
 * a longer sentence gets tables of its own, so memory does not stay held after it.
 */
const KEPT_TOKENS = 1024;
let scoreScratch = new Float64Array(64 * NER_TAGS.length);
let backScratch = new Uint8Array(64 * NER_TAGS.length);

/**
 * Best tag sequence for `n` tokens. `emit[i * T + t]` is token i's score for tag t, `trans[p * T + t]` the
 * score of tag t after p, and `start[t]` the score of t opening the sentence.
 */
export function viterbi(
  n: number,
  emit: Float64Array,
  trans: ArrayLike<number>,
  start: ArrayLike<number>,
): Uint8Array {
  return decode(n, emit, trans, start, new Uint8Array(n));
}

/** `viterbi`, writing the tags into `out[0..n)` (which may be longer) and returning it. */
export function decode(
  n: number,
  emit: Float64Array,
  trans: ArrayLike<number>,
  start: ArrayLike<number>,
  out: Uint8Array,
): Uint8Array {
  const T = NER_TAGS.length;
  if (n === 0) return out;
  if (n > KEPT_TOKENS)
    return decodeWith(n, emit, trans, start, out, new Float64Array(n * T), new Uint8Array(n * T));
  if (scoreScratch.length < n * T) {
    scoreScratch = new Float64Array(2 * n * T);
    backScratch = new Uint8Array(2 * n * T);
  }
  return decodeWith(n, emit, trans, start, out, scoreScratch, backScratch);
}

function decodeWith(
  n: number,
  emit: Float64Array,
  trans: ArrayLike<number>,
  start: ArrayLike<number>,
  out: Uint8Array,
  score: Float64Array,
  back: Uint8Array,
): Uint8Array {
  const T = NER_TAGS.length;
  for (let t = 0; t < T; t++) score[t] = ALLOWED[T * T + t] ? start[t]! + emit[t]! : Number.NEGATIVE_INFINITY;
  for (let i = 1; i < n; i++)
    for (let t = 0; t < T; t++) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      // Only the allowed predecessors, in increasing order: the same comparisons, so the same ties.
      const from = PREVIOUS[t]!;
      for (let k = 0; k < from.length; k++) {
        const p = from[k]!;
        const s = score[(i - 1) * T + p]! + trans[p * T + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + t] = best + emit[i * T + t]!;
      back[i * T + t] = arg;
    }
  let best = Number.NEGATIVE_INFINITY;
  out[n - 1] = 0;
  for (let t = 0; t < T; t++)
    if (score[(n - 1) * T + t]! > best) {
      best = score[(n - 1) * T + t]!;
      out[n - 1] = t;
    }
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]!]!;
  return out;
}
