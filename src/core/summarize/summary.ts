/**
 * The last shared step of every summarizer: chosen sentence indices in, a `Summary` out, in reading
 * order, each sentence with its citations, with the warnings a reader must see.
 */
import type { AnalyzedStory, Summary } from '../model.js';
import { countWords } from '../text/index.js';
import { citeSentence } from './cite.js';
import { readingOrder } from './order.js';

/** Builds the summary of `doc` from the indices of the chosen sentences (any order). */
export function buildSummary(
  method: string,
  doc: AnalyzedStory,
  chosen: readonly number[],
  options: { readonly words: number },
): Summary {
  const warnings: string[] = [];
  const articles = doc.story.articles.length;
  if (doc.sentences.length === 0) {
    warnings.push(
      articles === 0 ? 'no articles to summarize' : 'no readable sentences in the articles to summarize',
    );
  } else if (chosen.length === 0) {
    warnings.push(nothingFits(doc, options.words));
  }
  if (articles === 1 && doc.sentences.length > 0) {
    warnings.push('one source only: no sentence can be corroborated by another article');
  }
  const sentences = readingOrder(doc, [...new Set(chosen)]).map((i) => ({
    text: doc.sentences[i]!.text,
    citations: citeSentence(doc, i),
  }));
  const words = sentences.reduce((n, s) => n + countWords(s.text), 0);
  return Object.freeze({ method, words, sentences, warnings });
}

/**
 * Why a story with sentences got an empty summary: no sentence fits the budget, with the length of the
 * shortest, so the reader learns what budget would give a summary.
 */
function nothingFits(doc: AnalyzedStory, words: number): string {
  let shortest = Infinity;
  for (const s of doc.sentences) shortest = Math.min(shortest, countWords(s.text));
  if (shortest <= words) return `every sentence is longer than the budget of ${words} words`;
  const plural = (n: number) => `${n} word${n === 1 ? '' : 's'}`;
  return (
    `no sentence fits the budget of ${plural(words)}: the shortest has ${plural(shortest)}, ` +
    `so the budget must be at least ${shortest}`
  );
}

/** The budget as an integer ≥ 0 or Infinity (no cap), whatever the caller passed (NaN or negative budgets select nothing). */
export function budgetOf(options: { readonly words: number }): number {
  return Number.isNaN(options.words) ? 0 : Math.max(0, Math.floor(options.words));
}
