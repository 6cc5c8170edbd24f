/**
 * The default store: one SQLite file through better-sqlite3, in WAL mode with foreign keys on, schema by
 * numbered migrations, full-text search by FTS5. better-sqlite3 is synchronous; the async methods only
 * keep the interface the same as PostgreSQL's.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { ChorusError } from '../core/errors.js';
import type { StoryReport } from '../core/model.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite.js';
import {
  articleFromRow,
  articleTime,
  feedFromRow,
  feedUpdateColumns,
  fts5Query,
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

type Db = Database.Database;

function migrate(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  for (const m of SQLITE_MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
  }
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly path: string;
  private readonly db: Db;
  private readonly write: Database.Transaction<(batch: BatchWrite) => ArticleWriteOutcome[]>;

  constructor(path: string) {
    this.path = path;
    try {
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a crash of the process loses nothing committed; only a power cut may lose
      // the last transactions, never consistency.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      migrate(this.db);
    } catch (error) {
      throw storageError(`cannot open the SQLite database ${path}`, error);
    }
    this.write = this.db.transaction((batch: BatchWrite) => this.writeInTransaction(batch));
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared once per SQL text: preparing costs more than running these small statements. */
  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private writeInTransaction(batch: BatchWrite): ArticleWriteOutcome[] {
    if (
      batch.lastSeq !== undefined &&
      this.stmt('SELECT 1 FROM articles WHERE seq > ? LIMIT 1').pluck().get(batch.lastSeq) !== undefined
    )
      throw new WriteConflict(batch.lastSeq);
    const now = new Date().toISOString();
    const touched = new Set<string>();
    const upsertStory = this.stmt(
      `INSERT INTO stories (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET title = coalesce(excluded.title, stories.title)`,
    );
    for (const s of batch.stories) upsertStory.run(s.id, s.title ?? null, now, now);
    const merged = mergeTargets(batch);
    for (const m of batch.merges ?? []) {
      if (m.from === m.into) continue;
      this.stmt('UPDATE articles SET story_id = ? WHERE story_id = ?').run(m.into, m.from);
      this.stmt('DELETE FROM stories WHERE id = ?').run(m.from);
      touched.delete(m.from);
      touched.add(m.into);
    }
    const insert = this.stmt(
      `INSERT INTO articles (id, content_hash, url_key, story_id, source, url, title, byline, date, text,
         language, warnings, duplicate_of, duplicate_similarity, feed_id, ingested_at, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (content_hash, url_key) DO NOTHING`,
    );
    const existing = this.stmt('SELECT id, story_id FROM articles WHERE content_hash = ? AND url_key = ?');
    const idTaken = this.stmt('SELECT 1 FROM articles WHERE id = ?').pluck();
    const outcomes: ArticleWriteOutcome[] = [];
    for (const w of batch.articles) {
      const a = w.article;
      const urlKey = a.url ?? '';
      const found = existing.get(w.contentHash, urlKey) as
        { id: string; story_id: string | null } | undefined;
      if (found) {
        outcomes.push({ status: 'duplicate', id: found.id, storyId: found.story_id });
        continue;
      }
      const storyId = merged(w.storyId);
      let id = a.id;
      for (let n = 2; idTaken.get(id) !== undefined; n++) id = articleIdCandidate(a.id, w.contentHash, n);
      const { lastInsertRowid } = insert.run(
        id,
        w.contentHash,
        urlKey,
        storyId,
        a.source,
        a.url ?? null,
        a.title ?? null,
        a.byline ?? null,
        a.date ?? null,
        a.text,
        a.language ?? null,
        JSON.stringify(a.warnings),
        w.duplicateOf ?? null,
        w.duplicateSimilarity ?? null,
        w.feedId ?? null,
        now,
        articleTime(a, now),
      );
      touched.add(storyId);
      outcomes.push({ status: 'inserted', id, storyId, seq: Number(lastInsertRowid) });
    }
    const sources = this.stmt(
      'SELECT DISTINCT source FROM articles WHERE story_id = ? ORDER BY source',
    ).pluck();
    const refresh = this.stmt(
      `UPDATE stories SET
         article_count = (SELECT count(*) FROM articles WHERE story_id = @id),
         source_count = @sourceCount,
         sources = @sources,
         -- The span a reader sees comes from the dates the articles state; ingest times only stand in
         -- when no article of the story has a date (an undated page must not stretch it to today).
         first_at = coalesce((SELECT min(at) FROM articles WHERE story_id = @id AND date IS NOT NULL),
                             (SELECT min(at) FROM articles WHERE story_id = @id)),
         last_at = coalesce((SELECT max(at) FROM articles WHERE story_id = @id AND date IS NOT NULL),
                            (SELECT max(at) FROM articles WHERE story_id = @id)),
         updated_at = @now,
         version = version + 1,
         -- A story opened by an untitled article takes the first title that arrives.
         title = coalesce(title, (SELECT title FROM articles WHERE story_id = @id AND title IS NOT NULL
                                  ORDER BY seq LIMIT 1))
       WHERE id = @id`,
    );
    for (const id of touched) {
      const names = sources.all(id) as string[];
      refresh.run({ id, sourceCount: names.length, sources: JSON.stringify(names), now });
    }
    // A story named by the batch that ended with no article (all were duplicates) is not kept.
    const dropEmpty = this.stmt(
      'DELETE FROM stories WHERE id = ? AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = ?)',
    );
    for (const s of batch.stories) dropEmpty.run(s.id, s.id);
    if (batch.clusterState) {
      const seq = (this.stmt('SELECT coalesce(max(seq), 0) FROM articles').pluck().get() as number) ?? 0;
      this.saveSnapshot({ ...batch.clusterState, seq });
    }
    return outcomes;
  }

  private saveSnapshot(snapshot: ClusterSnapshot): void {
    this.stmt(
      `INSERT INTO cluster_state (name, seq, state) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, state = excluded.state`,
    ).run(snapshot.name, snapshot.seq, snapshot.state);
  }

  private run<T>(what: string, fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error instanceof ChorusError ? error : storageError(what, error));
    }
  }

  writeBatch(batch: BatchWrite): Promise<ArticleWriteOutcome[]> {
    // IMMEDIATE: the write lock is taken before the first read, so the `lastSeq` check and the writes
    // see the same database even with another process writing (a deferred transaction that read first
    // could not upgrade to a write).
    return this.run('cannot write the batch', () => this.write.immediate(batch));
  }

  findExisting(keys: readonly { contentHash: string; url?: string }[]): Promise<Map<string, string>> {
    return this.run('cannot look up articles', () => {
      const get = this.stmt('SELECT id FROM articles WHERE content_hash = ? AND url_key = ?').pluck();
      const found = new Map<string, string>();
      for (const k of keys) {
        const id = get.get(k.contentHash, k.url ?? '') as string | undefined;
        if (id !== undefined) found.set(articleKey(k.contentHash, k.url), id);
      }
      return found;
    });
  }

  knownUrls(urls: readonly string[]): Promise<Set<string>> {
    return this.run('cannot look up URLs', () => {
      const get = this.stmt('SELECT 1 FROM articles WHERE url = ? LIMIT 1').pluck();
      return new Set(urls.filter((u) => get.get(u) !== undefined));
    });
  }

  getArticle(id: string): Promise<StoredArticle | undefined> {
    return this.run('cannot read the article', () => {
      const row = this.stmt('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
      return row && articleFromRow(row);
    });
  }

  listArticles(query: ArticleListQuery = {}): Promise<Page<StoredArticle>> {
    return this.run('cannot list articles', () => {
      const { limit, offset } = pageBounds(query);
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.storyId !== undefined) {
        where.push('a.story_id = ?');
        params.push(query.storyId);
      }
      if (query.feedId !== undefined) {
        where.push('a.feed_id = ?');
        params.push(query.feedId);
      }
      if (query.search !== undefined) {
        const words = searchWords(query.search);
        if (words.length === 0) return { items: [], total: 0, limit, offset };
        where.push('a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)');
        params.push(fts5Query(words));
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = this.stmt(`SELECT count(*) FROM articles a ${clause}`)
        .pluck()
        .get(...params) as number;
      const rows = this.stmt(`SELECT a.* FROM articles a ${clause} ORDER BY a.seq DESC LIMIT ? OFFSET ?`).all(
        ...params,
        limit,
        offset,
      ) as ArticleRow[];
      return { items: rows.map(articleFromRow), total, limit, offset };
    });
  }

  articlesAfter(afterSeq: number, limit: number): Promise<StoredArticle[]> {
    return this.run('cannot read articles', () =>
      (
        this.stmt('SELECT * FROM articles WHERE seq > ? ORDER BY seq LIMIT ?').all(
          afterSeq,
          limit,
        ) as ArticleRow[]
      ).map(articleFromRow),
    );
  }

  listStories(query: StoryListQuery = {}): Promise<Page<StoryListItem>> {
    return this.run('cannot list stories', () => {
      const { limit, offset } = pageBounds(query);
      const where: string[] = ['s.article_count > 0'];
      const params: unknown[] = [];
      if (query.since !== undefined) {
        where.push('s.last_at >= ?');
        params.push(new Date(query.since).toISOString());
      }
      if (query.until !== undefined) {
        where.push('s.last_at < ?');
        params.push(new Date(query.until).toISOString());
      }
      if (query.search !== undefined) {
        const words = searchWords(query.search);
        if (words.length === 0) return { items: [], total: 0, limit, offset };
        where.push(`s.id IN (SELECT a.story_id FROM articles_fts f JOIN articles a ON a.seq = f.rowid
                    WHERE articles_fts MATCH ?)`);
        params.push(fts5Query(words));
      }
      const clause = `WHERE ${where.join(' AND ')}`;
      const order =
        query.order === 'biggest'
          ? 's.source_count DESC, s.last_at DESC, s.id'
          : 's.last_at DESC, s.source_count DESC, s.id';
      const total = this.stmt(`SELECT count(*) FROM stories s ${clause}`)
        .pluck()
        .get(...params) as number;
      const rows = this.stmt(
        `SELECT s.id, s.title, s.created_at, s.updated_at, s.version, s.article_count, s.source_count,
                  s.sources, s.first_at, s.last_at, s.lead
           FROM stories s ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`,
      ).all(...params, limit, offset) as StoryRow[];
      return { items: rows.map(storyItem), total, limit, offset };
    });
  }

  getStory(id: string): Promise<StoredStory | undefined> {
    return this.run('cannot read the story', () => {
      const row = this.stmt('SELECT * FROM stories WHERE id = ?').get(id) as StoryRow | undefined;
      if (!row) return undefined;
      const articles = (
        this.stmt('SELECT * FROM articles WHERE story_id = ? ORDER BY seq').all(id) as ArticleRow[]
      ).map(articleFromRow);
      const report = typeof row.report === 'string' ? (JSON.parse(row.report) as StoryReport) : undefined;
      return Object.freeze({
        id: row.id,
        ...(row.title !== null && { title: row.title }),
        createdAt: String(row.created_at),
        updatedAt: String(row.updated_at),
        version: row.version,
        articles,
        ...(report && { report, reportVersion: row.report_version ?? 0 }),
      });
    });
  }

  staleStories(limit: number): Promise<string[]> {
    return this.run(
      'cannot list stale stories',
      () =>
        this.stmt(`SELECT id FROM stories WHERE ${STALE_STORY} ORDER BY updated_at, id LIMIT ?`)
          .pluck()
          .all(limit) as string[],
    );
  }

  putReport(storyId: string, version: number, report: StoryReport): Promise<boolean> {
    return this.run('cannot save the report', () => {
      const result = this.stmt(
        `UPDATE stories SET report = ?, report_version = ?, lead = ?, title = coalesce(?, title)
          WHERE id = ? AND version = ?`,
      ).run(
        JSON.stringify(report),
        version,
        reportLead(report) ?? null,
        report.story.title ?? null,
        storyId,
        version,
      );
      return result.changes === 1;
    });
  }

  loadClusterState(name: string): Promise<ClusterSnapshot | undefined> {
    return this.run('cannot read the clusterer state', () => {
      const row = this.stmt('SELECT name, seq, state FROM cluster_state WHERE name = ?').get(name) as
        ClusterSnapshot | undefined;
      return row && { name: row.name, seq: Number(row.seq), state: row.state };
    });
  }

  saveClusterState(snapshot: ClusterSnapshot): Promise<void> {
    return this.run('cannot save the clusterer state', () => this.saveSnapshot(snapshot));
  }

  addFeed(url: string, title?: string): Promise<FeedRecord> {
    return this.run('cannot add the feed', () => {
      this.stmt(
        'INSERT INTO feeds (id, url, title, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (url) DO NOTHING',
      ).run(`feed-${randomUUID().slice(0, 8)}`, url, title ?? null, new Date().toISOString());
      return feedFromRow(this.stmt('SELECT * FROM feeds WHERE url = ?').get(url) as FeedRow);
    });
  }

  listFeeds(): Promise<FeedRecord[]> {
    return this.run('cannot list feeds', () =>
      (this.stmt('SELECT * FROM feeds ORDER BY rowid').all() as FeedRow[]).map(feedFromRow),
    );
  }

  getFeed(id: string): Promise<FeedRecord | undefined> {
    return this.run('cannot read the feed', () => {
      const row = this.stmt('SELECT * FROM feeds WHERE id = ?').get(id) as FeedRow | undefined;
      return row && feedFromRow(row);
    });
  }

  updateFeed(id: string, update: FeedUpdate): Promise<void> {
    return this.run('cannot update the feed', () => {
      const columns = feedUpdateColumns(update);
      if (columns.length === 0) return;
      this.stmt(`UPDATE feeds SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
        ...columns.map(([, v]) => v),
        id,
      );
    });
  }

  removeFeed(id: string): Promise<boolean> {
    return this.run(
      'cannot remove the feed',
      () => this.stmt('DELETE FROM feeds WHERE id = ?').run(id).changes === 1,
    );
  }

  stats(): Promise<StoreStats> {
    return this.run('cannot count', () => {
      const count = (sql: string) => this.stmt(sql).pluck().get() as number;
      return {
        articles: count('SELECT count(*) FROM articles'),
        stories: count('SELECT count(*) FROM stories WHERE article_count > 0'),
        feeds: count('SELECT count(*) FROM feeds'),
        staleReports: count(`SELECT count(*) FROM stories WHERE ${STALE_STORY}`),
      };
    });
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}
