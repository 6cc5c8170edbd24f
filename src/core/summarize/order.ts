/**
 * A readable order for the chosen sentences. Sentences keep the order of their article; across
 * articles, what comes early in its article (relative position) comes early in the summary, because
 * news puts context first and detail later, so leads read as an opening and later sentences as
 * follow-up. Ties go to the article listed first.
 */
import type { AnalyzedStory } from '../model.js';

/** Indices of `doc.sentences` in reading order for a summary. Example: leads of each article first. */
export function readingOrder(doc: AnalyzedStory, chosen: readonly number[]): number[] {
  const key = (i: number): number => {
    const s = doc.sentences[i]!;
    const [start, end] = doc.spans[s.article] ?? [0, 1];
    return (i - start) / Math.max(1, end - start);
  };
  return [...chosen].sort((x, y) => {
    const a = doc.sentences[x]!;
    const b = doc.sentences[y]!;
    if (a.article === b.article) return a.index - b.index;
    return key(x) - key(y) || a.article - b.article;
  });
}
