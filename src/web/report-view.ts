/**
 * What every report section needs besides the report itself: sentence texts for the cited passages,
 * source labels, and which articles copy which. Built once per page, so sections stay plain functions.
 */
import type { DuplicateLink, Fact, StoryReport } from '../core/model.js';
import { factKey, type NewSince } from '../core/story-life.js';
import { analyzeStory } from '../core/text/index.js';

export interface ReportView {
  readonly report: StoryReport;
  readonly title: string;
  /** Text of sentence `index` of article `article`, numbered as the summarizers number them. */
  sentenceText(article: number, index: number): string | undefined;
  /** Outlet of article `article` (0-based), or '?' when the index is out of range. */
  source(article: number): string;
  /** The link that says article `copy` copies another. */
  readonly copyOf: ReadonlyMap<number, DuplicateLink>;
  /** For each original, the articles that copy it, in story order. */
  readonly copiedBy: ReadonlyMap<number, readonly number[]>;
  /** Link to the side-by-side view of two articles (0-based), when the page has one (the server does). */
  readonly compareHref?: (a: number, b: number) => string;
  /** Cited passages start folded (a page script unfolds the one a marker jumps to). */
  readonly collapsePassages: boolean;
  /** What entered the report after a reader's `since` time, when the page was asked for it. */
  readonly newSince?: NewSince;
  /** Whether summary sentence `index` entered after `since` (false when no `since` was asked). */
  isNewSentence(index: number): boolean;
  /** Whether `fact` entered after `since` (false when no `since` was asked). */
  isNewFact(fact: Fact): boolean;
}

export interface ReportViewOptions {
  readonly compareHref?: (a: number, b: number) => string;
  /** Fold the cited passages of each source (served pages, which have the script). Default false. */
  readonly collapsePassages?: boolean;
  /** Highlight what entered after a time (the story page's `?since=`). */
  readonly newSince?: NewSince;
}

/** Title of a report: the story's, else its first article's, else "Story". */
export function reportTitle(report: StoryReport): string {
  return report.story.title ?? report.story.articles.find((a) => a.title)?.title ?? 'Story';
}

export function makeReportView(report: StoryReport, options: ReportViewOptions = {}): ReportView {
  // Citations number sentences the way analyzeStory does (clutter left out), so the same analysis
  // finds their text again; it is deterministic on the same articles.
  const doc = analyzeStory(report.story);
  const copyOf = new Map<number, DuplicateLink>();
  const copiedBy = new Map<number, number[]>();
  for (const d of report.duplicates) {
    copyOf.set(d.article, d);
    copiedBy.set(d.original, [...(copiedBy.get(d.original) ?? []), d.article]);
  }
  for (const list of copiedBy.values()) list.sort((x, y) => x - y);
  return {
    report,
    title: reportTitle(report),
    sentenceText(article, index) {
      const span = doc.spans[article];
      if (!span || index < 0 || span[0] + index >= span[1]) return undefined;
      return doc.sentences[span[0] + index]?.text;
    },
    source: (article) => report.story.articles[article]?.source ?? '?',
    copyOf,
    copiedBy,
    ...(options.compareHref && { compareHref: options.compareHref }),
    collapsePassages: options.collapsePassages ?? false,
    ...(options.newSince && { newSince: options.newSince }),
    isNewSentence: (index) => options.newSince?.sentences.includes(index) ?? false,
    isNewFact: (fact) => options.newSince?.facts.has(factKey(report, fact)) ?? false,
  };
}
