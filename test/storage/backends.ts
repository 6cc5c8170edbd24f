/**
 * The backends every storage test runs against: a real SQLite file in a temp dir, and a real PostgreSQL
 * server named by CHORUS_TEST_DATABASE_URL (each store in its own schema, dropped afterwards).
 * Under CI=true a missing PostgreSQL URL is an error, not a skip.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/storage/open-store.js';
import { dropPostgresSchema } from '../../src/storage/dialects/postgres.js';
import type { Store } from '../../src/storage/store.js';

export interface Backend {
  readonly name: 'sqlite' | 'postgres';
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
    'storage tests: CHORUS_TEST_DATABASE_URL is not set, so the PostgreSQL backend is SKIPPED locally ' +
      '(start one as .ci/run does to run it).',
  );
}

export const postgresAvailable = Boolean(pgUrl);

function sqliteBackend(): Backend {
  const dirs: string[] = [];
  let last = '';
  return {
    name: 'sqlite',
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

/** The backends to run: SQLite always, PostgreSQL when a server is given. */
export function backends(): Backend[] {
  return pgUrl ? [sqliteBackend(), postgresBackend(pgUrl)] : [sqliteBackend()];
}
