/**
 * The numbers a sentence states, read from its word tokens: digit runs ("12", "2026") and number words
 * ("twelve", "dozen"; not "one", which is mostly a pronoun). Enough to tell that "12 people were hurt" and "Fifteen people were treated" state
 * different counts; parsing compound numbers ("twenty-one", "3.5 million") is the comparison's job.
 */
import words from './number-words.json' with { type: 'json' };

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(Object.entries(words));
const DIGITS = /^\d{1,12}$/;

/** Distinct numeric values among lowercased tokens. Example: `numberValues(["twelve","hurt","at","7"])` → {12, 7}. */
export function numberValues(tokens: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const t of tokens) {
    const n = numberValue(t);
    if (n !== undefined) out.add(n);
  }
  return out;
}

/**
 * The number one lowercased token states, if any: `numberValues([token])`'s one value, without an
 * array and a set per token. Example: `numberValue("twelve")` → 12.
 */
export function numberValue(token: string): number | undefined {
  const first = token.charCodeAt(0);
  // Only a token that starts with a digit can be digits: most tokens skip the expression.
  if (first >= 48 && first <= 57 && DIGITS.test(token)) return Number(token);
  return NUMBER_WORDS.get(token);
}

/**
 * True when both token lists state numbers and share none: the two sentences then give different
 * figures, so neither can stand as a source for the other even when their words agree.
 */
export function numbersConflict(a: readonly string[], b: readonly string[]): boolean {
  return valuesConflict(numberValues(a), numberValues(b));
}

/** `numbersConflict` over values already read (`numberValues`), for callers that compare one sentence often. */
export function valuesConflict(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const n of a) if (b.has(n)) return false;
  return true;
}
