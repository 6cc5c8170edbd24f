/**
 * The one Store: every method written once over Kysely, for SQLite and PostgreSQL alike. What truly
 * differs between the databases (opening and migrating, the write lock, full-text search, the feed
 * order) is a `StoreDialect` in `dialects/`. Kysely's `sql` template numbers placeholders for each
 * database, so no query is written twice.
 */
import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { isHeadlineOnly } from '../core/article.js';
import { ChorusError } from '../core/errors.js';
import type { StoryReport } from '../core/model.js';
import {
  articleFromRow,
  articleTime,
  column,
  feedFromRow,
  record,
  searchWords,
  STALE_STORY,
} from './rows.js';
import { storageError, storyItem } from './rows.js';
import { query, type Db, type Row } from './query.js';
import { firstSeenKeys, readerFilters, recordMerge, recordReportKeys, storyMovedTo } from './story-life.js';
import {
  articleIdCandidate,
  articleKey,
  WriteConflict,
  type ArticleListQuery,
  type ArticleWrite,
  type ArticleWriteOutcome,
  type BatchWrite,
  type ClusterSnapshot,
  type FeedUpdate,
  type PageQuery,
  type Store,
  type StoredArticle,
  type StoredStory,
  type StoryStamp,
  type StoreStats,
  type StoryListQuery,
} from './store.js';

export type { Db } from './query.js';

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
  /** The distinct outlets of the story `stories.id` as a JSON array in name order (JSON differs). */
  readonly storySources: string;
  close(): Promise<void>;
}

/** Values per statement when a list of keys is looked up (well under SQLite's parameter limit). */
const CHUNK = 500;
/** Articles per multi-row insert (17 values each, under SQLite's 32,766 parameters). */
const ROWS = 500;
const ARTICLE_COLUMNS = sql.raw(`(id, content_hash, url_key, story_id, source, url, title, byline, date, text,
  language, warnings, duplicate_of, duplicate_similarity, feed_id, ingested_at, at)`);
const PAGE = Object.freeze({ limit: 20, maxLimit: 200 });
const FEED_FIELDS = ['title', 'etag', 'lastModified', 'lastPolledAt', 'lastError', 'pausedAt'] as const;

/** A feed row with the count of articles stored from it (by the `articles_feed` index). */
const FEED_ROW = sql`f.*, (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) AS article_count`;

/**
 * Where a story id ends up after the batch's merges (followed transitively: a→b, b→c sends a to c),
 * so that articles assigned to a story merged away in the same batch land in the surviving one.
 */
function mergeTargets(batch: BatchWrite): (storyId: string) => string {
  const into = new Map<string, string>();
  for (const m of batch.merges ?? []) if (m.from !== m.into) into.set(m.from, m.into);
  return (storyId) => {
    let id = storyId;
    for (let hops = 0; into.has(id) && hops <= into.size; hops++) id = into.get(id) ?? id;
    return id;
  };
}

export class SqlStore implements Store {
  readonly kind: 'sqlite' | 'postgres';
  private readonly db: Db;
  private readonly q: ReturnType<typeof query>;

  constructor(private readonly dialect: StoreDialect) {
    this.kind = dialect.kind;
    this.db = dialect.db;
    this.q = query(dialect.db);
  }

  /** Rows of `query(list)` for each list of `CHUNK` of `keys` (deduplicated), as SQL values. */
  private async inChunks(keys: readonly string[], query: (list: RawBuilder<unknown>) => Promise<Row[]>) {
    const unique = [...new Set(keys)];
    const out: Row[] = [];
    for (let i = 0; i < unique.length; i += CHUNK)
      out.push(...(await query(sql.join(unique.slice(i, i + CHUNK)))));
    return out;
  }

  /** `work` in one transaction on one connection, begun the dialect's way (SQLite: IMMEDIATE). */
  private async transaction<T>(what: string, work: (c: Db) => Promise<T>): Promise<T> {
    try {
      return await this.db.connection().execute(async (conn) => {
        await sql.raw(this.dialect.begin).execute(conn);
        try {
          const out = await work(conn);
          await sql`COMMIT`.execute(conn);
          return out;
        } catch (error) {
          await sql`ROLLBACK`.execute(conn).catch(() => undefined);
          throw error;
        }
      });
    } catch (error) {
      throw error instanceof ChorusError ? error : storageError(what, error);
    }
  }

  writeBatch(batch: BatchWrite): Promise<ArticleWriteOutcome[]> {
    return this.transaction('cannot write the batch', (c) => this.writeIn(c, batch));
  }

  private async writeIn(c: Db, batch: BatchWrite): Promise<ArticleWriteOutcome[]> {
    const q = query(c);
    if (batch.lastSeq !== undefined) {
      // Another writer stored articles after this batch was grouped: the caller groups it again.
      await this.dialect.lockWriters(c);
      const later = await q`SELECT 1 AS x FROM articles WHERE seq > ${batch.lastSeq} LIMIT 1`;
      if (later.length > 0) throw new WriteConflict(batch.lastSeq);
    }
    const now = new Date().toISOString();
    const touched = new Set<string>();
    // One statement for the batch's stories (a later title of one id wins, as one insert each would).
    const stories = new Map<string, string | null>();
    for (const s of batch.stories) stories.set(s.id, s.title ?? stories.get(s.id) ?? null);
    if (stories.size > 0) {
      const values = [...stories].map(([id, title]) => sql`(${id}, ${title}, ${now}, ${now})`);
      await q`INSERT INTO stories (id, title, created_at, updated_at) VALUES ${sql.join(values)}
        ON CONFLICT (id) DO UPDATE SET title = coalesce(excluded.title, stories.title)`;
    }
    const merged = mergeTargets(batch);
    for (const m of batch.merges ?? []) {
      if (m.from === m.into) continue;
      await q`UPDATE articles SET story_id = ${m.into} WHERE story_id = ${m.from}`;
      await q`DELETE FROM stories WHERE id = ${m.from}`;
      await recordMerge(c, m.from, m.into, now);
      touched.add(m.into);
    }
    const row = (w: ArticleWrite, id: string) => {
      const a = w.article;
      return sql`(${id}, ${w.contentHash}, ${a.url ?? ''}, ${merged(w.storyId)}, ${a.source}, ${a.url ?? null},
        ${a.title ?? null}, ${a.byline ?? null}, ${a.date ?? null}, ${a.text}, ${a.language ?? null},
        ${JSON.stringify(a.warnings)}, ${w.duplicateOf ?? null}, ${w.duplicateSimilarity ?? null},
        ${w.feedId ?? null}, ${now}, ${articleTime(a, now)})`;
    };
    // The batch's new articles in one statement per ROWS; one a unique key turned away is retried alone.
    const placed = new Map<string, number>();
    const fresh = batch.articles.filter((w) => w.bodyFor === undefined);
    for (let i = 0; i < fresh.length; i += ROWS) {
      const values = sql.join(fresh.slice(i, i + ROWS).map((w) => row(w, w.article.id)));
      const rows = await q`INSERT INTO articles ${ARTICLE_COLUMNS} VALUES ${values}
        ON CONFLICT DO NOTHING RETURNING id, content_hash, url_key, seq`;
      for (const r of rows) placed.set(`${r.id}\n${r.content_hash}\n${r.url_key}`, Number(r.seq));
    }
    const outcomes: ArticleWriteOutcome[] = [];
    for (const w of batch.articles) {
      const a = w.article;
      const urlKey = a.url ?? '';
      if (w.bodyFor !== undefined) {
        // A body for a headline-only article: the same row gets it, keeping its id, seq and story.
        const [row] = await q`UPDATE articles SET text = ${a.text}, content_hash = ${w.contentHash},
            warnings = ${JSON.stringify(a.warnings)}, title = coalesce(${a.title ?? null}, title),
            byline = coalesce(${a.byline ?? null}, byline), date = coalesce(${a.date ?? null}, date),
            at = coalesce(${a.date ? articleTime(a, now) : null}, at), language = coalesce(${a.language ?? null}, language),
            url = coalesce(url, ${a.url ?? null}), url_key = coalesce(url, ${a.url ?? null}, '')
          WHERE id = ${w.bodyFor} RETURNING story_id`;
        const storyId = (row?.story_id as string | null) ?? null;
        outcomes.push({ status: 'updated', id: w.bodyFor, storyId });
        if (storyId) touched.add(storyId);
        continue;
      }
      const storyId = merged(w.storyId);
      // Taken once: a second copy of the same article in the batch is a duplicate of the first.
      const key = `${a.id}\n${w.contentHash}\n${urlKey}`;
      const seq = placed.get(key);
      placed.delete(key);
      let outcome: ArticleWriteOutcome | undefined =
        seq === undefined ? undefined : { status: 'inserted', id: a.id, storyId, seq };
      for (let n = 1; outcome === undefined; n++) {
        const id = articleIdCandidate(a.id, w.contentHash, n);
        const [inserted] = await q`INSERT INTO articles ${ARTICLE_COLUMNS} VALUES ${row(w, id)}
          ON CONFLICT DO NOTHING RETURNING seq`;
        if (inserted) {
          outcome = { status: 'inserted', id, storyId, seq: Number(inserted.seq) };
          break;
        }
        const [found] =
          await q`SELECT id, story_id FROM articles WHERE content_hash = ${w.contentHash} AND url_key = ${urlKey}`;
        if (found)
          outcome = { status: 'duplicate', id: `${found.id}`, storyId: found.story_id as string | null };
        // Else the id is another article's: the next candidate.
      }
      if (outcome.status === 'inserted') touched.add(storyId);
      outcomes.push(outcome);
    }
    await this.refreshStories(c, [...touched], now);
    // A story named by the batch that ended with no article (all were duplicates) is not kept.
    if (stories.size > 0)
      await q`DELETE FROM stories WHERE id IN (${sql.join([...stories.keys()])})
        AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = stories.id)`;
    if (batch.clusterState) {
      const [max] = await q`SELECT coalesce(max(seq), 0) AS seq FROM articles`;
      await this.saveSnapshot(c, { ...batch.clusterState, seq: Number(max?.seq) });
    }
    return outcomes;
  }

  /**
   * Recounts stories after their articles changed, and bumps their versions (their reports are then
   * stale), in one statement per `CHUNK` stories: one statement per story was most of the statements of
   * a PostgreSQL batch of headlines, each a round trip. The counts and the span are one aggregate over
   * the story's articles (a row-value assignment): a subquery each read a story of hundreds of
   * headlines six times over for every batch that touched it.
   */
  private async refreshStories(c: Db, ids: readonly string[], now: string): Promise<void> {
    const q = query(c);
    // The span a reader sees comes from the dates the articles state; ingest times only stand in when
    // no article of the story has a date (an undated page must not stretch it to today). A story opened
    // by an untitled article takes the first title that arrives.
    await this.inChunks(
      ids,
      (list) => q`UPDATE stories SET
          (article_count, source_count, first_at, last_at) = (SELECT count(*), count(DISTINCT source),
            coalesce(min(CASE WHEN date IS NOT NULL THEN at END), min(at)),
            coalesce(max(CASE WHEN date IS NOT NULL THEN at END), max(at))
            FROM articles WHERE story_id = stories.id),
          sources = ${sql.raw(this.dialect.storySources)},
          updated_at = ${now},
          version = version + 1,
          title = coalesce(title, (SELECT title FROM articles WHERE story_id = stories.id
            AND title IS NOT NULL ORDER BY seq LIMIT 1))
        WHERE id IN (${list})`,
    );
  }

  private async saveSnapshot(c: Db, snapshot: ClusterSnapshot): Promise<void> {
    await query(c)`INSERT INTO cluster_state (name, seq, state)
      VALUES (${snapshot.name}, ${snapshot.seq}, ${snapshot.state})
      ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, state = excluded.state`;
  }

  async findExisting(keys: readonly { contentHash: string; url?: string }[]) {
    const wanted = new Set(keys.map((k) => articleKey(k.contentHash, k.url)));
    const found = new Map<string, string>();
    const rows = await this.inChunks(
      keys.map((k) => k.contentHash),
      (list) => this.q`SELECT id, content_hash, url_key FROM articles WHERE content_hash IN (${list})`,
    );
    for (const r of rows) {
      const key = articleKey(r.content_hash as string, (r.url_key as string) || undefined);
      if (wanted.has(key)) found.set(key, r.id as string);
    }
    return found;
  }

  async awaitingBody(keys: readonly string[]): Promise<StoredArticle[]> {
    const rows = await this.inChunks(
      keys,
      (list) => this.q`SELECT * FROM articles WHERE url IN (${list}) OR id IN (${list}) ORDER BY seq`,
    );
    return rows.map(articleFromRow).filter(isHeadlineOnly);
  }

  async takenIds(ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.inChunks(ids, (list) => this.q`SELECT id FROM articles WHERE id IN (${list})`);
    return new Set(rows.map((r) => r.id as string));
  }

  async knownUrls(urls: readonly string[]): Promise<Set<string>> {
    const rows = await this.inChunks(
      urls,
      (list) => this.q`SELECT DISTINCT url FROM articles WHERE url IN (${list})`,
    );
    return new Set(rows.map((r) => r.url as string));
  }

  async getArticle(id: string) {
    const [row] = await this.q`SELECT * FROM articles WHERE id = ${id}`;
    return row && articleFromRow(row);
  }

  /**
   * One page of `table` (articles `a` or stories `s`) under the conditions `where` and the query's
   * search, with the total it pages through. Paging numbers are clamped to sane bounds here, once.
   */
  private async page<T>(
    table: 'a' | 's',
    q: PageQuery,
    where: RawBuilder<unknown>[],
    order: string,
    map: (row: Row) => T,
  ) {
    const limit = Math.min(PAGE.maxLimit, Math.max(1, Math.floor(q.limit ?? PAGE.limit)));
    const offset = Math.max(0, Math.floor(q.offset ?? 0));
    if (q.search !== undefined) {
      const words = searchWords(q.search);
      if (words.length === 0) return { items: [], total: 0, limit, offset };
      const matches = this.dialect.matches(words);
      where.push(table === 'a' ? matches : sql`s.id IN (SELECT a.story_id FROM articles a WHERE ${matches})`);
    }
    const from = sql.raw(table === 'a' ? 'articles a' : 'stories s');
    const clause = sql.join([sql`1 = 1`, ...where], sql` AND `);
    const [total] = await this.q`SELECT count(*) AS n FROM ${from} WHERE ${clause}`;
    const rows = await this
      .q`SELECT ${sql.raw(table)}.* FROM ${from} WHERE ${clause} ORDER BY ${sql.raw(order)} LIMIT ${limit} OFFSET ${offset}`;
    return { items: rows.map(map), total: Number(total?.n ?? 0), limit, offset };
  }

  listArticles(q: ArticleListQuery = {}) {
    const where: RawBuilder<unknown>[] = [];
    if (q.storyId !== undefined) where.push(sql`a.story_id = ${q.storyId}`);
    if (q.feedId !== undefined) where.push(sql`a.feed_id = ${q.feedId}`);
    return this.page('a', q, where, 'a.seq DESC', articleFromRow);
  }

  async articlesAfter(afterSeq: number, limit: number) {
    const rows = await this.q`SELECT * FROM articles WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`;
    return rows.map(articleFromRow);
  }

  listStories(q: StoryListQuery = {}) {
    const where: RawBuilder<unknown>[] = [sql`s.article_count > 0`];
    if (q.since !== undefined) where.push(sql`s.last_at >= ${new Date(q.since).toISOString()}`);
    if (q.until !== undefined) where.push(sql`s.last_at < ${new Date(q.until).toISOString()}`);
    where.push(...readerFilters(q));
    const order = {
      biggest: 's.source_count DESC, s.last_at DESC, s.id',
      updated: 's.updated_at DESC, s.id',
      newest: 's.last_at DESC, s.source_count DESC, s.id',
    }[q.order ?? 'newest'];
    return this.page('s', q, where, order, storyItem);
  }

  async getStory(id: string): Promise<StoredStory | undefined> {
    const [row] = await this.q`SELECT * FROM stories WHERE id = ${id}`;
    if (!row) return undefined;
    const articles = await this.q`SELECT * FROM articles WHERE story_id = ${id} ORDER BY seq`;
    const story = record<StoredStory>(row, ['id', 'title', 'created_at', 'updated_at', 'version']);
    const report = record<{ report?: StoryReport }>(row, ['report', 'report_version', 'report_at']);
    return Object.freeze({ ...story, articles: articles.map(articleFromRow), ...(report.report && report) });
  }

  async storyStamp(id: string) {
    const [row] = await this
      .q`SELECT version, report_version, report_at, updated_at FROM stories WHERE id = ${id}`;
    return row && record<StoryStamp>(row, ['version', 'report_version', 'report_at', 'updated_at']);
  }

  async staleStories(limit: number, options: { builtBefore?: string } = {}) {
    const settled =
      options.builtBefore === undefined
        ? sql``
        : sql` AND (report_at IS NULL OR report_at <= ${new Date(options.builtBefore).toISOString()})`;
    const rows = await this
      .q`SELECT id FROM stories WHERE ${sql.raw(STALE_STORY)}${settled} ORDER BY updated_at, id LIMIT ${limit}`;
    return rows.map((r) => r.id as string);
  }

  putReport(storyId: string, version: number, report: StoryReport) {
    const now = new Date().toISOString();
    return this.transaction('cannot save the report', async (c) => {
      const result = await query(c)`UPDATE stories SET report = ${JSON.stringify(report)},
          report_version = ${version}, report_at = ${now}, lead = ${report.summary.sentences[0]?.text ?? null},
          title = coalesce(${report.story.title ?? null}, title)
        WHERE id = ${storyId} AND version = ${version}`;
      if (result.changed === 1) await recordReportKeys(c, storyId, report, now);
      return result.changed === 1;
    });
  }

  storyMovedTo(id: string) {
    return storyMovedTo(this.db, id);
  }

  reportKeysFirstSeen(storyId: string) {
    return firstSeenKeys(this.db, storyId);
  }

  async loadClusterState(name: string) {
    const [row] = await this.q`SELECT name, seq, state FROM cluster_state WHERE name = ${name}`;
    return row && { name: row.name as string, seq: Number(row.seq), state: row.state as string };
  }

  saveClusterState(snapshot: ClusterSnapshot) {
    return this.saveSnapshot(this.db, snapshot);
  }

  async addFeed(url: string, title?: string) {
    await this.q`INSERT INTO feeds (id, url, title, created_at)
      VALUES (${`feed-${randomUUID().slice(0, 8)}`}, ${url}, ${title ?? null}, ${new Date().toISOString()})
      ON CONFLICT (url) DO NOTHING`;
    return feedFromRow((await this.q`SELECT * FROM feeds WHERE url = ${url}`)[0] ?? {});
  }

  async listFeeds() {
    return (await this.q`SELECT ${FEED_ROW} FROM feeds f ORDER BY ${sql.raw(this.dialect.feedOrder)}`).map(
      feedFromRow,
    );
  }

  async getFeed(id: string) {
    const [row] = await this.q`SELECT ${FEED_ROW} FROM feeds f WHERE f.id = ${id}`;
    return row && feedFromRow(row);
  }

  async updateFeed(id: string, update: FeedUpdate) {
    const given = FEED_FIELDS.filter((field) => update[field] !== undefined);
    const sets = given.map((field) => sql`${sql.ref(column(field))} = ${update[field]}`);
    if (sets.length > 0) await this.q`UPDATE feeds SET ${sql.join(sets)} WHERE id = ${id}`;
  }

  async removeFeed(id: string) {
    return (await this.q`DELETE FROM feeds WHERE id = ${id}`).changed === 1;
  }

  async stats(): Promise<StoreStats> {
    const [r] = await this.q`SELECT (SELECT count(*) FROM articles) AS articles,
        (SELECT count(*) FROM stories WHERE article_count > 0) AS stories,
        (SELECT count(*) FROM feeds) AS feeds,
        (SELECT count(*) FROM stories WHERE ${sql.raw(STALE_STORY)}) AS stale`;
    const n = (column: string) => Number(r?.[column] ?? 0);
    return { articles: n('articles'), stories: n('stories'), feeds: n('feeds'), staleReports: n('stale') };
  }

  close(): Promise<void> {
    return this.dialect.close();
  }
}
