/**
 * SQLite through better-sqlite3: one file in WAL mode with foreign keys on, schema by numbered
 * migrations, full-text search by FTS5, and writes that take the lock first (BEGIN IMMEDIATE), so a
 * batch's `lastSeq` check and its writes see the same database even with another process writing.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite.js';
import { fts5Query, storageError } from '../rows.js';
import type { StoreDialect } from '../sql-store.js';

function migrate(db: Database.Database): void {
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
    database.pragma('busy_timeout = 5000');
    migrate(database);
  } catch (error) {
    throw storageError(`cannot open the SQLite database ${path}`, error);
  }
  const db = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database }) });
  return {
    kind: 'sqlite',
    db,
    begin: 'BEGIN IMMEDIATE',
    lockWriters: () => Promise.resolve(),
    matches: (words) =>
      sql<boolean>`a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${fts5Query(words)})`,
    feedOrder: 'rowid',
    close: () => (database.open ? db.destroy() : Promise.resolve()),
  };
}
