/**
 * Quotes of a story with their speakers, and which articles carry each. Each article's quotes and
 * speakers come from attributeQuotes (one article at a time, where pronouns and surnames are
 * resolved); then speakers are given one name per person across outlets: a name becomes the full name
 * the story uses ("Ortiz" → "Lena Ortiz") when the story knows exactly one such person.
 */
import type { AnalyzedStory, Quote } from '../model.js';
import { attributeQuotes } from './attribute-quotes.js';
import { mergeQuotes, type FoundQuote } from './merge-quotes.js';
import { isCapitalized } from '../text/letters.js';

/** Maps a name as written (titles already removed) to the story's name for that person, if known. */
export type PersonLookup = (name: string) => string | undefined;

/**
 * Quotes of `doc`, merged across articles (close variants are one quote), most carried first.
 * @example findQuotes(doc, (n) => n === 'Ortiz' ? 'Lena Ortiz' : undefined)[0] // → { text, speaker: "Lena Ortiz", articles: [0, 2] }
 */
export function findQuotes(doc: AnalyzedStory, people: PersonLookup, max = 30): Quote[] {
  const found: FoundQuote[] = [];
  doc.story.articles.forEach((article, a) => {
    for (const q of attributeQuotes(article.text)) {
      // Described sources ("a spokesperson for Dunmore Plastics") stay as written.
      const speaker = q.speaker && isCapitalized(q.speaker) ? (people(q.speaker) ?? q.speaker) : q.speaker;
      found.push({ text: q.text, article: a, ...(speaker && { speaker }) });
    }
  });
  return mergeQuotes(found).slice(0, max);
}
