/**
 * A story's life: what of its report entered when. Each summary sentence and each fact of a report has
 * a key that stays the same while its text is reported (the article it was taken from and where), and
 * the store keeps the time each key was first seen in a stored report. "New since T" is then every
 * sentence and fact whose key was first seen after T. Keys are made here, once, so the store, the API
 * and the page agree on them.
 *
 * Why keys and not report versions: a report is rebuilt whole after every batch, and a sentence may
 * move, gain citations or fall out and come back; the key follows the text's origin instead.
 */
import { contentHash } from './ids.js';
import type { Fact, StoryReport, SummarySentence } from './model.js';

/**
 * Key of a summary sentence: the article it was taken from and the sentence's offset there.
 * @example sentenceKey({ text, citations: [{ origin: true, articleId: 'a-1', sentence: 4, … }] }) === 's:a-1:4'
 */
export function sentenceKey(s: SummarySentence): string {
  const origin = s.citations.find((c) => c.origin) ?? s.citations[0];
  return origin ? `s:${origin.articleId}:${origin.sentence}` : `s:~${contentHash(s.text)}`;
}

/** Key of a fact: the article its text was taken from and the text's hash (facts have no offset). */
export function factKey(report: StoryReport, fact: Fact): string {
  const first = fact.articles[0];
  const id = first === undefined ? '~' : (report.story.articles[first]?.id ?? '~');
  return `f:${id}:${contentHash(fact.text)}`;
}

/** The facts of a report a reader sees: agreed ones, then each article's unique ones. */
export function reportFacts(report: StoryReport): Fact[] {
  return [...report.comparison.agreed, ...report.comparison.unique.flatMap((u) => u.facts)];
}

/** Every key of a report, sentences first; written with the report's time when it is stored. */
export function reportKeys(report: StoryReport): string[] {
  const keys = [
    ...report.summary.sentences.map(sentenceKey),
    ...reportFacts(report).map((f) => factKey(report, f)),
  ];
  return [...new Set(keys)];
}

/** What entered a report after `since`: positions in the summary, and the facts themselves. */
export interface NewSince {
  readonly since: string;
  /** Indexes into `report.summary.sentences`. */
  readonly sentences: readonly number[];
  /** Keys of new facts (see `factKey`), agreed and unique alike. */
  readonly facts: ReadonlySet<string>;
}

/**
 * Marks what entered after `since` (an ISO time), given each key's first-seen time. A key with no time
 * (a report stored before first-seen times were kept) is not new: nothing says it is.
 * @example newSince(report, new Map([['s:a-1:4', '2031-05-02T10:00:00.000Z']]), '2031-05-01T00:00:00Z').sentences // → [0]
 */
export function newSince(
  report: StoryReport,
  firstSeen: ReadonlyMap<string, string>,
  since: string,
): NewSince {
  const after = Date.parse(since);
  const isNew = (key: string) => {
    const seen = firstSeen.get(key);
    return seen !== undefined && Date.parse(seen) > after;
  };
  const sentences: number[] = [];
  report.summary.sentences.forEach((s, i) => {
    if (isNew(sentenceKey(s))) sentences.push(i);
  });
  const facts = new Set(
    reportFacts(report)
      .map((f) => factKey(report, f))
      .filter(isNew),
  );
  return { since: new Date(after).toISOString(), sentences, facts };
}
