/**
 * The one Store: every method written once over Kysely, for SQLite and PostgreSQL alike. What truly
 * differs between the databases (opening and migrating, the write lock, full-text search, the feed
 * order) is a `StoreDialect` in `dialects/`. Kysely's `sql` template numbers placeholders for each
 * database, so no query is written twice.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ChorusError } from '../core/errors.js';
import type { StoryReport } from '../core/model.js';
import {
  articleFromRow,
  articleTime,
  feedFromRow,
  feedUpdateColumns,
  iso,
  reportLead,
  searchWords,
  STALE_STORY,
  storageError,
  storyItem,
  type ArticleRow,
  type FeedRow,
  type StoryRow,
} from './rows.js';
import {
  articleIdCandidate,
  articleKey,
  mergeTargets,
  pageBounds,
  WriteConflict,
  type ArticleListQuery,
  type ArticleWriteOutcome,
  type BatchWrite,
  type ClusterSnapshot,
  type FeedRecord,
  type FeedUpdate,
  type Page,
  type Store,
  type StoredArticle,
  type StoredStory,
  type StoreStats,
  type StoryListItem,
  type StoryListQuery,
} from './store.js';
import { firstSeenKeys, readerFilters, recordMerge, recordReportKeys, storyMovedTo } from './story-life.js';

/** Queries are Kysely `sql` templates (rows typed by `rows.ts`), so no table types are declared. */
export type Db = Kysely<Record<string, never>>;

/** What differs between the databases; everything else is `SqlStore`. */
export interface StoreDialect {
  readonly kind: 'sqlite' | 'postgres';
  readonly db: Db;
  /** Starts a write transaction that holds the write lock from its first statement. */
  readonly begin: string;
  /** Makes writers with a `lastSeq` take turns, so `seq` follows commit order (PostgreSQL). */
  lockWriters(trx: Db): Promise<void>;
  /** A condition on `articles` (aliased `a`): the article matches every one of `words`. */
  matches(words: readonly string[]): RawBuilder<boolean>;
  /** Column that keeps feeds in the order they were added. */
  readonly feedOrder: string;
  close(): Promise<void>;
}

/** Values per statement when a list of keys is looked up (well under SQLite's parameter limit). */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const count = (value: unknown): number => Number(value ?? 0);

/** Articles stored from feed `f` (by the `articles_feed` index). */
const FEED_ARTICLES = sql`(SELECT count(*) FROM articles a WHERE a.feed_id = f.id)`;

export class SqlStore implements Store {
  readonly kind: 'sqlite' | 'postgres';
  private readonly db: Db;

  constructor(private readonly dialect: StoreDialect) {
    this.kind = dialect.kind;
    this.db = dialect.db;
  }

  private async run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw error instanceof ChorusError ? error : storageError(what, error);
    }
  }

  /** One transaction on one connection, begun the dialect's way (SQLite: IMMEDIATE). */
  private transaction<T>(fn: (trx: Db) => Promise<T>): Promise<T> {
    return this.db.connection().execute(async (conn) => {
      await sql.raw(this.dialect.begin).execute(conn);
      try {
        const result = await fn(conn);
        await sql`COMMIT`.execute(conn);
        return result;
      } catch (error) {
        await sql`ROLLBACK`.execute(conn).catch(() => undefined);
        throw error;
      }
    });
  }

  writeBatch(batch: BatchWrite): Promise<ArticleWriteOutcome[]> {
    return this.run('cannot write the batch', () => this.transaction((trx) => this.writeIn(trx, batch)));
  }

  private async writeIn(c: Db, batch: BatchWrite): Promise<ArticleWriteOutcome[]> {
    if (batch.lastSeq !== undefined) {
      // Another writer stored articles after this batch was grouped: the caller groups it again.
      await this.dialect.lockWriters(c);
      const later = await sql`SELECT 1 AS x FROM articles WHERE seq > ${batch.lastSeq} LIMIT 1`.execute(c);
      if (later.rows.length > 0) throw new WriteConflict(batch.lastSeq);
    }
    const now = new Date().toISOString();
    const touched = new Set<string>();
    for (const s of batch.stories)
      await sql`INSERT INTO stories (id, title, created_at, updated_at) VALUES (${s.id}, ${s.title ?? null}, ${now}, ${now})
        ON CONFLICT (id) DO UPDATE SET title = coalesce(excluded.title, stories.title)`.execute(c);
    const merged = mergeTargets(batch);
    for (const m of batch.merges ?? []) {
      if (m.from === m.into) continue;
      await sql`UPDATE articles SET story_id = ${m.into} WHERE story_id = ${m.from}`.execute(c);
      await sql`DELETE FROM stories WHERE id = ${m.from}`.execute(c);
      await recordMerge(c, m.from, m.into, now);
      touched.delete(m.from);
      touched.add(m.into);
    }
    const outcomes: ArticleWriteOutcome[] = [];
    for (const w of batch.articles) {
      const a = w.article;
      const urlKey = a.url ?? '';
      const storyId = merged(w.storyId);
      // One round trip in the common case: insert unless a unique key is taken, then find out which.
      let outcome: ArticleWriteOutcome | undefined;
      for (let n = 1; outcome === undefined; n++) {
        const id = articleIdCandidate(a.id, w.contentHash, n);
        const inserted = await sql<{ seq: number | string }>`INSERT INTO articles
            (id, content_hash, url_key, story_id, source, url, title, byline, date, text, language, warnings,
             duplicate_of, duplicate_similarity, feed_id, ingested_at, at)
          VALUES (${id}, ${w.contentHash}, ${urlKey}, ${storyId}, ${a.source}, ${a.url ?? null},
            ${a.title ?? null}, ${a.byline ?? null}, ${a.date ?? null}, ${a.text}, ${a.language ?? null},
            ${JSON.stringify(a.warnings)}, ${w.duplicateOf ?? null}, ${w.duplicateSimilarity ?? null},
            ${w.feedId ?? null}, ${now}, ${articleTime(a, now)})
          ON CONFLICT DO NOTHING RETURNING seq`.execute(c);
        const row = inserted.rows[0];
        if (row) {
          touched.add(storyId);
          outcome = { status: 'inserted', id, storyId, seq: Number(row.seq) };
          break;
        }
        const prior = await sql<{ id: string; story_id: string | null }>`SELECT id, story_id FROM articles
          WHERE content_hash = ${w.contentHash} AND url_key = ${urlKey}`.execute(c);
        const found = prior.rows[0];
        if (found) outcome = { status: 'duplicate', id: found.id, storyId: found.story_id };
        // Else the id is another article's: the next candidate.
      }
      outcomes.push(outcome);
    }
    for (const id of touched) await this.refreshStory(c, id, now);
    // A story named by the batch that ended with no article (all were duplicates) is not kept.
    for (const s of batch.stories)
      await sql`DELETE FROM stories WHERE id = ${s.id}
        AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = ${s.id})`.execute(c);
    if (batch.clusterState) {
      const max = await sql<{ seq: unknown }>`SELECT coalesce(max(seq), 0) AS seq FROM articles`.execute(c);
      await this.saveSnapshot(c, { ...batch.clusterState, seq: count(max.rows[0]?.seq) });
    }
    return outcomes;
  }

  /** Recounts a story after its articles changed, and bumps its version (its report is then stale). */
  private async refreshStory(c: Db, id: string, now: string): Promise<void> {
    const names = (
      await sql<{ source: string }>`SELECT DISTINCT source FROM articles WHERE story_id = ${id}
        ORDER BY source`.execute(c)
    ).rows.map((r) => r.source);
    // The span a reader sees comes from the dates the articles state; ingest times only stand in when
    // no article of the story has a date (an undated page must not stretch it to today). A story opened
    // by an untitled article takes the first title that arrives.
    await sql`UPDATE stories SET
        article_count = (SELECT count(*) FROM articles WHERE story_id = ${id}),
        source_count = ${names.length},
        sources = ${JSON.stringify(names)},
        first_at = coalesce((SELECT min(at) FROM articles WHERE story_id = ${id} AND date IS NOT NULL),
                            (SELECT min(at) FROM articles WHERE story_id = ${id})),
        last_at = coalesce((SELECT max(at) FROM articles WHERE story_id = ${id} AND date IS NOT NULL),
                           (SELECT max(at) FROM articles WHERE story_id = ${id})),
        updated_at = ${now},
        version = version + 1,
        title = coalesce(title, (SELECT title FROM articles WHERE story_id = ${id} AND title IS NOT NULL
                                 ORDER BY seq LIMIT 1))
      WHERE id = ${id}`.execute(c);
  }

  private async saveSnapshot(c: Db, snapshot: ClusterSnapshot): Promise<void> {
    await sql`INSERT INTO cluster_state (name, seq, state) VALUES (${snapshot.name}, ${snapshot.seq}, ${snapshot.state})
      ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, state = excluded.state`.execute(c);
  }

  findExisting(keys: readonly { contentHash: string; url?: string }[]): Promise<Map<string, string>> {
    return this.run('cannot look up articles', async () => {
      const wanted = new Set(keys.map((k) => articleKey(k.contentHash, k.url)));
      const found = new Map<string, string>();
      for (const part of chunks([...new Set(keys.map((k) => k.contentHash))])) {
        const { rows } = await sql<{ id: string; content_hash: string; url_key: string }>`
          SELECT id, content_hash, url_key FROM articles WHERE content_hash IN (${sql.join(part)})`.execute(
          this.db,
        );
        for (const r of rows) {
          const key = articleKey(r.content_hash, r.url_key || undefined);
          if (wanted.has(key)) found.set(key, r.id);
        }
      }
      return found;
    });
  }

  knownUrls(urls: readonly string[]): Promise<Set<string>> {
    return this.run('cannot look up URLs', async () => {
      const known = new Set<string>();
      for (const part of chunks([...new Set(urls)])) {
        const { rows } = await sql<{ url: string }>`SELECT DISTINCT url FROM articles
          WHERE url IN (${sql.join(part)})`.execute(this.db);
        for (const r of rows) known.add(r.url);
      }
      return known;
    });
  }

  getArticle(id: string): Promise<StoredArticle | undefined> {
    return this.run('cannot read the article', async () => {
      const { rows } = await sql<ArticleRow>`SELECT * FROM articles WHERE id = ${id}`.execute(this.db);
      return rows[0] && articleFromRow(rows[0]);
    });
  }

  listArticles(query: ArticleListQuery = {}): Promise<Page<StoredArticle>> {
    return this.run('cannot list articles', async () => {
      const { limit, offset } = pageBounds(query);
      const where: RawBuilder<unknown>[] = [sql`1 = 1`];
      if (query.storyId !== undefined) where.push(sql`a.story_id = ${query.storyId}`);
      if (query.feedId !== undefined) where.push(sql`a.feed_id = ${query.feedId}`);
      if (query.search !== undefined) {
        const words = searchWords(query.search);
        if (words.length === 0) return { items: [], total: 0, limit, offset };
        where.push(this.dialect.matches(words));
      }
      const clause = sql.join(where, sql` AND `);
      const total = await sql<{ n: unknown }>`SELECT count(*) AS n FROM articles a WHERE ${clause}`.execute(
        this.db,
      );
      const { rows } = await sql<ArticleRow>`SELECT a.* FROM articles a WHERE ${clause}
        ORDER BY a.seq DESC LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
      return { items: rows.map(articleFromRow), total: count(total.rows[0]?.n), limit, offset };
    });
  }

  articlesAfter(afterSeq: number, limit: number): Promise<StoredArticle[]> {
    return this.run('cannot read articles', async () => {
      const { rows } = await sql<ArticleRow>`SELECT * FROM articles WHERE seq > ${afterSeq}
        ORDER BY seq LIMIT ${limit}`.execute(this.db);
      return rows.map(articleFromRow);
    });
  }

  listStories(query: StoryListQuery = {}): Promise<Page<StoryListItem>> {
    return this.run('cannot list stories', async () => {
      const { limit, offset } = pageBounds(query);
      const where: RawBuilder<unknown>[] = [sql`s.article_count > 0`];
      if (query.since !== undefined) where.push(sql`s.last_at >= ${new Date(query.since).toISOString()}`);
      if (query.until !== undefined) where.push(sql`s.last_at < ${new Date(query.until).toISOString()}`);
      if (query.search !== undefined) {
        const words = searchWords(query.search);
        if (words.length === 0) return { items: [], total: 0, limit, offset };
        where.push(sql`s.id IN (SELECT a.story_id FROM articles a WHERE ${this.dialect.matches(words)})`);
      }
      where.push(...readerFilters(query));
      const clause = sql.join(where, sql` AND `);
      const order =
        query.order === 'biggest'
          ? sql`s.source_count DESC, s.last_at DESC, s.id`
          : query.order === 'updated'
            ? sql`s.updated_at DESC, s.id`
            : sql`s.last_at DESC, s.source_count DESC, s.id`;
      const total = await sql<{ n: unknown }>`SELECT count(*) AS n FROM stories s WHERE ${clause}`.execute(
        this.db,
      );
      const { rows } = await sql<StoryRow>`SELECT s.id, s.title, s.created_at, s.updated_at, s.version,
          s.article_count, s.source_count, s.sources, s.first_at, s.last_at, s.lead
        FROM stories s WHERE ${clause} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
      return { items: rows.map(storyItem), total: count(total.rows[0]?.n), limit, offset };
    });
  }

  getStory(id: string): Promise<StoredStory | undefined> {
    return this.run('cannot read the story', async () => {
      const row = (await sql<StoryRow>`SELECT * FROM stories WHERE id = ${id}`.execute(this.db)).rows[0];
      if (!row) return undefined;
      const articles = await sql<ArticleRow>`SELECT * FROM articles WHERE story_id = ${id}
        ORDER BY seq`.execute(this.db);
      const report =
        typeof row.report === 'string' ? (JSON.parse(row.report) as StoryReport) : (row.report ?? undefined);
      return Object.freeze({
        id: row.id,
        ...(row.title !== null && { title: row.title }),
        createdAt: iso(row.created_at),
        updatedAt: iso(row.updated_at),
        version: count(row.version),
        articles: articles.rows.map(articleFromRow),
        ...(report && { report, reportVersion: count(row.report_version) }),
      });
    });
  }

  staleStories(limit: number): Promise<string[]> {
    return this.run('cannot list stale stories', async () => {
      const { rows } = await sql<{ id: string }>`SELECT id FROM stories WHERE ${sql.raw(STALE_STORY)}
        ORDER BY updated_at, id LIMIT ${limit}`.execute(this.db);
      return rows.map((r) => r.id);
    });
  }

  putReport(storyId: string, version: number, report: StoryReport): Promise<boolean> {
    return this.run('cannot save the report', async () => {
      return this.transaction(async (c) => {
        const result = await sql`UPDATE stories SET report = ${JSON.stringify(report)},
            report_version = ${version}, lead = ${reportLead(report) ?? null},
            title = coalesce(${report.story.title ?? null}, title)
          WHERE id = ${storyId} AND version = ${version}`.execute(c);
        const saved = Number(result.numAffectedRows ?? 0) === 1;
        if (saved) await recordReportKeys(c, storyId, report, new Date().toISOString());
        return saved;
      });
    });
  }

  storyMovedTo(id: string): Promise<string | undefined> {
    return this.run('cannot look up the story', () => storyMovedTo(this.db, id));
  }

  reportKeysFirstSeen(storyId: string): Promise<Map<string, string>> {
    return this.run('cannot read the story', () => firstSeenKeys(this.db, storyId));
  }

  loadClusterState(name: string): Promise<ClusterSnapshot | undefined> {
    return this.run('cannot read the clusterer state', async () => {
      const { rows } = await sql<ClusterSnapshot>`SELECT name, seq, state FROM cluster_state
        WHERE name = ${name}`.execute(this.db);
      const row = rows[0];
      return row && { name: row.name, seq: Number(row.seq), state: row.state };
    });
  }

  saveClusterState(snapshot: ClusterSnapshot): Promise<void> {
    return this.run('cannot save the clusterer state', () => this.saveSnapshot(this.db, snapshot));
  }

  addFeed(url: string, title?: string): Promise<FeedRecord> {
    return this.run('cannot add the feed', async () => {
      await sql`INSERT INTO feeds (id, url, title, created_at)
        VALUES (${`feed-${randomUUID().slice(0, 8)}`}, ${url}, ${title ?? null}, ${new Date().toISOString()})
        ON CONFLICT (url) DO NOTHING`.execute(this.db);
      const { rows } = await sql<FeedRow>`SELECT * FROM feeds WHERE url = ${url}`.execute(this.db);
      return feedFromRow(rows[0] as FeedRow);
    });
  }

  listFeeds(): Promise<FeedRecord[]> {
    return this.run('cannot list feeds', async () => {
      const { rows } = await sql<FeedRow>`SELECT f.*, ${FEED_ARTICLES} AS article_count FROM feeds f
          ORDER BY ${sql.raw(this.dialect.feedOrder)}`.execute(this.db);
      return rows.map(feedFromRow);
    });
  }

  getFeed(id: string): Promise<FeedRecord | undefined> {
    return this.run('cannot read the feed', async () => {
      const { rows } = await sql<FeedRow>`SELECT f.*, ${FEED_ARTICLES} AS article_count FROM feeds f
        WHERE f.id = ${id}`.execute(this.db);
      return rows[0] && feedFromRow(rows[0]);
    });
  }

  updateFeed(id: string, update: FeedUpdate): Promise<void> {
    return this.run('cannot update the feed', async () => {
      const columns = feedUpdateColumns(update);
      if (columns.length === 0) return;
      const sets = sql.join(columns.map(([column, value]) => sql`${sql.ref(column)} = ${value}`));
      await sql`UPDATE feeds SET ${sets} WHERE id = ${id}`.execute(this.db);
    });
  }

  removeFeed(id: string): Promise<boolean> {
    return this.run('cannot remove the feed', async () => {
      const result = await sql`DELETE FROM feeds WHERE id = ${id}`.execute(this.db);
      return Number(result.numAffectedRows ?? 0) === 1;
    });
  }

  stats(): Promise<StoreStats> {
    return this.run('cannot count', async () => {
      const { rows } = await sql<Record<string, unknown>>`SELECT
          (SELECT count(*) FROM articles) AS articles,
          (SELECT count(*) FROM stories WHERE article_count > 0) AS stories,
          (SELECT count(*) FROM feeds) AS feeds,
          (SELECT count(*) FROM stories WHERE ${sql.raw(STALE_STORY)}) AS stale`.execute(this.db);
      const r = rows[0] ?? {};
      return {
        articles: count(r.articles),
        stories: count(r.stories),
        feeds: count(r.feeds),
        staleReports: count(r.stale),
      };
    });
  }

  close(): Promise<void> {
    return this.dialect.close();
  }
}
