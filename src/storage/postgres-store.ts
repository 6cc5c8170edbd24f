/**
 * The PostgreSQL store (`pg`), chosen by a `postgres://` DATABASE_URL. Same contract as SqliteStore:
 * one transaction per batch, idempotent on content hash + URL; full-text search by a generated tsvector
 * column with a GIN index.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ChorusError } from '../core/errors.js';
import type { StoryReport } from '../core/model.js';
import { POSTGRES_MIGRATIONS } from './migrations/postgres.js';
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

// COUNT(*) and BIGSERIAL come back as strings by default; these stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

type Queryable = Pick<pg.PoolClient, 'query'>;

export interface PostgresOptions {
  readonly connectionString: string;
  /** Schema to work in (created if missing); tests use one per run. Default: the server's search_path. */
  readonly schema?: string;
  /** Pool size (default 10). */
  readonly max?: number;
}

/** Adds `value` to `params` and names it `$n`: placeholders numbered where the value is given. */
function placeholder(params: unknown[]): (value: unknown) => string {
  return (value) => `$${params.push(value)}`;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  /** Connects, creates the schema when asked, and applies pending migrations. */
  static async open(options: PostgresOptions): Promise<PostgresStore> {
    const schema = options.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new ChorusError(
        'usage',
        `expected a schema name of lowercase letters, digits and _, found "${schema}"`,
      );
    }
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      ...(schema !== undefined && { options: `-c search_path=${schema}` }),
    });
    // An idle client that loses its server must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    const store = new PostgresStore(pool);
    try {
      if (schema !== undefined) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await store.migrate();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw storageError(`cannot open the PostgreSQL database`, error);
    }
    return store;
  }

  private async migrate(): Promise<void> {
    await this.transaction(async (c) => {
      // One migrator at a time, even when two processes open the same database together.
      await c.query('SELECT pg_advisory_xact_lock(4242001)');
      await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
      const { rows } = await c.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((r) => r.version));
      for (const m of POSTGRES_MIGRATIONS) {
        if (applied.has(m.version)) continue;
        await c.query(m.sql);
        await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [
          m.version,
          m.name,
        ]);
      }
    });
  }

  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw error instanceof ChorusError ? error : storageError(what, error);
    }
  }

  writeBatch(batch: BatchWrite): Promise<ArticleWriteOutcome[]> {
    return this.run('cannot write the batch', () => this.transaction((c) => this.writeIn(c, batch)));
  }

  private async writeIn(c: Queryable, batch: BatchWrite): Promise<ArticleWriteOutcome[]> {
    if (batch.lastSeq !== undefined) {
      // Writers take turns, so `seq` follows commit order and the check below cannot race another batch.
      await c.query('SELECT pg_advisory_xact_lock(4242002)');
      const later = await c.query('SELECT 1 FROM articles WHERE seq > $1 LIMIT 1', [batch.lastSeq]);
      if (later.rowCount) throw new WriteConflict(batch.lastSeq);
    }
    const now = new Date().toISOString();
    const touched = new Set<string>();
    for (const s of batch.stories) {
      await c.query(
        `INSERT INTO stories (id, title, created_at, updated_at) VALUES ($1, $2, $3, $3)
         ON CONFLICT (id) DO UPDATE SET title = coalesce(excluded.title, stories.title)`,
        [s.id, s.title ?? null, now],
      );
    }
    const merged = mergeTargets(batch);
    for (const m of batch.merges ?? []) {
      if (m.from === m.into) continue;
      await c.query('UPDATE articles SET story_id = $1 WHERE story_id = $2', [m.into, m.from]);
      await c.query('DELETE FROM stories WHERE id = $1', [m.from]);
      touched.delete(m.from);
      touched.add(m.into);
    }
    const outcomes: ArticleWriteOutcome[] = [];
    for (const w of batch.articles) {
      const a = w.article;
      const urlKey = a.url ?? '';
      const storyId = merged(w.storyId);
      // One round trip in the common case: insert unless any unique key is taken, then find out which.
      let id = a.id;
      let prior: { id: string; story_id: string | null } | undefined;
      let seq = 0;
      for (let n = 2; ; n++) {
        const inserted = await c.query<{ seq: string }>(
          `INSERT INTO articles (id, content_hash, url_key, story_id, source, url, title, byline, date, text,
             language, warnings, duplicate_of, duplicate_similarity, feed_id, ingested_at, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
           ON CONFLICT DO NOTHING RETURNING seq`,
          [
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
          ],
        );
        if (inserted.rowCount) {
          seq = Number(inserted.rows[0]?.seq);
          break;
        }
        const found = await c.query<{ id: string; story_id: string | null }>(
          'SELECT id, story_id FROM articles WHERE content_hash = $1 AND url_key = $2',
          [w.contentHash, urlKey],
        );
        prior = found.rows[0];
        if (prior) break;
        id = articleIdCandidate(a.id, w.contentHash, n);
      }
      if (prior) {
        outcomes.push({ status: 'duplicate', id: prior.id, storyId: prior.story_id });
        continue;
      }
      touched.add(storyId);
      outcomes.push({ status: 'inserted', id, storyId, seq });
    }
    for (const id of touched) {
      await c.query(
        `UPDATE stories s SET
           article_count = agg.n, source_count = agg.sources, sources = agg.names,
           first_at = agg.first_at, last_at = agg.last_at, updated_at = $2, version = s.version + 1,
           -- A story opened by an untitled article takes the first title that arrives. The span comes
           -- from the articles' own dates; ingest times stand in only when none has one.
           title = coalesce(s.title, (SELECT title FROM articles WHERE story_id = $1 AND title IS NOT NULL
                                      ORDER BY seq LIMIT 1))
         FROM (SELECT count(*) AS n, count(DISTINCT source) AS sources, coalesce(min(at) FILTER (WHERE date IS NOT NULL), min(at)) AS first_at,
                      coalesce(max(at) FILTER (WHERE date IS NOT NULL), max(at)) AS last_at,
                      coalesce((SELECT jsonb_agg(DISTINCT source ORDER BY source) FROM articles WHERE story_id = $1), '[]') AS names
               FROM articles WHERE story_id = $1) agg
         WHERE s.id = $1`,
        [id, now],
      );
    }
    for (const s of batch.stories) {
      await c.query(
        'DELETE FROM stories WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = $1)',
        [s.id],
      );
    }
    if (batch.clusterState) {
      const { rows } = await c.query<{ seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM articles');
      await this.saveSnapshotIn(c, { ...batch.clusterState, seq: Number(rows[0]?.seq ?? 0) });
    }
    return outcomes;
  }

  private async saveSnapshotIn(c: Queryable, snapshot: ClusterSnapshot): Promise<void> {
    await c.query(
      `INSERT INTO cluster_state (name, seq, state) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, state = excluded.state`,
      [snapshot.name, snapshot.seq, snapshot.state],
    );
  }

  findExisting(keys: readonly { contentHash: string; url?: string }[]): Promise<Map<string, string>> {
    return this.run('cannot look up articles', async () => {
      const found = new Map<string, string>();
      if (keys.length === 0) return found;
      const { rows } = await this.pool.query<{ id: string; content_hash: string; url_key: string }>(
        `SELECT a.id, a.content_hash, a.url_key FROM articles a
         JOIN unnest($1::text[], $2::text[]) AS k (h, u) ON a.content_hash = k.h AND a.url_key = k.u`,
        [keys.map((k) => k.contentHash), keys.map((k) => k.url ?? '')],
      );
      for (const r of rows) found.set(articleKey(r.content_hash, r.url_key || undefined), r.id);
      return found;
    });
  }

  knownUrls(urls: readonly string[]): Promise<Set<string>> {
    return this.run('cannot look up URLs', async () => {
      if (urls.length === 0) return new Set<string>();
      const { rows } = await this.pool.query<{ url: string }>(
        'SELECT DISTINCT url FROM articles WHERE url = ANY($1::text[])',
        [urls],
      );
      return new Set(rows.map((r) => r.url));
    });
  }

  getArticle(id: string): Promise<StoredArticle | undefined> {
    return this.run('cannot read the article', async () => {
      const { rows } = await this.pool.query<ArticleRow>('SELECT * FROM articles WHERE id = $1', [id]);
      return rows[0] && articleFromRow(rows[0]);
    });
  }

  listArticles(query: ArticleListQuery = {}): Promise<Page<StoredArticle>> {
    return this.run('cannot list articles', async () => {
      const { limit, offset } = pageBounds(query);
      const where: string[] = [];
      const params: unknown[] = [];
      const $ = placeholder(params);
      if (query.storyId !== undefined) where.push(`story_id = ${$(query.storyId)}`);
      if (query.feedId !== undefined) where.push(`feed_id = ${$(query.feedId)}`);
      if (query.search !== undefined) {
        const words = searchWords(query.search);
        if (words.length === 0) return { items: [], total: 0, limit, offset };
        where.push(`search @@ plainto_tsquery('english', ${$(words.join(' '))})`);
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = await this.pool.query<{ n: number }>(
        `SELECT count(*) AS n FROM articles ${clause}`,
        params,
      );
      const { rows } = await this.pool.query<ArticleRow>(
        `SELECT * FROM articles ${clause} ORDER BY seq DESC LIMIT ${limit} OFFSET ${offset}`,
        params,
      );
      return { items: rows.map(articleFromRow), total: Number(total.rows[0]?.n ?? 0), limit, offset };
    });
  }

  articlesAfter(afterSeq: number, limit: number): Promise<StoredArticle[]> {
    return this.run('cannot read articles', async () => {
      const { rows } = await this.pool.query<ArticleRow>(
        'SELECT * FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2',
        [afterSeq, limit],
      );
      return rows.map(articleFromRow);
    });
  }

  listStories(query: StoryListQuery = {}): Promise<Page<StoryListItem>> {
    return this.run('cannot list stories', async () => {
      const { limit, offset } = pageBounds(query);
      const where: string[] = ['s.article_count > 0'];
      const params: unknown[] = [];
      const $ = placeholder(params);
      if (query.since !== undefined) where.push(`s.last_at >= ${$(new Date(query.since).toISOString())}`);
      if (query.until !== undefined) where.push(`s.last_at < ${$(new Date(query.until).toISOString())}`);
      if (query.search !== undefined) {
        const words = searchWords(query.search);
        if (words.length === 0) return { items: [], total: 0, limit, offset };
        where.push(
          `s.id IN (SELECT story_id FROM articles WHERE search @@ plainto_tsquery('english', ${$(words.join(' '))}))`,
        );
      }
      const clause = `WHERE ${where.join(' AND ')}`;
      const order =
        query.order === 'biggest'
          ? 's.source_count DESC, s.last_at DESC, s.id'
          : 's.last_at DESC, s.source_count DESC, s.id';
      const total = await this.pool.query<{ n: number }>(
        `SELECT count(*) AS n FROM stories s ${clause}`,
        params,
      );
      const { rows } = await this.pool.query<StoryRow>(
        `SELECT s.id, s.title, s.created_at, s.updated_at, s.version, s.article_count, s.source_count,
                s.sources, s.first_at, s.last_at, s.lead
         FROM stories s ${clause} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
        params,
      );
      return { items: rows.map(storyItem), total: Number(total.rows[0]?.n ?? 0), limit, offset };
    });
  }

  getStory(id: string): Promise<StoredStory | undefined> {
    return this.run('cannot read the story', async () => {
      const { rows } = await this.pool.query<StoryRow>('SELECT * FROM stories WHERE id = $1', [id]);
      const row = rows[0];
      if (!row) return undefined;
      const articles = await this.pool.query<ArticleRow>(
        'SELECT * FROM articles WHERE story_id = $1 ORDER BY seq',
        [id],
      );
      const report = row.report && typeof row.report === 'object' ? row.report : undefined;
      return Object.freeze({
        id: row.id,
        ...(row.title !== null && { title: row.title }),
        createdAt: iso(row.created_at),
        updatedAt: iso(row.updated_at),
        version: row.version,
        articles: articles.rows.map(articleFromRow),
        ...(report && { report, reportVersion: row.report_version ?? 0 }),
      });
    });
  }

  staleStories(limit: number): Promise<string[]> {
    return this.run('cannot list stale stories', async () => {
      const { rows } = await this.pool.query<{ id: string }>(
        `SELECT id FROM stories WHERE ${STALE_STORY} ORDER BY updated_at, id LIMIT $1`,
        [limit],
      );
      return rows.map((r) => r.id);
    });
  }

  putReport(storyId: string, version: number, report: StoryReport): Promise<boolean> {
    return this.run('cannot save the report', async () => {
      const result = await this.pool.query(
        `UPDATE stories SET report = $1, report_version = $2, lead = $3, title = coalesce($5, title)
          WHERE id = $4 AND version = $2`,
        [JSON.stringify(report), version, reportLead(report) ?? null, storyId, report.story.title ?? null],
      );
      return result.rowCount === 1;
    });
  }

  loadClusterState(name: string): Promise<ClusterSnapshot | undefined> {
    return this.run('cannot read the clusterer state', async () => {
      const { rows } = await this.pool.query<ClusterSnapshot>(
        'SELECT name, seq, state FROM cluster_state WHERE name = $1',
        [name],
      );
      const row = rows[0];
      return row && { name: row.name, seq: Number(row.seq), state: row.state };
    });
  }

  saveClusterState(snapshot: ClusterSnapshot): Promise<void> {
    return this.run('cannot save the clusterer state', () => this.saveSnapshotIn(this.pool, snapshot));
  }

  addFeed(url: string, title?: string): Promise<FeedRecord> {
    return this.run('cannot add the feed', async () => {
      await this.pool.query(
        'INSERT INTO feeds (id, url, title, created_at) VALUES ($1, $2, $3, now()) ON CONFLICT (url) DO NOTHING',
        [`feed-${randomUUID().slice(0, 8)}`, url, title ?? null],
      );
      const { rows } = await this.pool.query<FeedRow>('SELECT * FROM feeds WHERE url = $1', [url]);
      return feedFromRow(rows[0] as FeedRow);
    });
  }

  listFeeds(): Promise<FeedRecord[]> {
    return this.run('cannot list feeds', async () => {
      const { rows } = await this.pool.query<FeedRow>('SELECT * FROM feeds ORDER BY n');
      return rows.map(feedFromRow);
    });
  }

  getFeed(id: string): Promise<FeedRecord | undefined> {
    return this.run('cannot read the feed', async () => {
      const { rows } = await this.pool.query<FeedRow>('SELECT * FROM feeds WHERE id = $1', [id]);
      return rows[0] && feedFromRow(rows[0]);
    });
  }

  updateFeed(id: string, update: FeedUpdate): Promise<void> {
    return this.run('cannot update the feed', async () => {
      const columns = feedUpdateColumns(update);
      if (columns.length === 0) return;
      const sets = columns.map(([c], i) => `${c} = $${i + 1}`).join(', ');
      await this.pool.query(`UPDATE feeds SET ${sets} WHERE id = $${columns.length + 1}`, [
        ...columns.map(([, v]) => v),
        id,
      ]);
    });
  }

  removeFeed(id: string): Promise<boolean> {
    return this.run('cannot remove the feed', async () => {
      const result = await this.pool.query('DELETE FROM feeds WHERE id = $1', [id]);
      return result.rowCount === 1;
    });
  }

  stats(): Promise<StoreStats> {
    return this.run('cannot count', async () => {
      const { rows } = await this.pool.query<Record<string, number>>(
        `SELECT (SELECT count(*) FROM articles) AS articles,
                (SELECT count(*) FROM stories WHERE article_count > 0) AS stories,
                (SELECT count(*) FROM feeds) AS feeds,
                (SELECT count(*) FROM stories WHERE ${STALE_STORY}) AS stale`,
      );
      const r = rows[0] ?? {};
      return {
        articles: Number(r.articles ?? 0),
        stories: Number(r.stories ?? 0),
        feeds: Number(r.feeds ?? 0),
        staleReports: Number(r.stale ?? 0),
      };
    });
  }

  /** Drops the schema this store works in (tests clean up with it); refuses without a schema. */
  static async dropSchema(connectionString: string, schema: string): Promise<void> {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
      throw new ChorusError('usage', `bad schema name "${schema}"`);
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
