/**
 * The records that flow through Chorus. Every stage takes some of these and returns new ones; nothing
 * here is mutated after it is made, so stages can be tested alone and run in any worker.
 *
 * Article → Sentence[] (text/) → Story (cluster/) → Summary with Citations (summarize/) → Comparison (compare/)
 */

/** One news article as read from a file, page, feed or dataset, after extraction and clean-up. */
export interface Article {
  /** Stable id: given by the input, or derived from the content hash. */
  readonly id: string;
  /** Outlet name ("Harbor Gazette"), or the host of its URL, or the file name when nothing better is known. */
  readonly source: string;
  readonly url?: string;
  readonly title?: string;
  readonly byline?: string;
  /** ISO 8601 date or date-time, when the input says. */
  readonly date?: string;
  /** Body text, cleaned of page clutter; paragraphs separated by a blank line. */
  readonly text: string;
  /** Two-letter guess at the language ("en"), when it could be told. */
  readonly language?: string;
  /** Problems met while reading this article that did not stop it (travel with the record to every output). */
  readonly warnings: readonly string[];
}

/** A sentence of one article, with the word forms the scorers and matchers need. */
export interface Sentence {
  /** Index of the article within its story. */
  readonly article: number;
  /** Position of the sentence within its article, from 0. */
  readonly index: number;
  /** Paragraph number within the article, from 0. */
  readonly paragraph: number;
  /** Verbatim text of the sentence (whitespace normalised). */
  readonly text: string;
  /** Lowercased word tokens, punctuation dropped. */
  readonly tokens: readonly string[];
  /** Stems of the content words (stop words dropped), in order. */
  readonly stems: readonly string[];
}

/** A story: the articles that report one event. */
export interface Story {
  readonly id: string;
  readonly title?: string;
  readonly articles: readonly Article[];
}

/** A story after text analysis: its sentences, article by article. */
export interface AnalyzedStory {
  readonly story: Story;
  /** All sentences, article by article, in reading order. */
  readonly sentences: readonly Sentence[];
  /** For each article, the range [start, end) of its sentences in `sentences`. */
  readonly spans: readonly (readonly [number, number])[];
}

/** Where a summary sentence is found: in which article and how closely. */
export interface Citation {
  /** Index of the article in the story (1-based markers in reports are `article + 1`). */
  readonly article: number;
  readonly articleId: string;
  readonly source: string;
  /** The sentence of that article that carries the content. */
  readonly sentence: number;
  /** Set cosine of content stems with the summary sentence, 0..1 (1 for the sentence it was taken from). */
  readonly similarity: number;
  /**
   * The same-content model's probability that this passage says what the summary sentence says, 0..1
   * (1 for the origin); a citation is made only at or above the citation operating point.
   */
  readonly score: number;
  /** The cited sentence itself, so a reader can check the claim in one step. */
  readonly passage: string;
  /** True for the article the sentence text was taken from. */
  readonly origin: boolean;
}

export interface SummarySentence {
  /** Verbatim text from the origin article. */
  readonly text: string;
  /** The origin first, then every other article carrying the same content, by article order. */
  readonly citations: readonly Citation[];
}

export interface Summary {
  /** Name of the summarizer that chose the sentences. */
  readonly method: string;
  /** Word count of the summary text. */
  readonly words: number;
  readonly sentences: readonly SummarySentence[];
  readonly warnings: readonly string[];
}

/** A statement (a sentence or clause) and the articles that carry it. */
export interface Fact {
  readonly text: string;
  /** Articles carrying it, first the one `text` was taken from. */
  readonly articles: readonly number[];
}

export interface Quote {
  /** The quoted words, without the quote marks. */
  readonly text: string;
  /** Who said it, when the sentence attributes it ("Mayor Lena Ortiz"). */
  readonly speaker?: string;
  /** Articles carrying this quote (or a close variant of it). */
  readonly articles: readonly number[];
}

export type EntityKind = 'person' | 'organization' | 'place';

export interface Entity {
  readonly name: string;
  readonly kind: EntityKind;
  /** Mentions per article index. */
  readonly mentions: Readonly<Record<number, number>>;
}

/** A date or number that the sources state, with what it counts. */
export interface Figure {
  readonly kind: 'number' | 'date' | 'money' | 'percent';
  /** Normalised value ("42", "2026-03-14", "USD 1200000", "12%"). */
  readonly value: string;
  /** Words around it that say what it counts ("people injured"). */
  readonly context: string;
  readonly articles: readonly number[];
  /**
   * The figure as its first source wrote it ("$2 million", "July 1"): `value` is normalised to compare
   * sources and reads like a typo ("USD 2000000", "--07-01"). Absent in reports stored before it existed.
   */
  readonly written?: string;
  /** The source's own clause around the figure ("which Brennick put at between $1.5 million and $2 million"). */
  readonly phrase?: string;
}

/** The same kind of fact stated with different values by different sources. */
export interface Disagreement {
  /** What the values are about ("people injured", "date of the vote"). */
  readonly topic: string;
  readonly sides: readonly {
    readonly value: string;
    /** The value as the source wrote it ("by April 4", "$2 million"); absent in older reports. */
    readonly written?: string;
    readonly text: string;
    readonly articles: readonly number[];
  }[];
}

export interface Comparison {
  /** Facts carried by two or more independent sources, most corroborated first. */
  readonly agreed: readonly Fact[];
  /** What only one source reports, per article index. */
  readonly unique: readonly { readonly article: number; readonly facts: readonly Fact[] }[];
  readonly quotes: readonly Quote[];
  readonly entities: readonly Entity[];
  readonly figures: readonly Figure[];
  readonly disagreements: readonly Disagreement[];
}

/** One article that copies another (syndicated or lightly edited). */
export interface DuplicateLink {
  /** Index of the copy in the story. */
  readonly article: number;
  /** Index of the article it copies. */
  readonly original: number;
  readonly similarity: number;
}

/** What Chorus says about a story: the cited summary and the comparison of its sources. */
export interface StoryReport {
  readonly story: Story;
  readonly summary: Summary;
  readonly comparison: Comparison;
  readonly duplicates: readonly DuplicateLink[];
  readonly warnings: readonly string[];
}
