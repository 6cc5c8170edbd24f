/**
 * Chorus as a library: the pure core plus the edges a program needs to use it — reading articles from
 * files and pages, the store, and the ingest service that dedupes, clusters and reports.
 * @example const { articles } = await readInputs(['samples/harbor-bridge-closure']); buildStoryReport({ id: 'x', articles })
 */
export * from './core/index.js';
export {
  readInputs,
  parseHtmlArticle,
  parseTextArticle,
  type ReadReport,
  type InputOutcome,
} from './io/index.js';
export { readMultiNews } from './io/multinews.js';
export { openStore, type OpenStoreOptions } from './storage/open-store.js';
export type { Store, StoredStory, StoredArticle } from './storage/store.js';
export { IngestService, ingestArticles } from './service/ingest-service.js';
