/**
 * PostgreSQL schema, as numbered migrations applied in order and recorded in `schema_migrations`.
 * Full-text search is a generated tsvector column with a GIN index (English stemming, as SQLite's
 * porter tokenizer does).
 */
import { MERGE_INDEX } from './merge-index.js';
import { READER_SIDE_POSTGRES } from './reader-side.js';
import { REPORT_TIME_POSTGRES } from './report-time.js';
import type { Migration } from './sqlite.js';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, stories, feeds, cluster state, full-text index',
    sql: `
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  title TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  article_count INTEGER NOT NULL DEFAULT 0,
  source_count INTEGER NOT NULL DEFAULT 0,
  sources JSONB NOT NULL DEFAULT '[]',
  first_at TIMESTAMPTZ,
  last_at TIMESTAMPTZ,
  report JSONB,
  report_version INTEGER,
  lead TEXT
);
CREATE INDEX stories_newest ON stories (last_at DESC, source_count DESC);
CREATE INDEX stories_biggest ON stories (source_count DESC, last_at DESC);

CREATE TABLE feeds (
  id TEXT PRIMARY KEY,
  n BIGSERIAL NOT NULL,
  url TEXT NOT NULL UNIQUE,
  title TEXT,
  etag TEXT,
  last_modified TEXT,
  last_polled_at TIMESTAMPTZ,
  last_error TEXT,
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE articles (
  seq BIGSERIAL PRIMARY KEY,
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
  warnings JSONB NOT NULL DEFAULT '[]',
  duplicate_of TEXT,
  duplicate_similarity DOUBLE PRECISION,
  feed_id TEXT REFERENCES feeds (id) ON DELETE SET NULL,
  ingested_at TIMESTAMPTZ NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', text)
  ) STORED,
  UNIQUE (content_hash, url_key)
);
CREATE INDEX articles_story ON articles (story_id, seq);
CREATE INDEX articles_feed ON articles (feed_id, seq);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_search ON articles USING GIN (search);

CREATE TABLE cluster_state (
  name TEXT PRIMARY KEY,
  seq BIGINT NOT NULL,
  state TEXT NOT NULL
);
`,
  },
  READER_SIDE_POSTGRES,
  MERGE_INDEX,
  REPORT_TIME_POSTGRES,
];
