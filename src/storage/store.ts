/**
 * The one storage interface of Chorus, which the ingest service, the CLI and the server talk to;
 * `sql-store.ts` implements it for SQLite and PostgreSQL. One `writeBatch` is one transaction: an
 * article row, its story, its full-text row, the story counters and the clusterer snapshot move
 * together or not at all, so a crash can lose a batch but never leave half of an article behind.
 */
import { ChorusError } from '../core/errors.js';
import type { Article, StoryReport } from '../core/model.js';

/** Where a stored article went, beside the record (see `ArticleWrite`). */
interface Placement {
  /** Content hash of the text (`contentHash` from src/core/ids); with the URL, the idempotency key. */
  readonly contentHash: string;
  /** Stored id of the article this one copies (syndicated or lightly edited), with its similarity 0..1. */
  readonly duplicateOf?: string;
  readonly duplicateSimilarity?: number;
  readonly feedId?: string;
}

/** An article as stored. */
export interface StoredArticle extends Article, Placement {
  /** Null only for an article whose story was deleted. */
  readonly storyId: string | null;
  readonly ingestedAt: string;
  /** Order of arrival (1, 2, …): replaying articles by `seq` reproduces the clustering. */
  readonly seq: number;
}

/** One article to write and the story it goes to. */
export interface ArticleWrite extends Placement {
  readonly article: Article;
  readonly storyId: string;
  /**
   * Stored id of a headline-only article this one is the body of (same URL or id): that row gets the
   * text, hash and warnings (and title, byline, date when given) and keeps its id, seq and story, whose
   * report goes stale. `storyId` is then unused.
   */
  readonly bodyFor?: string;
}

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
  | { readonly status: 'duplicate'; readonly id: string; readonly storyId: string | null }
  /** A headline-only article `id` gained the body of a `bodyFor` write. */
  | { readonly status: 'updated'; readonly id: string; readonly storyId: string | null };

/** A clusterer snapshot and the last article `seq` it has seen: replay articles after `seq` on open. */
export interface ClusterSnapshot {
  readonly name: string;
  readonly seq: number;
  readonly state: string;
}

export interface PageQuery {
  /** Page size (default 20, at most 200). */
  readonly limit?: number;
  readonly offset?: number;
  /** Full-text query over article titles and texts (plain words; no query syntax). */
  readonly search?: string;
}

export interface StoryListQuery extends PageQuery {
  /** Only stories whose latest article is at or after this ISO date-time. */
  readonly since?: string;
  /** Only stories whose latest article is before this ISO date-time. */
  readonly until?: string;
  /** 'newest' (default): latest article, then size; 'biggest': most sources; 'updated': last changed. */
  readonly order?: 'newest' | 'biggest' | 'updated';
  /** Reader controls: leave out stories whose every outlet is one of these. */
  readonly muteSources?: readonly string[];
  /** Reader controls: leave out stories whose title or lead contains one of these (any case). */
  readonly muteWords?: readonly string[];
  /** Reader controls: only stories with an article in this language (two-letter code). */
  readonly language?: string;
}

export interface StoryListItem {
  readonly id: string;
  readonly title?: string;
  readonly articleCount: number;
  /** Distinct outlets, and their names in alphabetical order. */
  readonly sourceCount: number;
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

/** A story's version, its report's version and time, and its last update time. */
export type StoryStamp = Pick<StoredStory, 'version' | 'reportVersion' | 'reportAt' | 'updatedAt'>;

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
  /** When the report was saved (absent when there is none, or it was saved before this was kept). */
  readonly reportAt?: string;
}

export interface ArticleListQuery extends PageQuery {
  readonly storyId?: string;
  readonly feedId?: string;
}

type FeedField = 'title' | 'etag' | 'lastModified' | 'lastPolledAt' | 'lastError' | 'pausedAt';
/**
 * A feed; `lastError` is the message of the last failed poll, cleared by a successful one; a feed with
 * `pausedAt` is not polled; `articleCount` (from `listFeeds`, `getFeed`) counts its stored articles.
 */
export type FeedRecord = { readonly id: string; readonly url: string; readonly createdAt: string } & {
  readonly [K in FeedField]?: string;
} & { readonly articleCount?: number };
/** Fields to set (a string), clear (null) or leave (absent). */
export type FeedUpdate = { readonly [K in FeedField]?: string | null };

/** Counts; `staleReports`: stories whose report is missing or older than the story. */
export type StoreStats = Readonly<Record<'articles' | 'stories' | 'feeds' | 'staleReports', number>>;

export interface Store {
  readonly kind: 'sqlite' | 'postgres';

  /** Outcomes in batch order. Idempotent on content hash + URL. */
  writeBatch(batch: BatchWrite): Promise<ArticleWriteOutcome[]>;
  /** Stored ids of the articles with these idempotency keys (content hash, URL or ''), by key `hash\nurl`. */
  findExisting(keys: readonly { contentHash: string; url?: string }[]): Promise<Map<string, string>>;

  /** Stored headline-only articles whose URL or id is one of `keys` (they await a body), in seq order. */
  awaitingBody(keys: readonly string[]): Promise<StoredArticle[]>;
  /** Which of these article ids are taken (the ingest looks up a batch's ids in one query). */
  takenIds(ids: readonly string[]): Promise<Set<string>>;
  /** Which of these URLs are stored already (feeds skip fetching those pages again). */
  knownUrls(urls: readonly string[]): Promise<Set<string>>;

  getArticle(id: string): Promise<StoredArticle | undefined>;
  listArticles(query?: ArticleListQuery): Promise<Page<StoredArticle>>;
  /** Articles after `afterSeq` in seq order, `limit` at a time (for replay). */
  articlesAfter(afterSeq: number, limit: number): Promise<StoredArticle[]>;

  listStories(query?: StoryListQuery): Promise<Page<StoryListItem>>;
  getStory(id: string): Promise<StoredStory | undefined>;
  /** What tells one state of a story from another (cheap: no articles, no report), for caches. */
  storyStamp(id: string): Promise<StoryStamp | undefined>;
  /**
   * Stories whose report is missing or older than the story, oldest change first. With `builtBefore`
   * (an ISO time), only those whose report was saved at or before it (or never): a story rebuilt more
   * recently waits for its rebuild interval (see `IngestServiceOptions.reportEveryMs`).
   */
  staleStories(limit: number, options?: { readonly builtBefore?: string }): Promise<string[]>;
  /**
   * Saves a story's report built from story version `version`. Ignored (returns false) when the story
   * has changed since, so a slow refresh never overwrites a newer state with an older one. The story is
   * listed under the report's title from then on (the report chooses among its articles' headlines),
   * and the first-seen time of each of its sentences and facts not seen before is kept.
   */
  putReport(storyId: string, version: number, report: StoryReport): Promise<boolean>;

  /** The story a merged-away story id now lives in (its permalink redirects there), if any. */
  storyMovedTo(id: string): Promise<string | undefined>;
  /** When each report key of a story (src/core/story-life.ts) was first seen in a stored report. */
  reportKeysFirstSeen(storyId: string): Promise<Map<string, string>>;

  loadClusterState(name: string): Promise<ClusterSnapshot | undefined>;
  saveClusterState(snapshot: ClusterSnapshot): Promise<void>;

  /** Adds a feed, or returns the one with the same URL. */
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
export const articleKey = (contentHash: string, url?: string): string => `${contentHash}\n${url ?? ''}`;
