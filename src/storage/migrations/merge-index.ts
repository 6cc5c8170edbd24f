/**
 * An index on the story a merged-away story joined (`story_moves.into_id`). Every merge re-points the
 * earlier moves into the story merged away (`recordMerge`), and without the index each did so by reading
 * every move ever kept: a cost per merge that grew with the store without bound (2,537 moves after the
 * UCI stream; still a small cost there, but a store that runs for months keeps every move). Numbered 14
 * after the issue, as 16 is, so that other migrations do not collide.
 */
import type { Migration } from './sqlite.js';

const STATEMENT = 'CREATE INDEX IF NOT EXISTS story_moves_into ON story_moves (into_id);';

export const MERGE_INDEX: Migration = {
  version: 14,
  name: 'index story moves by the story they joined',
  sql: STATEMENT,
};
