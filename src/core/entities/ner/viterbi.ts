/**
 * Viterbi decoding of a first-order tag sequence (Rabiner 1989, §III-B), with the BIO constraint built
 * in: "I-X" may only follow "B-X" or "I-X", so every decoded sequence reads as well-formed spans.
 */
import { ChorusError } from '../../errors.js';

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

/**
 * The tags allowed before tag t are FIRST[t] .. LAST[t]: every tag before "O" or "B-X", and "B-X", "I-X"
 * before "I-X" (NER_TAGS puts them side by side). A range, not a list per tag, so the decoder's inner
 * loop reads no list; checked against ALLOWED here, should the tag set ever change.
 */
const FIRST = new Uint8Array(NER_TAGS.length);
const LAST = new Uint8Array(NER_TAGS.length);
for (let t = 0; t < NER_TAGS.length; t++) {
  const from = [...NER_TAGS.keys()].filter((p) => ALLOWED[p * NER_TAGS.length + t] === 1);
  FIRST[t] = from[0]!;
  LAST[t] = from.at(-1)!;
  if (from.length !== LAST[t]! - FIRST[t]! + 1)
    throw new ChorusError(
      'internal',
      `expected the tags allowed before ${NER_TAGS[t]} to be adjacent in NER_TAGS`,
    );
}

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
  for (let i = 1; i < n; i++) {
    const row = i * T;
    const prev = row - T;
    // The previous scores are read once per token, not once per tag that may follow them.
    const s0 = score[prev]!,
      s1 = score[prev + 1]!,
      s2 = score[prev + 2]!,
      s3 = score[prev + 3]!,
      s4 = score[prev + 4]!,
      s5 = score[prev + 5]!,
      s6 = score[prev + 6]!,
      s7 = score[prev + 7]!,
      s8 = score[prev + 8]!;
    for (let t = 0; t < T; t++) {
      // Only the allowed predecessors, in increasing order: the same comparisons, so the same ties
      // (the first term against -Infinity, as before: a -Infinity first term leaves the argument 0).
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      if (FIRST[t] === 0) {
        let x = s0 + trans[t]!;
        if (x > best) best = x;
        x = s1 + trans[T + t]!;
        if (x > best) {
          best = x;
          arg = 1;
        }
        x = s2 + trans[2 * T + t]!;
        if (x > best) {
          best = x;
          arg = 2;
        }
        x = s3 + trans[3 * T + t]!;
        if (x > best) {
          best = x;
          arg = 3;
        }
        x = s4 + trans[4 * T + t]!;
        if (x > best) {
          best = x;
          arg = 4;
        }
        x = s5 + trans[5 * T + t]!;
        if (x > best) {
          best = x;
          arg = 5;
        }
        x = s6 + trans[6 * T + t]!;
        if (x > best) {
          best = x;
          arg = 6;
        }
        x = s7 + trans[7 * T + t]!;
        if (x > best) {
          best = x;
          arg = 7;
        }
        x = s8 + trans[8 * T + t]!;
        if (x > best) {
          best = x;
          arg = 8;
        }
      } else {
        const last = LAST[t]!;
        for (let p = FIRST[t]!; p <= last; p++) {
          const x = score[prev + p]! + trans[p * T + t]!;
          if (x > best) {
            best = x;
            arg = p;
          }
        }
      }
      score[row + t] = best + emit[row + t]!;
      back[row + t] = arg;
    }
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
