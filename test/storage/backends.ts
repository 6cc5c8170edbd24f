/**
 * The backends every storage test runs against: a real SQLite file in a temp dir, and a real PostgreSQL
 * server named by CHORUS_TEST_DATABASE_URL (each store in its own schema, dropped afterwards).
 * Under CI=true a missing PostgreSQL URL is an error, not a skip.
 */
import { afterAll, afterEach, beforeEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/storage/open-store.js';
import { dropPostgresSchema } from '../../src/storage/dialects/postgres.js';
import type { Store } from '../../src/storage/store.js';

export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /**
   * False for PostgreSQL when no server is given: its suites are still declared, under
   * `describe.skipIf(!backend.available)`, so they show in the counts as skipped instead of vanishing.
   */
  readonly available: boolean;
  /** Opens a fresh, empty store. */
  fresh(): Promise<Store>;
  /** Opens the store `fresh` last returned again (after it was closed), as a restart would. */
  reopen(): Promise<Store>;
  /** Removes what the stores left behind. */
  cleanup(): Promise<void>;
}

const pgUrl = process.env.CHORUS_TEST_DATABASE_URL;

if (!pgUrl && process.env.CI === 'true') {
  throw new Error(
    'CHORUS_TEST_DATABASE_URL is not set under CI=true: the PostgreSQL half of the storage suite cannot run. ' +
      '.ci/run starts a server and exports it; run the tests through it.',
  );
}
if (!pgUrl) {
  console.warn(
    'PostgreSQL tests SKIPPED (counted as skipped below): CHORUS_TEST_DATABASE_URL is not set. To run them, ' +
      'install PostgreSQL 14 or later (apt-get install postgresql, or docker run -p 5432:5432 -e ' +
      'POSTGRES_PASSWORD=chorus postgres:16), create a database and set ' +
      'CHORUS_TEST_DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/DATABASE.',
  );
}

export const postgresAvailable = Boolean(pgUrl);

function sqliteBackend(): Backend {
  const dirs: string[] = [];
  let last = '';
  return {
    name: 'sqlite',
    available: true,
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'chorus-store-'));
      dirs.push(dir);
      last = join(dir, 'chorus.db');
      return openStore({ sqlitePath: last });
    },
    reopen: () => openStore({ sqlitePath: last }),
    async cleanup() {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}

function postgresBackend(url: string): Backend {
  const schemas: string[] = [];
  let last = '';
  return {
    name: 'postgres',
    available: true,
    async fresh() {
      last = `chorus_t${process.pid}_${Date.now().toString(36)}_${schemas.length}`;
      schemas.push(last);
      return openStore({ databaseUrl: url, schema: last });
    },
    reopen: () => openStore({ databaseUrl: url, schema: last }),
    async cleanup() {
      for (const s of schemas.splice(0)) await dropPostgresSchema(url, s);
    },
  };
}

/** A PostgreSQL backend with no server: declared so its suites count as skipped, never opened. */
function missingPostgres(): Backend {
  const missing = () => Promise.reject(new Error('CHORUS_TEST_DATABASE_URL is not set'));
  return { name: 'postgres', available: false, fresh: missing, reopen: missing, cleanup: async () => {} };
}

/** Both backends; PostgreSQL is `available` only when a server is given. Use `describe.skipIf`. */
export function backends(): Backend[] {
  return [sqliteBackend(), pgUrl ? postgresBackend(pgUrl) : missingPostgres()];
}

/**
 * Within a `describe`: a fresh store of `backend` for each test (handed to `use`), closed after it, and
 * the backend's leftovers removed after the suite.
 */
export function freshStoreEach(backend: Backend, use: (store: Store) => void): void {
  let store: Store | undefined;
  beforeEach(async () => {
    store = await backend.fresh();
    use(store);
  });
  afterEach(async () => {
    await store?.close();
  });
  afterAll(() => backend.cleanup());
}
