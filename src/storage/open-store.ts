/**
 * Chooses the backend: a `postgres://` (or `postgresql://`) URL opens PostgreSQL, anything else a SQLite
 * file. Both are the one `SqlStore` over their dialect. The entry points (CLI, server) pass
 * `DATABASE_URL` and their `--db` flag here; nothing below reads the environment.
 */
import { ChorusError } from '../core/errors.js';
import { postgresDialect } from './dialects/postgres.js';
import { sqliteDialect } from './dialects/sqlite.js';
import { SqlStore } from './sql-store.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** `postgres://user:pass@host:port/db` selects PostgreSQL; a `sqlite:` URL or a path selects SQLite. */
  readonly databaseUrl?: string;
  /** SQLite file used when no database URL is given. */
  readonly sqlitePath?: string;
  /** PostgreSQL schema to work in (tests isolate runs with it). */
  readonly schema?: string;
}

export const STORE_DEFAULTS = Object.freeze({ sqlitePath: './chorus.db' });

/** Opens (and migrates) the store the options name. @example await openStore({ sqlitePath: 'news.db' }) */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const url = options.databaseUrl?.trim();
  if (url && /^postgres(ql)?:\/\//i.test(url)) {
    const schema = options.schema;
    return new SqlStore(await postgresDialect({ connectionString: url, ...(schema && { schema }) }));
  }
  if (url && /^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('sqlite:')) {
    throw new ChorusError(
      'usage',
      `expected a postgres:// URL or a SQLite file path for the database, found "${url.split(':')[0]}:" URL`,
    );
  }
  const path = url ? url.replace(/^sqlite:(\/\/)?/, '') : (options.sqlitePath ?? STORE_DEFAULTS.sqlitePath);
  return new SqlStore(sqliteDialect(path));
}
