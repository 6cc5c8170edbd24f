/**
 * `lead`: the first sentence of each article, then the second of each, and so on (round robin), until
 * the budget is full. The baseline every news summarizer must beat; no redundancy control beyond
 * dropping exact repeats, so that it stays the plain baseline published figures describe.
 */
import type { AnalyzedStory, Summary } from '../model.js';
import { budgetOf, buildSummary } from './summary.js';
import { selectGreedy } from './select.js';
import type { SummarizeOptions, Summarizer } from './summarizer.js';

/** Sentence indices in round-robin order: every article's first sentence, then every second, … */
export function roundRobin(doc: AnalyzedStory): number[] {
  const out: number[] = [];
  const longest = doc.spans.reduce((m, [s, e]) => Math.max(m, e - s), 0);
  for (let k = 0; k < longest; k++) for (const [s, e] of doc.spans) if (s + k < e) out.push(s + k);
  return out;
}

export const lead: Summarizer = {
  name: 'lead',
  description: 'round-robin first sentences of each article (baseline)',
  summarize(doc: AnalyzedStory, options: SummarizeOptions): Summary {
    const words = budgetOf(options);
    const text = (i: number): string => doc.sentences[i]!.tokens.join(' ');
    const exactRepeat = (i: number, chosen: readonly number[]): boolean =>
      chosen.some((c) => text(c) === text(i));
    const chosen = selectGreedy(doc, roundRobin(doc), { words, redundant: exactRepeat });
    return buildSummary('lead', doc, chosen, { words });
  },
};
