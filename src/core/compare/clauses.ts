/**
 * Clauses of a sentence, the unit figures are compared in: "The city hoped to reopen the bridge on
 * March 28 if the work went to plan" and "The city does not expect to reopen the bridge before April 4,
 * Brennick said" match as clauses (0.57) while the whole sentences do not (0.29).
 */
import { stem } from '../text/stem.js';
import { HEDGES, NUMBER_WORDS, isContent } from './figure-lexicon.js';

const CLAUSE = /[,;:()—–]|\s(?:and that|but|while|whereas|although|though|because)\s/g;

/** [start, end) of the clauses of a sentence: cut at , ; : ( ) dashes and clause-joining words. */
export function clauseRanges(sentence: string): [number, number][] {
  const cuts = [0, ...[...sentence.matchAll(CLAUSE)].map((m) => m.index + 1), sentence.length];
  const out: [number, number][] = [];
  for (let i = 1; i < cuts.length; i++) if (cuts[i]! > cuts[i - 1]!) out.push([cuts[i - 1]!, cuts[i]!]);
  return out;
}

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const LEAD_WORD = /\p{L}[\p{L}'’-]*/gu;

/**
 * The last three content words before offset `at` in its clause ("hoped to reopen the bridge on" →
 * hoped reopen bridge). Number words are left out: in "put at between $1.5 million and $2 million" the
 * second figure's topic is "put", not "put million".
 */
export function leadWords(sentence: string, clauses: readonly [number, number][], at: number): string[] {
  const [cs] = clauses.find(([s, e]) => at >= s && at < e) ?? [0];
  const lead = sentence.slice(cs, at).toLowerCase();
  return (lead.match(LEAD_WORD) ?? [])
    .filter((w) => isContent(w) && !HEDGES.includes(w) && !NUMBER_WORDS.has(stem(w)))
    .slice(-3);
}

/** Most words of a figure's `phrase`: a long clause is cut to the words nearest the figure. */
const PHRASE_WORDS = 16;

/**
 * The clause of `sentence` holding offset `at`, verbatim, without its edge punctuation. The figure
 * list shows it so a figure reads in the source's words, not as lowercased topic words.
 */
export function clauseAround(sentence: string, clauses: readonly [number, number][], at: number): string {
  const [s, e] = clauses.find(([cs, ce]) => at >= cs && at < ce) ?? [0, sentence.length];
  let words = sentence.slice(s, e).trim().split(/\s+/);
  if (words.length > PHRASE_WORDS) {
    // Keep the figure in view: the words before it up to half the budget, then what follows.
    const before = sentence.slice(s, at).trim().split(/\s+/).filter(Boolean).length;
    const from = Math.max(0, Math.min(before - PHRASE_WORDS / 2, words.length - PHRASE_WORDS));
    words = [...(from > 0 ? ['…'] : []), ...words.slice(from, from + PHRASE_WORDS)];
    if (from + PHRASE_WORDS < sentence.slice(s, e).trim().split(/\s+/).length) words.push('…');
  }
  return words.join(' ').replace(/^[,;:()—–\s]+|[,;:.!?()—–\s]+$/gu, '');
}
