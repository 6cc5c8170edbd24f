/**
 * What both backends share: rows back into records, the time an article counts at, and plain search
 * words into a safe query.
 */
import { ChorusError } from '../core/errors.js';
import type { Article } from '../core/model.js';
import type { FeedRecord, StoredArticle, StoryListItem } from './store.js';

/** A driver's error as the store's: code 'storage', saying what could not be done. */
export function storageError(what: string, error: unknown): ChorusError {
  const message = error instanceof Error ? error.message : String(error);
  return new ChorusError('storage', `${what}: ${message}`, { cause: error });
}

/** Stories whose report is missing or older than the story (SQL condition on `stories`). */
export const STALE_STORY = 'article_count > 0 AND (report_version IS NULL OR report_version < version)';

/** The time an article counts at for ordering and windows: its own date when it parses, else now. */
export function articleTime(article: Article, ingestedAt: string): string {
  const t = article.date ? Date.parse(article.date) : NaN;
  return Number.isFinite(t) ? new Date(t).toISOString() : ingestedAt;
}

/** Words of a search, lowercased, at most 16 of them; empty when nothing searchable is left. */
export function searchWords(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
}

/** Columns kept as JSON: text on SQLite, already parsed on PostgreSQL (JSONB). */
const JSON_COLUMNS = new Set(['warnings', 'sources', 'report']);

const camel = (column: string) => column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
const value = (v: unknown, column: string) =>
  v instanceof Date ? v.toISOString() : typeof v === 'string' && JSON_COLUMNS.has(column) ? JSON.parse(v) : v;

/**
 * The one row → record mapping: each listed column under its camelCase name, left out when NULL, times
 * as ISO strings and JSON columns parsed, whichever driver read the row. Also picks a plain Article out
 * of a stored one (`plainArticle`).
 * @example record({ last_error: null, created_at: d }, ['last_error', 'created_at']) → { createdAt: '…' }
 */
export function record<T>(row: object, columns: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const v = (row as Record<string, unknown>)[column];
    if (v !== null && v !== undefined) out[camel(column)] = value(v, column);
  }
  return Object.freeze(out) as T;
}

/** Fields of the plain Article record. */
export const ARTICLE_FIELDS = 'id source text warnings url title byline date language'.split(' ');
const ARTICLE_COLUMNS = [
  ...ARTICLE_FIELDS,
  ...'content_hash duplicate_of duplicate_similarity feed_id ingested_at'.split(' '),
];
const FEED_COLUMNS = 'id url title etag last_modified last_polled_at last_error created_at paused_at'.split(
  ' ',
);
const STORY_COLUMNS = 'id title article_count source_count sources first_at last_at updated_at lead'.split(
  ' ',
);

/** The column of a record field: `lastPolledAt` → `last_polled_at`. */
export const column = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

type Row = Record<string, unknown>;

export function articleFromRow(row: Row): StoredArticle {
  // storyId is null, not absent, for an article whose story was deleted.
  const stored = record<StoredArticle>(row, ARTICLE_COLUMNS);
  return Object.freeze({ ...stored, storyId: (row.story_id as string | null) ?? null, seq: Number(row.seq) });
}

export function feedFromRow(row: Row): FeedRecord {
  const feed = record<FeedRecord>(row, FEED_COLUMNS);
  return row.article_count == null
    ? feed
    : Object.freeze({ ...feed, articleCount: Number(row.article_count) });
}

/** A story row as its list item; an undated story spans the time it was created. */
export function storyItem(row: Row): StoryListItem {
  const span = { first_at: row.first_at ?? row.created_at, last_at: row.last_at ?? row.created_at };
  return record({ ...row, ...span }, STORY_COLUMNS);
}
