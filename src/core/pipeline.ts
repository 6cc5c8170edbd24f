/**
 * The whole core in one call: a story's articles in, its report out (cited summary, comparison of the
 * sources, syndicated copies). The CLI, the ingest service and the server all go through here.
 */
import { compareSources } from './compare/index.js';
import { findDuplicates } from './dedupe/index.js';
import { ChorusError } from './errors.js';
import type { AnalyzedStory, Story, StoryReport, Summary } from './model.js';
import { getSummarizer } from './summarize/registry.js';
import { inMainLanguage } from './summarize/main-language.js';
import { SUMMARIZE_DEFAULTS } from './summarize/summarizer.js';
import { budgetOf } from './summarize/summary.js';
import { storyTitle } from './story-title.js';
import { analyzeStory, isCut, MAX_ANALYZED_CHARS } from './text/analyze.js';
import { countWords } from './text/index.js';

export interface PipelineOptions {
  /** Summarizer name from the registry. */
  readonly method: string;
  /** Word budget of the summary. */
  readonly words: number;
}

export const PIPELINE_DEFAULTS: PipelineOptions = Object.freeze({
  method: 'chorus',
  words: SUMMARIZE_DEFAULTS.words,
});

/**
 * An empty summary over sentences that are all longer than the budget says how long the shortest one is,
 * so that the reader learns what budget would give a summary (the summarizer only says none fitted).
 */
function explainBudget(summary: Summary, doc: AnalyzedStory, words: number): Summary {
  if (summary.sentences.length > 0 || doc.sentences.length === 0) return summary;
  let shortest = Infinity;
  for (const s of doc.sentences) shortest = Math.min(shortest, countWords(s.text));
  const budget = budgetOf({ words });
  if (shortest <= budget) return summary;
  const why =
    `no sentence fits the budget of ${budget} word${budget === 1 ? '' : 's'}: the shortest has ` +
    `${shortest} word${shortest === 1 ? '' : 's'}, so the budget must be at least ${shortest}`;
  const warnings = summary.warnings.filter((w) => !w.startsWith('every sentence is longer than the budget'));
  return Object.freeze({ ...summary, warnings: [why, ...warnings] });
}

/**
 * Builds the report of one story.
 * @example buildStoryReport({ id: 's1', articles }, { words: 120 }).summary.sentences[0]?.citations
 */
export function buildStoryReport(story: Story, options: Partial<PipelineOptions> = {}): StoryReport {
  const { method, words } = { ...PIPELINE_DEFAULTS, ...options };
  const summarizer = getSummarizer(method);
  const usable = story.articles.filter((a) => a.text.length > 0);
  if (usable.length === 0) {
    throw new ChorusError(
      'empty-input',
      `expected at least one article with text, found ${story.articles.length} article${story.articles.length === 1 ? '' : 's'} and no text`,
    );
  }
  // Articles without text (dropped clutter pages) stay out of the analysis so that citation numbers
  // point at readable sources; their warnings still reach the report.
  const readable: Story = usable.length === story.articles.length ? story : { ...story, articles: usable };
  // A story given without a title is listed under one of its articles' headlines (`storyTitle`).
  const title = story.title ?? storyTitle(readable);
  const kept: Story = title === undefined || title === story.title ? readable : { ...readable, title };
  const doc = analyzeStory(kept);
  const duplicates = findDuplicates(kept.articles);
  const summarized = inMainLanguage(doc);
  const summary = explainBudget(summarizer.summarize(summarized, { words }), summarized, words);
  const comparison = compareSources(doc, { duplicates });

  const warnings: string[] = [];
  const dropped = story.articles.filter((a) => a.text.length === 0);
  for (const a of dropped)
    warnings.push(`left out ${a.source} (${a.id}): ${a.warnings.join('; ') || 'no text'}`);
  for (const a of kept.articles.filter((x) => isCut(x.text)))
    warnings.push(
      `read only the first ${MAX_ANALYZED_CHARS.toLocaleString('en-US')} characters of ${a.source} (${a.id}), ` +
        `${a.text.length.toLocaleString('en-US')} in all: a page that long is not one article`,
    );
  const independent = kept.articles.length - duplicates.length;
  if (independent <= 1) {
    warnings.push(
      kept.articles.length === 1
        ? 'one source only: nothing here is corroborated by another outlet'
        : 'all sources are copies of one story: nothing here is independently corroborated',
    );
  }
  return Object.freeze({
    story: kept,
    summary,
    comparison,
    duplicates,
    // The summarizer flags a lone article too; the pipeline's wording also covers copies of one story.
    warnings: [
      ...warnings,
      ...summary.warnings.filter((w) => independent > 1 || !w.startsWith('one source')),
    ],
  });
}
