/**
 * Word tokens for matching and scoring: lowercased runs of letters and digits. Apostrophes inside words
 * are kept out ("didn't" → "didn", "t") the way rouge-score and most IR code do, so counts line up with
 * what the evaluation measures.
 *
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese) have no
 * runs to split on: a whole Chinese sentence would be one "word", so no two sentences would share a word
 * and a 250-word budget would hold pages. Runs in those scripts are split into words by the runtime's
 * dictionary-based segmenter (`Intl.Segmenter`, ICU's word breaker); text without them never reaches it.
 */
import { hasLetterOrDigit } from './letters.js';
// Combining marks belong to the word they sit on (Hindi vowel signs, decomposed accents).
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const SPACELESS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

let segmenter: Intl.Segmenter | undefined;

/** Word-like segments of a run that contains a space-less script. */
function segmentWords(run: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const out: string[] = [];
  for (const s of segmenter.segment(run)) if (s.isWordLike) out.push(...(s.segment.match(WORD) ?? []));
  return out;
}

/** Whether `text` has letters of a script written without spaces between words. */
export function hasSpacelessScript(text: string): boolean {
  return SPACELESS.test(text);
}

/**
 * The words of one letter run: itself, or its segmenter words when it is in a space-less script.
 * @example splitWordRun('大桥关闭') → ['大', '桥', '关闭']
 */
export function splitWordRun(run: string): string[] {
  return SPACELESS.test(run) ? segmentWords(run) : [run];
}

/**
 * Characters past ASCII that news text is full of and that are neither letters, digits nor marks, and
 * lowercase to themselves: no-break spaces, guillemets, the middle dot, the degree, copyright and
 * currency signs, and U+2010-U+202F (dashes, curly quotes, bullets, the ellipsis, line and paragraph
 * separators, narrow spaces). test/text/tokens.test.ts checks each against the expressions.
 */
export function isPlainMark(c: number): boolean {
  return (
    (c >= 0x2010 && c <= 0x202f) ||
    c === 0xa0 ||
    c === 0xa3 ||
    c === 0xa9 ||
    c === 0xab ||
    c === 0xae ||
    c === 0xb0 ||
    c === 0xb7 ||
    c === 0xbb ||
    c === 0x20ac
  );
}

/**
 * `tokenize` by character codes for text of ASCII and `isPlainMark` characters only (most sentences):
 * the same tokens as the expression, without running it and the space-less script test on every
 * sentence. Undefined for any other character, which the expressions handle.
 */
function plainTokens(text: string): string[] | undefined {
  const lower = text.toLowerCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    if (c >= 128 && !isPlainMark(c)) return undefined;
    if (start >= 0) {
      out.push(lower.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) out.push(lower.slice(start));
  return out;
}

/** Lowercased word tokens of `text`. Example: `tokenize("U.S. Sen. Ortiz, 42")` → `["u","s","sen","ortiz","42"]`. */
export function tokenize(text: string): string[] {
  const plain = plainTokens(text);
  if (plain) return plain;
  const runs = text.toLowerCase().match(WORD) ?? [];
  if (!SPACELESS.test(text)) return runs;
  return runs.flatMap(splitWordRun);
}

const SPACES = /\s+/;

const SPACE = /\s/;

/** Whether the UTF-16 unit `c` (of `text` at `i`) is `\s`: ASCII by its code, the rest by the regex. */
function isSpace(text: string, i: number, c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text[i]!);
}

/**
 * `countWords` for text without a space-less script: the pieces of `text.split(/\s+/)` that pass
 * `hasLetterOrDigit`, found by scanning instead of making an array of strings (this runs on every sentence).
 */
function countPieces(text: string): number {
  let n = 0;
  let i = 0;
  const len = text.length;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (isSpace(text, i, c)) {
      i++;
      continue;
    }
    const start = i;
    while (i < len && !isSpace(text, i, text.charCodeAt(i))) i++;
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) n++;
    else if (hasLetterOrDigit(text.slice(start, i))) n++;
  }
  return n;
}

/**
 * Number of words in `text` as a reader counts them: whitespace-separated runs containing a letter or
 * digit, and each word of a space-less script (`tokenize`'s words) as one.
 */
export function countWords(text: string): number {
  const spaceless = SPACELESS.test(text);
  if (!spaceless) return countPieces(text);
  let n = 0;
  for (const piece of text.split(SPACES)) {
    if (!hasLetterOrDigit(piece)) continue;
    n += spaceless && SPACELESS.test(piece) ? Math.max(1, tokenize(piece).length) : 1;
  }
  return n;
}
