/**
 * The one storage interface of Chorus. The ingest service, the CLI and the HTTP server talk only to
 * this; one implementation (`sql-store.ts`, over Kysely) serves SQLite (the default) and PostgreSQL
 * through a small dialect each (`dialects/`), and both run the same test suite
 * (`test/storage/store.test.ts`).
 *
 * Consistency rule: one `writeBatch` is one transaction. An article row, its story assignment, its
 * full-text row, the story counters and the clusterer snapshot move together or not at all, so a crash
 * can lose a batch but never leave half of an article behind.
 */
import { ChorusError } from '../core/errors.js';
import type { Article, StoryReport } from '../core/model.js';

/** An article as stored: the record plus where it went. */
export interface StoredArticle extends Article {
  /** Story this article belongs to (null only for articles whose story was deleted). */
  readonly storyId: string | null;
  /** Content hash of the text (`contentHash` from src/core/ids), half of the idempotency key. */
  readonly contentHash: string;
  /** Stored id of the article this one copies (syndicated or lightly edited), when dedupe found one. */
  readonly duplicateOf?: string;
  /** Similarity to `duplicateOf`, 0..1. */
  readonly duplicateSimilarity?: number;
  /** Feed the article came from, when it came from one. */
  readonly feedId?: string;
  /** ISO date-time the store accepted it. */
  readonly ingestedAt: string;
  /** Order of arrival (1, 2, …): replaying articles by `seq` reproduces the clustering. */
  readonly seq: number;
}

/** One article to write and where it goes. */
export interface ArticleWrite {
  readonly article: Article;
  /** Content hash of `article.text`; with `article.url` (or '' when none) it is the idempotency key. */
  readonly contentHash: string;
  readonly storyId: string;
  readonly duplicateOf?: string;
  readonly duplicateSimilarity?: number;
  readonly feedId?: string;
}

/** A story created or changed by a batch (title may change as articles arrive). */
export interface StoryWrite {
  readonly id: string;
  readonly title?: string;
}

export interface BatchWrite {
  readonly articles: readonly ArticleWrite[];
  /** Stories to create (or retitle) before the articles are assigned to them. */
  readonly stories: readonly StoryWrite[];
  /** Stories merged by the clusterer: every article of `from` moves to `into`, and `from` is deleted. */
  readonly merges?: readonly { readonly from: string; readonly into: string }[];
  /** Clusterer snapshot to save in the same transaction (see `ClusterSnapshot`). */
  readonly clusterState?: { readonly name: string; readonly state: string };
  /**
   * The last article `seq` the writer's clusterer has seen. When the store holds a later article (another
   * process wrote meanwhile), nothing is written and `WriteConflict` is thrown: story ids and assignments
   * made from a stale clusterer would put unrelated articles in one story.
   */
  readonly lastSeq?: number;
}

/** Another writer stored articles after `BatchWrite.lastSeq`: reload the clusterer and redo the batch. */
export class WriteConflict extends ChorusError {
  constructor(lastSeq: number) {
    super(
      'storage',
      `another process stored articles after #${lastSeq} while this one was grouping its batch; ` +
        'nothing was written',
    );
    this.name = 'WriteConflict';
  }
}

/** Outcome of one article of a batch, in batch order. */
export type ArticleWriteOutcome =
  | { readonly status: 'inserted'; readonly id: string; readonly storyId: string; readonly seq: number }
  /** The same content hash + URL was already stored: nothing written; `id` is the stored article. */
  | { readonly status: 'duplicate'; readonly id: string; readonly storyId: string | null };

/** A clusterer snapshot and the last article `seq` it has seen: replay articles after `seq` on open. */
export interface ClusterSnapshot {
  readonly name: string;
  readonly seq: number;
  readonly state: string;
}

export interface StoryListQuery {
  /** Page size (default 20, at most 200). */
  readonly limit?: number;
  readonly offset?: number;
  /** Only stories whose latest article is at or after this ISO date-time. */
  readonly since?: string;
  /** Only stories whose latest article is before this ISO date-time. */
  readonly until?: string;
  /** Full-text query over article titles and texts (plain words; no query syntax). */
  readonly search?: string;
  /**
   * 'newest' (default): latest article first, then size; 'biggest': most sources, then newest;
   * 'updated': most recently changed first (the Atom feed of new and updated stories).
   */
  readonly order?: 'newest' | 'biggest' | 'updated';
  /** Reader controls: leave out stories whose every outlet is one of these. */
  readonly muteSources?: readonly string[];
  /** Reader controls: leave out stories whose title or lead contains one of these (any case). */
  readonly muteWords?: readonly string[];
  /** Reader controls: only stories with an article in this language (two-letter code). */
  readonly language?: string;
}

/** One line of the story list. */
export interface StoryListItem {
  readonly id: string;
  readonly title?: string;
  readonly articleCount: number;
  /** Distinct outlets. */
  readonly sourceCount: number;
  /** Distinct outlet names, alphabetical. */
  readonly sources: readonly string[];
  /** Earliest and latest article time (article date, else ingest time), ISO. */
  readonly firstAt: string;
  readonly lastAt: string;
  readonly updatedAt: string;
  /** First sentence of the stored summary, when a report exists. */
  readonly lead?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** A story with its articles (in arrival order) and its latest report. */
export interface StoredStory {
  readonly id: string;
  readonly title?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Bumped by every batch that touches the story; a report is current when built at this version. */
  readonly version: number;
  readonly articles: readonly StoredArticle[];
  readonly report?: StoryReport;
  /** Version of the story the report was built from (absent when there is no report). */
  readonly reportVersion?: number;
}

export interface ArticleListQuery {
  readonly limit?: number;
  readonly offset?: number;
  readonly storyId?: string;
  readonly feedId?: string;
  /** Full-text query over titles and texts. */
  readonly search?: string;
}

export interface FeedRecord {
  readonly id: string;
  readonly url: string;
  readonly title?: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** ISO date-time of the last poll attempt. */
  readonly lastPolledAt?: string;
  /** Message of the last failed poll; cleared by a successful one. */
  readonly lastError?: string;
  readonly createdAt: string;
  /** ISO date-time the feed was paused; a paused feed is not polled until resumed. */
  readonly pausedAt?: string;
  /** Articles stored from this feed (given by `listFeeds` and `getFeed`). */
  readonly articleCount?: number;
}

export interface FeedUpdate {
  readonly title?: string | null;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly lastPolledAt?: string | null;
  readonly lastError?: string | null;
  /** An ISO time pauses the feed, null resumes it. */
  readonly pausedAt?: string | null;
}

export interface StoreStats {
  readonly articles: number;
  readonly stories: number;
  readonly feeds: number;
  /** Stories whose report is missing or older than the story. */
  readonly staleReports: number;
}

export interface Store {
  /** 'sqlite' or 'postgres'. */
  readonly kind: 'sqlite' | 'postgres';

  /** Writes one batch in one transaction; outcomes in batch order. Idempotent on content hash + URL. */
  writeBatch(batch: BatchWrite): Promise<ArticleWriteOutcome[]>;
  /** Stored ids of the articles with these idempotency keys (content hash, URL or ''), by key `hash\nurl`. */
  findExisting(keys: readonly { contentHash: string; url?: string }[]): Promise<Map<string, string>>;

  /** Which of these URLs some stored article already has (feeds skip fetching those pages again). */
  knownUrls(urls: readonly string[]): Promise<Set<string>>;

  getArticle(id: string): Promise<StoredArticle | undefined>;
  listArticles(query?: ArticleListQuery): Promise<Page<StoredArticle>>;
  /** Every article with `seq` greater than `afterSeq`, in seq order, `limit` at a time (for replay). */
  articlesAfter(afterSeq: number, limit: number): Promise<StoredArticle[]>;

  listStories(query?: StoryListQuery): Promise<Page<StoryListItem>>;
  getStory(id: string): Promise<StoredStory | undefined>;
  /** Stories whose report is missing or older than the story version, oldest first. */
  staleStories(limit: number): Promise<string[]>;
  /**
   * Saves a story's report built from story version `version`. Ignored (returns false) when the story
   * has changed since, so a slow refresh never overwrites a newer state with an older one. The story is
   * listed under the report's title from then on (the report chooses among all its articles' headlines),
   * and the first-seen time of each of its sentences and facts not seen before is kept.
   */
  putReport(storyId: string, version: number, report: StoryReport): Promise<boolean>;

  /** The story a merged-away story id now lives in (its permalink redirects there), if any. */
  storyMovedTo(id: string): Promise<string | undefined>;
  /** When each report key of a story (src/core/story-life.ts) was first seen in a stored report. */
  reportKeysFirstSeen(storyId: string): Promise<Map<string, string>>;

  loadClusterState(name: string): Promise<ClusterSnapshot | undefined>;
  saveClusterState(snapshot: ClusterSnapshot): Promise<void>;

  /** Adds a feed, or returns the existing one with the same URL. */
  addFeed(url: string, title?: string): Promise<FeedRecord>;
  listFeeds(): Promise<FeedRecord[]>;
  getFeed(id: string): Promise<FeedRecord | undefined>;
  updateFeed(id: string, update: FeedUpdate): Promise<void>;
  removeFeed(id: string): Promise<boolean>;

  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/**
 * The `n`-th id tried for an article (n = 1, 2, …): its own id first, then the id suffixed with its
 * content hash. Given ids can collide across inputs (two files both called article-1); the content keeps
 * them apart. The one rule for a free id, used by both stores and the ingest service.
 * @example articleIdCandidate('a-1', 'f00dcafe99', 2) === 'a-1~f00dcafe'
 */
export function articleIdCandidate(id: string, contentHash: string, n: number): string {
  if (n <= 1) return id;
  return `${id}~${contentHash.slice(0, 8)}${n > 2 ? `-${n}` : ''}`;
}

/** The key under which `findExisting` reports an article. */
export function articleKey(contentHash: string, url?: string): string {
  return `${contentHash}\n${url ?? ''}`;
}

export const STORY_PAGE_DEFAULTS = Object.freeze({ limit: 20, maxLimit: 200 });

/** Clamps paging numbers to sane bounds once, for both backends. */
export function pageBounds(query: { limit?: number; offset?: number }): { limit: number; offset: number } {
  const limit = Math.min(
    STORY_PAGE_DEFAULTS.maxLimit,
    Math.max(1, Math.floor(query.limit ?? STORY_PAGE_DEFAULTS.limit)),
  );
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  return { limit, offset };
}

/**
 * Where a story id ends up after the batch's merges (followed transitively: a→b, b→c sends a to c),
 * so that articles assigned to a story merged away in the same batch land in the surviving one.
 */
export function mergeTargets(batch: BatchWrite): (storyId: string) => string {
  const into = new Map<string, string>();
  for (const m of batch.merges ?? []) if (m.from !== m.into) into.set(m.from, m.into);
  return (storyId) => {
    let id = storyId;
    for (let hops = 0; into.has(id) && hops <= into.size; hops++) id = into.get(id) ?? id;
    return id;
  };
}
