/**
 * Turning posted records and ingest results into the API's answer: each input keeps its own outcome,
 * in input order, whether it was refused before ingest (not an article record) or by the service.
 */
import { makeArticle } from '../core/article.js';
import type { Article } from '../core/model.js';
import type { IngestOutcome, IngestResult, IngestService } from '../service/ingest-service.js';
import { ArticleInput } from './api-schemas.js';

export interface IngestAnswer {
  readonly outcomes: readonly IngestOutcome[];
  readonly counts: { readonly ingested: number; readonly duplicate: number; readonly rejected: number };
  readonly stories: readonly string[];
  readonly warnings: readonly string[];
}

/** A posted record as an Article, or the reason it is not one. */
export function articleFromRecord(record: unknown): Article | { reason: string } {
  const parsed = ArticleInput.safeParse(record);
  if (parsed.success) return makeArticle(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return {
    reason: `expected an article record with a "text" string, found ${where}${issue?.message ?? 'other'}`,
  };
}

export function countOutcomes(outcomes: readonly IngestOutcome[]): IngestAnswer['counts'] {
  const count = (s: IngestOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return { ingested: count('ingested'), duplicate: count('duplicate'), rejected: count('rejected') };
}

/**
 * Ingests what can be ingested and answers for every input: `inputs` holds articles and, in their
 * place, reasons for records refused beforehand.
 */
export async function ingestInputs(
  service: IngestService,
  inputs: readonly (Article | { reason: string })[],
): Promise<IngestAnswer> {
  const articles = inputs.filter((i): i is Article => !('reason' in i));
  const result: IngestResult =
    articles.length > 0
      ? await service.ingest(articles)
      : { outcomes: [], stories: [], reports: 0, warnings: [] };
  let next = 0;
  const outcomes = inputs.map((i): IngestOutcome =>
    'reason' in i
      ? { status: 'rejected', reason: i.reason }
      : (result.outcomes[next++] ?? { status: 'rejected', reason: 'no outcome' }),
  );
  return { outcomes, counts: countOutcomes(outcomes), stories: result.stories, warnings: result.warnings };
}
