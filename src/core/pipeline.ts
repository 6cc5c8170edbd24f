/**
 * The whole core in one call: a story's articles in, its report out (cited summary, comparison of the
 * sources, syndicated copies). The CLI, the ingest service and the server all go through here; the
 * articles are made ready by `prepareStory`, as in the evaluation and the benchmarks.
 */
import { compareSources } from './compare/index.js';
import { findDuplicates } from './dedupe/index.js';
import { ChorusError } from './errors.js';
import type { Story, StoryReport } from './model.js';
import { getSummarizer } from './summarize/registry.js';
import { SUMMARIZE_DEFAULTS } from './summarize/summarizer.js';
import { prepareStory } from './prepare-story.js';
import { headlineFrom } from './story-title.js';
import { isCut, MAX_ANALYZED_CHARS } from './text/analyze.js';

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
 * Builds the report of one story.
 * @example buildStoryReport({ id: 's1', articles }, { words: 120 }).summary.sentences[0]?.citations
 */
export function buildStoryReport(story: Story, options: Partial<PipelineOptions> = {}): StoryReport {
  const { method, words } = { ...PIPELINE_DEFAULTS, ...options };
  const summarizer = getSummarizer(method);
  const { story: kept, dropped, analyzed: doc, forSummary } = prepareStory(story);
  if (kept.articles.length === 0) {
    throw new ChorusError(
      'empty-input',
      `expected at least one article with text, found ${story.articles.length} article${story.articles.length === 1 ? '' : 's'} and no text`,
    );
  }
  const duplicates = findDuplicates(kept.articles);
  const summary = summarizer.summarize(forSummary, { words });
  const comparison = compareSources(doc, { duplicates });

  const warnings: string[] = [];
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
  // No article has a headline: the story is titled by its summary's opening sentence (the summarizer's
  // choice among the central sentences), cut short, so a list of such stories is not a page of
  // identical "Untitled story" headings.
  const fallback =
    kept.title === undefined ? headlineFrom(summary.sentences[0]?.text ?? doc.sentences[0]?.text) : undefined;
  return Object.freeze({
    story: fallback === undefined ? kept : { ...kept, title: fallback },
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
