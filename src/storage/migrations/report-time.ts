/**
 * When each story's report was last saved (`stories.report_at`), so that rebuilds of a story that keeps
 * growing can wait: a stale story whose report is younger than the rebuild interval is left for later
 * (`Store.staleStories` with `builtBefore`). Reports saved before this migration have none and count as
 * old. Numbered 15 after the fourteenth and sixteenth, so that other migrations do not collide.
 */
import type { Migration } from './sqlite.js';

const NAME = 'time of each story report';

export const REPORT_TIME_SQLITE: Migration = {
  version: 15,
  name: NAME,
  sql: 'ALTER TABLE stories ADD COLUMN report_at TEXT;',
};

export const REPORT_TIME_POSTGRES: Migration = {
  version: 15,
  name: NAME,
  sql: 'ALTER TABLE stories ADD COLUMN report_at TIMESTAMPTZ;',
};
