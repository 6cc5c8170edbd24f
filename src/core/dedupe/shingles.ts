/**
 * Word shingles of a text, hashed to 32 bits: the units near-duplicate detection compares. Words are the
 * lowercased letter-and-digit runs of `tokenize`, so case, punctuation and spacing changes between a wire
 * story and its reprint do not count as differences.
 */
import { isPlainMark, tokenize } from '../text/tokens.js';

/** Shingles are this many consecutive words: long enough that two different reports rarely share one. */
export const SHINGLE_WORDS = 5;

/** At most this many words of an article are shingled, so a hostile megabyte text costs what a long article does. */
export const MAX_SHINGLED_WORDS = 20_000;

/** FNV-1a over the characters of a string, 32 bits. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * `hashWord` of each of the first MAX_SHINGLED_WORDS words of `tokenize(text)`, straight from the
 * character codes when `text` holds only ASCII and `isPlainMark` characters (as `tokenize` reads such
 * text: lowercased runs of letters and digits), without a string per word; undefined for other text.
 */
function plainWordHashes(text: string): number[] | undefined {
  const out: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (!inWord) {
        inWord = true;
        h = 0x811c9dc5;
      }
      h = Math.imul(h ^ c, 0x01000193);
      continue;
    }
    if (c >= 128 && !isPlainMark(c)) return undefined;
    if (inWord && out.length < MAX_SHINGLED_WORDS) out.push(h >>> 0);
    inWord = false;
  }
  if (inWord && out.length < MAX_SHINGLED_WORDS) out.push(h >>> 0);
  return out;
}

/**
 * The distinct shingle hashes of `text`, ascending. A text shorter than one shingle gives one shingle of
 * all its words (none when it has no words), so short texts can still match their exact repeats.
 * Example: `shingleHashes("a b c d e f").length` → 2.
 */
export function shingleHashes(text: string, size: number = SHINGLE_WORDS): Uint32Array {
  const words = plainWordHashes(text) ?? tokenize(text).slice(0, MAX_SHINGLED_WORDS).map(hashWord);
  if (words.length === 0) return new Uint32Array(0);
  const n = Math.max(1, words.length - size + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x9e3779b9;
    for (let k = i; k < Math.min(words.length, i + size); k++)
      h = Math.imul(h ^ (words[k] ?? 0), 0x85ebca6b) ^ (h >>> 13);
    out[i] = h >>> 0;
  }
  out.sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[i - 1]) out[m++] = out[i] ?? 0;
  return out.slice(0, m);
}
