/**
 * The one path from a story's articles to what the summarizers and the comparison read. The report
 * pipeline, the evaluation harness, `chorus cluster --summaries` and the benchmarks all go through
 * here, so every figure measures the input users' reports are built from.
 */
import type { AnalyzedStory, Article, Story } from './model.js';
import { inMainLanguage } from './summarize/main-language.js';
import { storyTitle } from './story-title.js';
import { analyzeStory } from './text/analyze.js';

export interface PreparedStory {
  /** The story as reported: the articles with text, under its own title or one of their headlines. */
  readonly story: Story;
  /** Articles left out for having no text (dropped clutter pages); their warnings still matter. */
  readonly dropped: readonly Article[];
  /** Every readable article analysed: what the comparison and the copy finder read. */
  readonly analyzed: AnalyzedStory;
  /** What a summarizer reads: `analyzed` without the sentences of articles in another language. */
  readonly forSummary: AnalyzedStory;
}

/**
 * Prepares `story` for summarizing and comparing. Never throws: a story with no text gives empty
 * analyses, and the caller decides whether that is an error (the report pipeline says it is).
 * @example summarizer.summarize(prepareStory(story).forSummary, { words: 250 })
 */
export function prepareStory(story: Story): PreparedStory {
  const usable = story.articles.filter((a) => a.text.length > 0);
  // Articles without text stay out of the analysis so that citation numbers point at readable sources.
  const readable: Story = usable.length === story.articles.length ? story : { ...story, articles: usable };
  // A story given without a title is listed under one of its articles' headlines (`storyTitle`).
  const title = story.title ?? storyTitle(readable);
  const kept: Story = title === undefined || title === story.title ? readable : { ...readable, title };
  const analyzed = analyzeStory(kept);
  return {
    story: kept,
    dropped: story.articles.filter((a) => a.text.length === 0),
    analyzed,
    forSummary: inMainLanguage(analyzed),
  };
}
