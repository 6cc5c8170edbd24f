/**
 * The pure core as a library: records in, records out, no I/O. `src/index.ts` adds the edges (reading
 * files, the store, the ingest service).
 * @example buildStoryReport({ id: 's', articles: [makeArticle({ source: 'A', text })] }).summary
 */
export * from './model.js';
export { HEADLINE_ONLY, isHeadlineOnly, makeArticle, type ArticleFields } from './article.js';
export { ChorusError, isChorusError, type ChorusErrorCode } from './errors.js';
export { buildStoryReport, PIPELINE_DEFAULTS, type PipelineOptions } from './pipeline.js';
export { prepareStory, type PreparedStory } from './prepare-story.js';
export { StoryReportSchema } from './schema.js';
export { analyzeStory, splitSentences, tokenize, countWords } from './text/index.js';
export { getSummarizer, summarizerNames } from './summarize/registry.js';
export type { Summarizer } from './summarize/summarizer.js';
export { compareSources, corroborationLabel } from './compare/index.js';
export { findDuplicates, DuplicateIndex } from './dedupe/index.js';
export { clusterStream, clustererNames, createClusterer, restoreClusterer } from './cluster/index.js';
