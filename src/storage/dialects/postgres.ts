/**
 * PostgreSQL through `pg`: a pool (optionally in its own schema), migrations under an advisory lock so
 * two processes opening one database do not both migrate, full-text search by a generated tsvector
 * column with a GIN index, and writers with a `lastSeq` taking turns under another advisory lock.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { ChorusError } from '../../core/errors.js';
import { POSTGRES_MIGRATIONS } from '../migrations/postgres.js';
import { storageError } from '../rows.js';
import type { Db, StoreDialect } from '../sql-store.js';

// COUNT(*) and BIGSERIAL come back as strings by default; these stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

export interface PostgresOptions {
  readonly connectionString: string;
  /** Schema to work in (created if missing); tests use one per run. Default: the server's search_path. */
  readonly schema?: string;
  /** Pool size (default 10). */
  readonly max?: number;
}

function schemaName(schema: string): string {
  if (/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) return schema;
  throw new ChorusError(
    'usage',
    `expected a schema name of lowercase letters, digits and _, found "${schema}"`,
  );
}

async function migrate(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // One migrator at a time, even when two processes open the same database together.
    await sql`SELECT pg_advisory_xact_lock(4242001)`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`.execute(trx);
    const { rows } = await sql<{ version: number }>`SELECT version FROM schema_migrations`.execute(trx);
    for (const m of POSTGRES_MIGRATIONS.filter((m) => !rows.some((r) => r.version === m.version))) {
      await sql.raw(m.sql).execute(trx);
      await sql`INSERT INTO schema_migrations VALUES (${m.version}, ${m.name}, now())`.execute(trx);
    }
  });
}

/** Connects, creates the schema when asked, and applies pending migrations. */
export async function postgresDialect(options: PostgresOptions): Promise<StoreDialect> {
  const schema = options.schema === undefined ? undefined : schemaName(options.schema);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema !== undefined) await sql.raw(`CREATE SCHEMA IF NOT EXISTS ${schema}`).execute(db);
    await migrate(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw storageError(`cannot open the PostgreSQL database`, error);
  }
  return {
    kind: 'postgres',
    db,
    begin: 'BEGIN',
    lockWriters: async (trx) => {
      // Writers take turns, so `seq` follows commit order and the `lastSeq` check cannot race a batch.
      await sql`SELECT pg_advisory_xact_lock(4242002)`.execute(trx);
    },
    matches: (words) => sql<boolean>`a.search @@ plainto_tsquery('english', ${words.join(' ')})`,
    feedOrder: 'n',
    storySources: `(SELECT coalesce(jsonb_agg(source ORDER BY source), '[]'::jsonb) FROM
      (SELECT DISTINCT source FROM articles WHERE story_id = stories.id) o)`,
    close: () => db.destroy(),
  };
}

/** Drops a schema a store worked in (tests and benchmarks clean up with it). */
export async function dropPostgresSchema(connectionString: string, schema: string): Promise<void> {
  schemaName(schema);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
