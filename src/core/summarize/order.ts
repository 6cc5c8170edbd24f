/**
 * A readable order for the chosen sentences. Sentences keep the order of their article; across
 * articles, what comes early in its article (relative position) comes early in the summary, because
 * news puts context first and detail later, so leads read as an opening and later sentences as
 * follow-up. Ties go to the article listed first. A sentence chosen with the one before it in its
 * article (a quotation's next sentence, a "But…" with what it answers) is glued to it, and one opening
 * with a person's pronoun ("He said…") to the nearest earlier chosen sentence of its article, so that no other
 * article's sentence comes between a sentence and what it points back to.
 */
import type { AnalyzedStory } from '../model.js';
import { pointsBackAt } from './readability.js';

/** Indices of `doc.sentences` in reading order for a summary. Example: leads of each article first. */
export function readingOrder(doc: AnalyzedStory, chosen: readonly number[]): number[] {
  const sorted = [...chosen].sort((a, b) => a - b);
  const key = new Map<number, number>();
  let previous = -1;
  for (const i of sorted) {
    const s = doc.sentences[i]!;
    const [start, end] = doc.spans[s.article] ?? [0, 1];
    const sameArticle = previous >= 0 && doc.sentences[previous]!.article === s.article;
    const glued = sameArticle && (previous === i - 1 || pointsBackAt(doc.sentences, i) === 'person');
    key.set(i, glued ? key.get(previous)! : (i - start) / Math.max(1, end - start));
    previous = i;
  }
  return sorted.sort((x, y) => {
    const a = doc.sentences[x]!;
    const b = doc.sentences[y]!;
    return key.get(x)! - key.get(y)! || a.article - b.article || a.index - b.index;
  });
}
