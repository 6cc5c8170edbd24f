/** Quotes and their speakers, merged across the outlets that carry them. */
export { attributeQuotes, type SpokenQuote } from './attribute-quotes.js';
export { findQuotes, type PersonLookup } from './find-quotes.js';
export { mergeQuotes, SAME_QUOTE_CONTAINMENT, type FoundQuote } from './merge-quotes.js';
export { MIN_QUOTE_WORDS, paragraphs, quoteSpans, type QuoteSpan } from './quote-spans.js';
export { speakerCue, type SpeakerCue } from './speaker-cue.js';
export { paragraphRanges, textQuotes, type TextQuote } from './text-quotes.js';
