/**
 * A date as a figure: its value, the words before it that name the event, and whether the sentence
 * states the date or bounds it ("not before April 4" is a lower bound, "by April 4" an upper one).
 */
import { clauseAround, leadWords } from './clauses.js';
import type { DateMatch } from './dates.js';
import type { FigureMention } from './find-figures.js';

/** The figure mention of date `d` found in `sentence`. */
export function dateMention(
  d: DateMatch,
  sentence: string,
  clauses: readonly [number, number][],
  clauseStems: (at: number, skip: [number, number]) => string[],
): FigureMention {
  const [cs] = clauses.find(([s, e]) => d.start >= s && d.start < e) ?? [0];
  const lead = sentence.slice(cs, d.start).toLowerCase();
  const anchor = leadWords(sentence, clauses, d.start);
  // "not … before X" and "no earlier than X" set a lower bound; "by X" / "before X" an upper one.
  const bound = /(?:no earlier than|not\b.*\b(?:before|until)|\bafter|\bfrom)\s+$/.test(lead)
    ? 'after'
    : /(?:\bby|\bbefore|\buntil|no later than)\s+$/.test(lead)
      ? 'before'
      : 'on';
  return {
    kind: 'date',
    value: d.value,
    context: anchor.join(' '),
    head: '',
    predicate: '',
    hedged: false,
    bound,
    clauseStems: clauseStems(d.start, [d.start, d.end]),
    listed: true,
    written: sentence.slice(d.start, d.end),
    phrase: clauseAround(sentence, clauses, d.start),
  };
}
