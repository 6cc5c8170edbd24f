/**
 * SQLite through better-sqlite3: one file in WAL mode with foreign keys on, schema by numbered
 * migrations, full-text search by FTS5, and writes that take the lock first (BEGIN IMMEDIATE), so a
 * batch's `lastSeq` check and its writes see the same database even with another process writing.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite.js';
import { storageError } from '../rows.js';
import type { StoreDialect } from '../sql-store.js';

/** The migrations the file has not applied (all of them on a new file). */
function pendingMigrations(db: Database.Database): typeof SQLITE_MIGRATIONS {
  const known = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
    .get();
  if (!known) return SQLITE_MIGRATIONS;
  const applied = db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[];
  return SQLITE_MIGRATIONS.filter((m) => !applied.includes(m.version));
}

/**
 * Applies the migrations not yet applied, all in one BEGIN IMMEDIATE transaction: two processes opening
 * a new file at once (two `chorus ingest` on one store) would otherwise both read "nothing applied"
 * and the second would fail on "table stories already exists". The write lock is taken before the
 * applied versions are read, so the second waits (busy_timeout) and then finds them applied.
 */
function migrate(db: Database.Database): void {
  // A store already up to date takes no write lock: opening it must not wait behind a long batch.
  if (pendingMigrations(db).length === 0) return;
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    for (const m of pendingMigrations(db)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    }
  }).immediate();
}

/**
 * Runs `step` again while SQLite answers SQLITE_BUSY, for up to 5 s. Switching a file to WAL can be
 * refused at once, without the busy handler, while another process opens the same new file (six
 * processes opening one new file failed so in a test); waiting a few milliseconds and asking again
 * is SQLite's advice.
 */
function untilNotBusy<T>(step: () => T): T {
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      return step();
    } catch (error) {
      const busy = (error as { code?: string }).code?.startsWith('SQLITE_BUSY') ?? false;
      if (!busy || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

/** SQLite's page cache in KiB (64 MiB; a negative cache_size counts KiB, not pages). */
const CACHE_KIB = 65_536;

/** Statements kept prepared; the batch write uses a handful, lookups of key lists add one per list size. */
const CACHED_STATEMENTS = 100;

/**
 * The database as Kysely sees it, with its statements prepared once: Kysely prepares every query anew,
 * and preparing an insert cost more than running it (a batch write was ~20 % slower than the old
 * hand-prepared statements). better-sqlite3 statements are reusable; Kysely runs one at a time.
 */
function preparedOnce(database: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(query: string) {
      if (!cache.has(query) && cache.size >= CACHED_STATEMENTS) cache.clear();
      return cache.get(query) ?? cache.set(query, database.prepare(query)).get(query)!;
    },
  };
}

/** Opens (and migrates) the SQLite file at `path`. */
export function sqliteDialect(path: string): StoreDialect {
  let database: Database.Database;
  try {
    database = new Database(path);
    // First, so that switching to WAL and migrating wait for another process opening the same file.
    database.pragma('busy_timeout = 5000');
    untilNotBusy(() => database.pragma('journal_mode = WAL'));
    // NORMAL in WAL mode: a crash of the process loses nothing committed; only a power cut may lose
    // the last transactions, never consistency.
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    // SQLite's page cache is 2 MB by default. A batch inserts into the id, content-hash, URL and story
    // indexes at random places, and once those outgrow the cache each insert reads its pages back from
    // the file (a system call each; the whole UCI stream's store is 400 MB).
    database.pragma(`cache_size = -${CACHE_KIB}`);
    migrate(database);
  } catch (error) {
    throw storageError(`cannot open the SQLite database ${path}`, error);
  }
  const db = new Kysely<Record<string, never>>({
    dialect: new SqliteDialect({ database: preparedOnce(database) }),
  });
  return {
    kind: 'sqlite',
    db,
    begin: 'BEGIN IMMEDIATE',
    lockWriters: () => Promise.resolve(),
    // Every word must match, each quoted so that no word is read as FTS5 query syntax.
    matches: (words) =>
      sql<boolean>`a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${words.map((w) => `"${w}"`).join(' ')})`,
    feedOrder: 'rowid',
    // json_group_array keeps the order of the rows it is given.
    storySources: `(SELECT json_group_array(source) FROM
      (SELECT DISTINCT source FROM articles WHERE story_id = stories.id ORDER BY source))`,
    close: () => (database.open ? db.destroy() : Promise.resolve()),
  };
}
