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
 * The word hashes of the text being shingled, as int32 (the shingle hash reads them through `^`, which
 * sees the same bits either way): one array reused from text to text instead of an array of doubles
 * per text, since every article of every story printed by `chorus cluster` is shingled.
 */
let words = new Int32Array(4096);

/** Stores the `count`-th word hash, growing `words` when it is full. */
function storeWord(count: number, h: number): void {
  if (count === words.length) {
    const grown = new Int32Array(2 * words.length);
    grown.set(words);
    words = grown;
  }
  words[count] = h;
}

/**
 * `hashWord` of each of the first MAX_SHINGLED_WORDS words of `tokenize(text)` into `words`, straight
 * from the character codes when `text` holds only ASCII and `isPlainMark` characters (as `tokenize`
 * reads such text: lowercased runs of letters and digits), without a string per word; returns their
 * number, or -1 for other text.
 */
function plainWordHashes(text: string): number {
  let count = 0;
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
    if (c >= 128 && !isPlainMark(c)) return -1;
    if (inWord && count < MAX_SHINGLED_WORDS) storeWord(count++, h);
    inWord = false;
  }
  if (inWord && count < MAX_SHINGLED_WORDS) storeWord(count++, h);
  return count;
}

/** `hashWord` of each of the first MAX_SHINGLED_WORDS words of `tokenize(text)` into `words`; their number. */
function wordHashes(text: string): number {
  const plain = plainWordHashes(text);
  if (plain >= 0) return plain;
  const tokens = tokenize(text).slice(0, MAX_SHINGLED_WORDS);
  tokens.forEach((t, i) => storeWord(i, hashWord(t)));
  return tokens.length;
}

/**
 * The distinct shingle hashes of `text`, ascending. A text shorter than one shingle gives one shingle of
 * all its words (none when it has no words), so short texts can still match their exact repeats.
 * Example: `shingleHashes("a b c d e f").length` → 2.
 */
export function shingleHashes(text: string, size: number = SHINGLE_WORDS): Uint32Array {
  const count = wordHashes(text);
  if (count === 0) return new Uint32Array(0);
  const n = Math.max(1, count - size + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x9e3779b9;
    const end = Math.min(count, i + size);
    for (let k = i; k < end; k++) h = Math.imul(h ^ words[k]!, 0x85ebca6b) ^ (h >>> 13);
    out[i] = h >>> 0;
  }
  out.sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[i - 1]) out[m++] = out[i] ?? 0;
  return out.slice(0, m);
}
