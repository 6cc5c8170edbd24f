/**
 * SQLite schema, as numbered migrations applied in order and recorded in `schema_migrations`.
 * Never edit a shipped migration: add the next one.
 */
import { MERGE_INDEX } from './merge-index.js';
import { READER_SIDE_SQLITE } from './reader-side.js';
import { REPORT_TIME_SQLITE } from './report-time.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, stories, feeds, cluster state, full-text index',
    sql: `
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  title TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  article_count INTEGER NOT NULL DEFAULT 0,
  source_count INTEGER NOT NULL DEFAULT 0,
  sources TEXT NOT NULL DEFAULT '[]',
  first_at TEXT,
  last_at TEXT,
  report TEXT,
  report_version INTEGER,
  lead TEXT
);
CREATE INDEX stories_newest ON stories (last_at DESC, source_count DESC);
CREATE INDEX stories_biggest ON stories (source_count DESC, last_at DESC);

CREATE TABLE feeds (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  title TEXT,
  etag TEXT,
  last_modified TEXT,
  last_polled_at TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE articles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  url_key TEXT NOT NULL,
  story_id TEXT REFERENCES stories (id) ON DELETE SET NULL,
  source TEXT NOT NULL,
  url TEXT,
  title TEXT,
  byline TEXT,
  date TEXT,
  text TEXT NOT NULL,
  language TEXT,
  warnings TEXT NOT NULL DEFAULT '[]',
  duplicate_of TEXT,
  duplicate_similarity REAL,
  feed_id TEXT REFERENCES feeds (id) ON DELETE SET NULL,
  ingested_at TEXT NOT NULL,
  at TEXT NOT NULL,
  UNIQUE (content_hash, url_key)
);
CREATE INDEX articles_story ON articles (story_id, seq);
CREATE INDEX articles_feed ON articles (feed_id, seq);
CREATE INDEX articles_url ON articles (url);

-- External-content FTS5 index kept in step by triggers, so it commits or rolls back with the row.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, text, content = 'articles', content_rowid = 'seq', tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
END;

CREATE TABLE cluster_state (
  name TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  state TEXT NOT NULL
);
`,
  },
  READER_SIDE_SQLITE,
  MERGE_INDEX,
  REPORT_TIME_SQLITE,
];
