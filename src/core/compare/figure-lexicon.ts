/**
 * The word lists of figure reading (figure-words.json) as sets and maps, and the small word tests built
 * on them, shared by find-figures.ts, date-mention.ts and clauses.ts.
 */
import { stem } from '../text/stem.js';
import { isStopWord } from '../text/stopwords.js';
import words from './figure-words.json' with { type: 'json' };

export const CURRENCIES: ReadonlyMap<string, string> = new Map(Object.entries(words.currencies));
export const HEDGES = words.hedges;
export const AUX: ReadonlySet<string> = new Set(words.auxiliaries);
export const UNITS: ReadonlySet<string> = new Set(words.measureUnits);
export const GROUP = new Map<string, string>(
  words.predicateGroups.flatMap((g) => g.map((w) => [w, g[0]!] as const)),
);
export const NOT_PREDICATES: ReadonlySet<string> = new Set(words.notPredicates);
/** Spelled numbers, left out of clause stems like digits are (a clause's figure is not its topic). */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  [...Object.keys(words.units), ...Object.keys(words.tens), 'hundred', 'thousand', 'million', 'billion'].map(
    stem,
  ),
);
export const NUMBERISH = new RegExp(
  `\\d|\\b(?:${[...Object.keys(words.units), ...Object.keys(words.tens)].join('|')})\\b`,
  'i',
);

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const LETTER_FIRST = /^\p{L}/u;

export const isWord = (t: string | undefined): t is string => t !== undefined && LETTER_FIRST.test(t);
export const isContent = (t: string | undefined): t is string =>
  isWord(t) && !isStopWord(t) && !AUX.has(t) && !CURRENCIES.has(t) && !/^(?:percent|per|cent|pct)$/.test(t);

const IRREGULAR_PLURALS: ReadonlySet<string> = new Set([
  'people',
  'men',
  'women',
  'children',
  'police',
  'staff',
  'crew',
  'personnel',
  'cattle',
  'feet',
  'teeth',
  'mice',
  'geese',
]);

/** A plural noun (or one that counts as one), where a counted noun phrase ends. */
export function isPlural(w: string): boolean {
  return (
    IRREGULAR_PLURALS.has(w) ||
    (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is'))
  );
}

/** Whether the figure at token `i` is approximate, a bound or one end of a change. */
export function hedgedAt(tokens: readonly string[], i: number): boolean {
  // "faster than 100 mph", "more than 300": a bound, not a value. "from three years to one": a change.
  if (tokens[i - 1] === 'than') return true;
  if (tokens[i - 1] === 'to' && tokens.slice(Math.max(0, i - 8), i).includes('from')) return true;
  const before = tokens.slice(Math.max(0, i - 3), i).join(' ');
  return HEDGES.some((h) => before === h || before.endsWith(` ${h}`));
}
