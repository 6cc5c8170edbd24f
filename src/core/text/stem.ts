/**
 * Porter stems. A stem is cached per word: news vocabularies are small and stemming dominates scoring.
 */
import { stemmer } from 'stemmer';

const cache = new Map<string, string>();

/** Porter stem of a lowercased word. Example: `stem("reported")` → `"report"`. */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = word.length > 2 ? stemmer(word) : word;
    if (cache.size < 500_000) cache.set(word, s);
  }
  return s;
}
