/**
 * Tokens the way CoNLL-2003 writes them, with UTF-16 offsets, so the tagger sees text as it was trained:
 * "U.S." and "Mr." keep their period, "Anglo-Dutch" and "1996-08-22" stay whole, "Major's" is "Major" +
 * "'s", every other punctuation mark is a token of its own. Sentences end after ".", "!" or "?" tokens
 * and at blank lines; the tagger's position features need them.
 */
import abbreviationList from './abbreviations.json' with { type: 'json' };
import { hasCapital } from '../../text/letters.js';

export interface NerToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// A word (letters/digits joined by . - & ' inside), an apostrophe suffix, or one other visible character.
const TOKEN =
  /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:[-.&/]|['’](?!(?:[sSdDmMtT]|ll|re|ve)\b))[\p{L}\p{M}\p{N}]+)*|['’][sSdDmM]\b|['’](?:ll|re|ve)\b|\S/gu;
const ABBREVIATIONS: ReadonlySet<string> = new Set(abbreviationList.map((w) => w.toLowerCase()));
// Module constants, not literals in the functions: tsx (esbuild) writes a `\p{…}` literal as
// `new RegExp(…)`, which would build the expression again on every call.
const WORD_START = /^[\p{L}\p{N}]/u;

/** A final period belongs to the word when it is an initial ("J."), dotted ("U.S.") or a known abbreviation. */
function keepsPeriod(word: string): boolean {
  if (word.includes('.')) return true;
  if (word.length === 1 && hasCapital(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * The sentences of `text`, each a list of tokens.
 * @example tokenizeNer("Mr. Major left.")[0].map((t) => t.text) // → ["Mr.", "Major", "left", "."]
 */
export function tokenizeNer(text: string): NerToken[][] {
  const sentences: NerToken[][] = [];
  let current: NerToken[] = [];
  let lastEnd = 0;
  // Sentences are closed inline, not by a local closure: tsx names every local function it creates
  // (Object.defineProperty on each call), which cost more than the tokenising itself. `exec` on the one
  // expression, not `matchAll`, which copies it and makes an iterator result per token.
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index;
    // A period already joined to the word before ("Mr.") is not a token again.
    if (start < lastEnd) continue;
    let word = m[0];
    // A blank line needs two characters at least: most gaps are one space and skip the look.
    if (current.length > 0 && start - lastEnd >= 2 && /\n\s*\n/.test(text.slice(lastEnd, start))) {
      sentences.push(current);
      current = [];
    }
    let end = start + word.length;
    if (text[end] === '.' && WORD_START.test(word) && keepsPeriod(word)) {
      // "U.S." at the end of a sentence is both the word and the full stop; CoNLL writes it once.
      word += '.';
      end++;
    }
    current.push({ text: word, start, end });
    lastEnd = end;
    if (word === '.' || word === '!' || word === '?') {
      sentences.push(current);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}
