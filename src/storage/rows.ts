/**
 * What both backends share: turning article records into row values and rows back into records,
 * the time an article counts at, and plain search words into a safe query.
 */
import { ChorusError } from '../core/errors.js';
import type { Article, StoryReport } from '../core/model.js';
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
  if (article.date) {
    const t = Date.parse(article.date);
    if (Number.isFinite(t)) return new Date(t).toISOString();
  }
  return ingestedAt;
}

/** Words of a search, lowercased, at most 16 of them; empty when nothing searchable is left. */
export function searchWords(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
}

/** FTS5 query: every word must match (quoted, so no word is taken as query syntax). */
export function fts5Query(words: readonly string[]): string {
  return words.map((w) => `"${w}"`).join(' ');
}

/** First summary sentence of a report, for the story list. */
export function reportLead(report: StoryReport): string | undefined {
  return report.summary.sentences[0]?.text;
}

/** Row shape shared by both backends after driver conversion (times as ISO strings). */
export interface ArticleRow {
  seq: number | string;
  id: string;
  content_hash: string;
  story_id: string | null;
  source: string;
  url: string | null;
  title: string | null;
  byline: string | null;
  date: string | null;
  text: string;
  language: string | null;
  warnings: string | string[];
  duplicate_of: string | null;
  duplicate_similarity: number | null;
  feed_id: string | null;
  ingested_at: string | Date;
}

export function iso(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}

function json<T>(value: string | T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export function articleFromRow(row: ArticleRow): StoredArticle {
  return Object.freeze({
    id: row.id,
    source: row.source,
    text: row.text,
    warnings: json<string[]>(row.warnings),
    ...(row.url !== null && { url: row.url }),
    ...(row.title !== null && { title: row.title }),
    ...(row.byline !== null && { byline: row.byline }),
    ...(row.date !== null && { date: row.date }),
    ...(row.language !== null && { language: row.language }),
    storyId: row.story_id,
    contentHash: row.content_hash,
    ...(row.duplicate_of !== null && { duplicateOf: row.duplicate_of }),
    ...(row.duplicate_similarity !== null && { duplicateSimilarity: row.duplicate_similarity }),
    ...(row.feed_id !== null && { feedId: row.feed_id }),
    ingestedAt: iso(row.ingested_at),
    seq: Number(row.seq),
  });
}

export interface FeedRow {
  id: string;
  url: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | Date | null;
  last_error: string | null;
  created_at: string | Date;
  paused_at?: string | Date | null;
  article_count?: number | string | null;
}

export function feedFromRow(row: FeedRow): FeedRecord {
  return Object.freeze({
    id: row.id,
    url: row.url,
    ...(row.title !== null && { title: row.title }),
    ...(row.etag !== null && { etag: row.etag }),
    ...(row.last_modified !== null && { lastModified: row.last_modified }),
    ...(row.last_polled_at !== null && { lastPolledAt: iso(row.last_polled_at) }),
    ...(row.last_error !== null && { lastError: row.last_error }),
    createdAt: iso(row.created_at),
    ...(row.paused_at != null && { pausedAt: iso(row.paused_at) }),
    ...(row.article_count != null && { articleCount: Number(row.article_count) }),
  });
}

export interface StoryRow {
  id: string;
  title: string | null;
  created_at: string | Date;
  updated_at: string | Date;
  version: number;
  article_count: number;
  source_count: number;
  sources: string | string[];
  first_at: string | Date | null;
  last_at: string | Date | null;
  report?: string | StoryReport | null;
  report_version?: number | null;
  lead: string | null;
}

export function parseSources(value: string | string[]): string[] {
  return json<string[]>(value);
}

/** A story list row as the list item both backends answer. */
export function storyItem(row: StoryRow): StoryListItem {
  return Object.freeze({
    id: row.id,
    ...(row.title !== null && { title: row.title }),
    articleCount: row.article_count,
    sourceCount: row.source_count,
    sources: parseSources(row.sources),
    firstAt: iso(row.first_at ?? row.created_at),
    lastAt: iso(row.last_at ?? row.created_at),
    updatedAt: iso(row.updated_at),
    ...(row.lead !== null && { lead: row.lead }),
  });
}

/** Fields of the feed update that were given, as [column, value] pairs. */
export function feedUpdateColumns(update: {
  title?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  lastPolledAt?: string | null;
  lastError?: string | null;
  pausedAt?: string | null;
}): [string, string | null][] {
  const columns: [string, string | null | undefined][] = [
    ['title', update.title],
    ['etag', update.etag],
    ['last_modified', update.lastModified],
    ['last_polled_at', update.lastPolledAt],
    ['last_error', update.lastError],
    ['paused_at', update.pausedAt],
  ];
  return columns.filter((c): c is [string, string | null] => c[1] !== undefined);
}
