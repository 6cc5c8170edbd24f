/**
 * Clauses of a sentence, the unit figures are compared in: "The city hoped to reopen the bridge on
 * March 28 if the work went to plan" and "The city does not expect to reopen the bridge before April 4,
 * Brennick said" match as clauses (0.57) while the whole sentences do not (0.29).
 */
import { HEDGES, isContent } from './figure-lexicon.js';

const CLAUSE = /[,;:()—–]|\s(?:and that|but|while|whereas|although|though|because)\s/g;

/** [start, end) of the clauses of a sentence: cut at , ; : ( ) dashes and clause-joining words. */
export function clauseRanges(sentence: string): [number, number][] {
  const cuts = [0, ...[...sentence.matchAll(CLAUSE)].map((m) => m.index + 1), sentence.length];
  const out: [number, number][] = [];
  for (let i = 1; i < cuts.length; i++) if (cuts[i]! > cuts[i - 1]!) out.push([cuts[i - 1]!, cuts[i]!]);
  return out;
}

/** The last three content words before offset `at` in its clause ("hoped to reopen the bridge on" → hoped reopen bridge). */
export function leadWords(sentence: string, clauses: readonly [number, number][], at: number): string[] {
  const [cs] = clauses.find(([s, e]) => at >= s && at < e) ?? [0];
  const lead = sentence.slice(cs, at).toLowerCase();
  return (lead.match(/\p{L}[\p{L}'’-]*/gu) ?? [])
    .filter((w) => isContent(w) && !HEDGES.includes(w))
    .slice(-3);
}
