/**
 * Word tokens for matching and scoring: lowercased runs of letters and digits. Apostrophes inside words
 * are kept out ("didn't" → "didn", "t") the way rouge-score and most IR code do, so counts line up with
 * what the evaluation measures.
 */
// Combining marks belong to the word they sit on (Hindi vowel signs, decomposed accents).
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** Lowercased word tokens of `text`. Example: `tokenize("U.S. Sen. Ortiz, 42")` → `["u","s","sen","ortiz","42"]`. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Number of words in `text` as a reader counts them (whitespace-separated runs containing a letter or digit). */
export function countWords(text: string): number {
  let n = 0;
  for (const piece of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(piece)) n++;
  return n;
}
