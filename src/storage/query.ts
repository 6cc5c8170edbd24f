/**
 * The one way the store runs a statement: Kysely `sql` templates (rows mapped by `rows.ts`, so no table
 * types are declared), with every driver error turned into the store's (code 'storage') saying what
 * failed. `SqlStore` and the story-life statements beside it both run through here.
 */
import { sql, type Kysely } from 'kysely';
import { storageError } from './rows.js';

/** A connection or transaction of either database. */
export type Db = Kysely<Record<string, never>>;
export type Row = Record<string, unknown>;

const VERBS: Record<string, string> = {
  SELECT: 'read',
  INSERT: 'write',
  UPDATE: 'update',
  DELETE: 'delete from',
};

/**
 * Runs queries on `c` as tagged templates: query(c)`SELECT …` answers the rows, and `changed` says how
 * many rows a statement changed. Every statement but the transaction's own goes through here, so a
 * driver's error becomes the store's (code 'storage') in one place, saying what failed:
 * `cannot update stories: …`.
 */
export const query =
  (c: Db) =>
  async (strings: TemplateStringsArray, ...values: unknown[]): Promise<Row[] & { changed: number }> => {
    try {
      const result = await sql<Row>(strings, ...values).execute(c);
      return Object.assign(result.rows, { changed: Number(result.numAffectedRows ?? 0) });
    } catch (error) {
      const verb = VERBS[/\w+/.exec(strings[0] ?? '')?.[0] ?? ''] ?? 'query';
      const table = /\b(?:FROM|INTO|UPDATE)\s+(\w+)/.exec(strings.join(''))?.[1] ?? 'the database';
      throw storageError(`cannot ${verb} ${table}`, error);
    }
  };
