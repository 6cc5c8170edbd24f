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

function migrate(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[];
  for (const m of SQLITE_MIGRATIONS.filter((m) => !applied.includes(m.version)))
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
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
    database.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a crash of the process loses nothing committed; only a power cut may lose
    // the last transactions, never consistency.
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    // SQLite's page cache is 2 MB by default. A batch inserts into the id, content-hash, URL and story
    // indexes at random places, and once those outgrow the cache each insert reads its pages back from
    // the file (a system call each; the whole UCI stream's store is 400 MB).
    database.pragma(`cache_size = -${CACHE_KIB}`);
    database.pragma('busy_timeout = 5000');
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
