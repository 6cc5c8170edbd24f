/**
 * The store's part of a story's life (see src/core/story-life.ts and migrations/reader-side.ts): the
 * first-seen time of each report key, story ids kept after a merge, and the reader filters of the story
 * list. Written over a Kysely connection so `SqlStore` calls them inside its own transactions, and run
 * through the store's one runner (`query`), so a driver error reads as the store's alike.
 */
import { sql, type RawBuilder } from 'kysely';
import { reportKeys } from '../core/story-life.js';
import type { StoryReport } from '../core/model.js';
import { query, type Db } from './query.js';
import type { StoryListQuery } from './store.js';

/** A driver's time (PostgreSQL: Date) as ISO text. */
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

/** Rows per insert of report keys (a few parameters each, well under SQLite's limit). */
const KEY_CHUNK = 200;

/** Keeps the first-seen time of every key of `report` not seen before in this story. */
export async function recordReportKeys(
  c: Db,
  storyId: string,
  report: StoryReport,
  now: string,
): Promise<void> {
  const keys = reportKeys(report);
  for (let i = 0; i < keys.length; i += KEY_CHUNK) {
    const rows = keys.slice(i, i + KEY_CHUNK).map((k) => sql`(${storyId}, ${k}, ${now})`);
    await query(c)`INSERT INTO report_keys (story_id, key, first_seen_at) VALUES ${sql.join(rows)}
      ON CONFLICT (story_id, key) DO NOTHING`;
  }
}

/**
 * Records that story `from` joined `into`: its permalink now leads there, earlier moves into `from`
 * follow it, and its report keys keep their first-seen times in `into` (what a reader of `from` saw
 * is not new to them in the story it joined).
 */
export async function recordMerge(c: Db, from: string, into: string, now: string): Promise<void> {
  const q = query(c);
  await q`UPDATE story_moves SET into_id = ${into} WHERE into_id = ${from}`;
  await q`INSERT INTO story_moves (from_id, into_id, moved_at) VALUES (${from}, ${into}, ${now})
    ON CONFLICT (from_id) DO UPDATE SET into_id = excluded.into_id, moved_at = excluded.moved_at`;
  await q`INSERT INTO report_keys (story_id, key, first_seen_at)
      SELECT ${into}, key, first_seen_at FROM report_keys WHERE story_id = ${from}
    ON CONFLICT (story_id, key) DO UPDATE SET first_seen_at =
      CASE WHEN excluded.first_seen_at < report_keys.first_seen_at THEN excluded.first_seen_at
           ELSE report_keys.first_seen_at END`;
  await q`DELETE FROM report_keys WHERE story_id = ${from}`;
}

/** First-seen time (ISO) of each report key of a story. */
export async function firstSeenKeys(db: Db, storyId: string): Promise<Map<string, string>> {
  const rows = await query(db)`SELECT key, first_seen_at FROM report_keys WHERE story_id = ${storyId}`;
  return new Map(rows.map((r) => [String(r.key), iso(r.first_seen_at)]));
}

/** The story a merged-away id now lives in (moves are kept flattened, so one lookup is enough). */
export async function storyMovedTo(db: Db, id: string): Promise<string | undefined> {
  const [row] = await query(db)`SELECT into_id FROM story_moves WHERE from_id = ${id}`;
  return row === undefined ? undefined : String(row.into_id);
}

/** `%`, `_` and `\` taken literally in a LIKE pattern (escaped with `\`). */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * Conditions on `stories s` for the reader controls: no story whose every outlet is muted, none whose
 * title or lead names a muted word, and only stories with an article in the chosen language.
 */
export function readerFilters(query: StoryListQuery): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  const outlets = query.muteSources ?? [];
  if (outlets.length > 0)
    where.push(sql`EXISTS (SELECT 1 FROM articles m WHERE m.story_id = s.id
      AND m.source NOT IN (${sql.join(outlets)}))`);
  for (const word of query.muteWords ?? []) {
    const pattern = `%${likeLiteral(word.toLowerCase())}%`;
    where.push(sql`lower(coalesce(s.title, '')) NOT LIKE ${pattern} ESCAPE '\\'`);
    where.push(sql`lower(coalesce(s.lead, '')) NOT LIKE ${pattern} ESCAPE '\\'`);
  }
  if (query.language)
    where.push(
      sql`EXISTS (SELECT 1 FROM articles l WHERE l.story_id = s.id AND l.language = ${query.language})`,
    );
  return where;
}
