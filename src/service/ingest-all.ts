/**
 * A whole list of articles through the ingest service, as `chorus ingest` runs it: batches in turn,
 * a checkpoint of the clusterer, then one report rebuild per story the run touched (and any left stale
 * by a run that was stopped). The CLI and `bench/ingest-stream.ts` both call this, so the benchmark
 * measures what users run.
 */
import type { Article } from '../core/model.js';
import type { IngestOutcome, IngestService } from './ingest-service.js';

export interface IngestAllOptions {
  /** Articles per batch (one transaction each). */
  readonly batch: number;
  /** Stale reports of earlier runs rebuilt at most. */
  readonly staleLimit: number;
  /** Called after each batch with the articles done, and as each report is taken up. */
  readonly onProgress?: (phase: 'articles' | 'reports', done: number, total: number) => void;
}

export const INGEST_ALL_DEFAULTS = Object.freeze({ batch: 100, staleLimit: 100_000 });

export interface IngestAllResult {
  /** One per input article, in input order. */
  readonly outcomes: readonly IngestOutcome[];
  /** Stories whose reports were due after the run (touched by it or stale before it). */
  readonly stories: number;
  readonly reports: number;
  readonly warnings: readonly string[];
}

/**
 * Ingests `articles` in batches, then rebuilds each touched story's report once.
 * @example const { outcomes } = await ingestAll(service, articles, { batch: 100, staleLimit: 1000 })
 */
export async function ingestAll(
  service: IngestService,
  articles: readonly Article[],
  options: Partial<IngestAllOptions> = {},
): Promise<IngestAllResult> {
  const { batch, staleLimit, onProgress } = { ...INGEST_ALL_DEFAULTS, ...options };
  const outcomes: IngestOutcome[] = [];
  const touched = new Set<string>();
  for (let i = 0; i < articles.length; i += batch) {
    const result = await service.ingest(articles.slice(i, i + batch));
    outcomes.push(...result.outcomes);
    for (const id of result.stories) touched.add(id);
    onProgress?.('articles', outcomes.length, articles.length);
  }
  await service.checkpoint();
  for (const id of await service.store.staleStories(staleLimit)) touched.add(id);
  let done = 0;
  const { reports, warnings } = await service.refreshStories([...touched], () =>
    onProgress?.('reports', ++done, touched.size),
  );
  return { outcomes, stories: touched.size, reports, warnings };
}
