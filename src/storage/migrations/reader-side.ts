/**
 * The reader's side of running Chorus (issue 16), one migration per database, kept apart from the first
 * schema so the two read separately:
 * - `feeds.paused_at`: a paused feed is not polled until resumed (null: active);
 * - `story_moves`: a story merged into another is gone, but its permalink must still lead somewhere, so
 *   the id it had and the story it joined are kept (followed transitively when read);
 * - `report_keys`: when each summary sentence and fact of a story first appeared in a stored report
 *   (keys from src/core/story-life.ts), for "new since" a time.
 * Numbered 16 after the issue, so that other migrations added meanwhile (2, 3, …) do not collide.
 */
import type { Migration } from './sqlite.js';

const NAME = 'paused feeds, story moves, first-seen report keys';

export const READER_SIDE_SQLITE: Migration = {
  version: 16,
  name: NAME,
  sql: `
ALTER TABLE feeds ADD COLUMN paused_at TEXT;
CREATE TABLE story_moves (
  from_id TEXT PRIMARY KEY,
  into_id TEXT NOT NULL,
  moved_at TEXT NOT NULL
);
CREATE TABLE report_keys (
  story_id TEXT NOT NULL,
  key TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  PRIMARY KEY (story_id, key)
);
`,
};

export const READER_SIDE_POSTGRES: Migration = {
  version: 16,
  name: NAME,
  sql: `
ALTER TABLE feeds ADD COLUMN paused_at TIMESTAMPTZ;
CREATE TABLE story_moves (
  from_id TEXT PRIMARY KEY,
  into_id TEXT NOT NULL,
  moved_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE report_keys (
  story_id TEXT NOT NULL,
  key TEXT NOT NULL,
  first_seen_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (story_id, key)
);
`,
};
