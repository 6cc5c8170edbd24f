/**
 * Letter-class tests run for most words of a report. Each answers exactly as the `\p{…}` expression in
 * its comment would; the ones that look at a first character settle plain ASCII by character code, as
 * most words start with an ASCII letter. One module so that no stage writes these again: tsx (esbuild)
 * turns a `\p{…}` literal into `new RegExp(…)`, so each must be a module constant, and there were ten
 * copies of the capital test alone.
 */

const CAPITAL_FIRST = /^\p{Lu}/u;
const LOWER_FIRST = /^\p{Ll}/u;
const CAPITAL = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ONE_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const ONE_LETTER = /^\p{L}$/u;

/**
 * `/^\p{Lu}/u`: `w` starts with a capital letter.
 * @example isCapitalized("Élise") // → true
 */
export function isCapitalized(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return CAPITAL_FIRST.test(w);
}

/**
 * `/^\p{Ll}/u`: `w` starts with a lowercase letter.
 * @example startsLowercase("said") // → true
 */
export function startsLowercase(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  return LOWER_FIRST.test(w);
}

/** Whether the character code `c` is an ASCII letter, A-Z or a-z: the scanners' plain-text case. */
export const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** `/\p{Lu}/u`: `s` has a capital letter somewhere. */
export const hasCapital = (s: string): boolean => CAPITAL.test(s);

/** `/\p{Ll}/u`: `s` has a lowercase letter somewhere. */
export const hasLowercase = (s: string): boolean => LOWER.test(s);

/** `/\p{L}/u`: `s` has a letter somewhere. */
export const hasLetter = (s: string): boolean => LETTER.test(s);

/**
 * `/[\p{L}\p{N}]/u`: `s` has a letter or digit somewhere; words open with one, so the expression is
 * seldom needed.
 */
export function hasLetterOrDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  return LETTER_OR_DIGIT.test(s);
}

/**
 * Length (1, or 2 for a surrogate pair) of the code point at `i` when it is a letter or digit
 * (`[\p{L}\p{N}]`), else 0: for walking words by character code, ASCII decided by its code.
 */
export function letterOrDigitLength(s: string, i: number): number {
  return codePointLengthIf(s, i, true, ONE_LETTER_OR_DIGIT);
}

/**
 * Length (1, or 2 for a surrogate pair) of the code point at `i` when it is a letter (`\p{L}`), else 0:
 * `letterOrDigitLength` without the digits.
 */
export function letterLength(s: string, i: number): number {
  return codePointLengthIf(s, i, false, ONE_LETTER);
}

/** The length of the code point at `i` if it is an ASCII letter (or digit, with `digits`) or `one` matches it, else 0. */
function codePointLengthIf(s: string, i: number, digits: boolean, one: RegExp): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (digits && c >= 48 && c <= 57) ? 1 : 0;
  const ch = String.fromCodePoint(s.codePointAt(i)!);
  return one.test(ch) ? ch.length : 0;
}
