/**
 * `chorus ingest` as a person runs it: a real process over text files into a real SQLite file, and into
 * a real PostgreSQL database given as a URL when CHORUS_TEST_DATABASE_URL names one; running it twice
 * stores nothing twice.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { dropPostgresSchema } from '../../src/storage/dialects/postgres.js';
import { IngestService } from '../../src/service/ingest-service.js';
import type { Store } from '../../src/storage/store.js';
import { runChorus } from '../cli/run-chorus.js';
import { DAM_ARTICLES } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'chorus-ingest-cli-'));
const db = join(dir, 'chorus.db');
const inputs = join(dir, 'articles');

const chorus = (...args: string[]) => runChorus(args, { timeout: 60_000 });

const pgUrl = process.env.CHORUS_TEST_DATABASE_URL;
const pgSchema = `chorus_cli_${process.pid}`;

function writeInputs(): void {
  if (existsSync(inputs)) return;
  mkdirSync(inputs);
  for (const a of DAM_ARTICLES) {
    writeFileSync(
      join(inputs, `${a.id}.txt`),
      `Title: ${a.title}\nSource: ${a.source}\nURL: ${a.url}\n\n${a.text}\n`,
    );
  }
}

/** Runs `chorus ingest` twice into `target`, then checks what `open` finds in the store. */
async function ingestTwice(target: string, open: () => Promise<Store>): Promise<void> {
  writeInputs();
  const first = await chorus('ingest', inputs, '--db', target);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('ingested 3, duplicates 0, rejected 0; 1 story touched');

  const second = await chorus('ingest', inputs, '--db', target);
  expect(second.code).toBe(0);
  expect(second.stdout).toContain('ingested 0, duplicates 3, rejected 0');

  const store = await open();
  try {
    const stories = await store.listStories();
    expect(stories.items).toHaveLength(1);
    expect(stories.items[0]).toMatchObject({ articleCount: 3, sourceCount: 3 });
    const story = await store.getStory(stories.items[0]?.id ?? '');
    expect(story?.report?.summary.sentences.length).toBeGreaterThan(0);
  } finally {
    await store.close();
  }
}

/** Stories of the SQLite file at `path` whose report is older than their articles. */
async function staleReports(path: string): Promise<number> {
  const store = await openStore({ sqlitePath: path });
  try {
    return (await store.stats()).staleReports;
  } finally {
    await store.close();
  }
}

describe('chorus ingest', () => {
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (pgUrl) await dropPostgresSchema(pgUrl, pgSchema);
  });

  it(
    'stores a folder of articles as one story, and a second run stores nothing twice',
    { timeout: 180_000 },
    async () => {
      await ingestTwice(db, () => openStore({ sqlitePath: db }));
    },
  );

  it.skipIf(!pgUrl)(
    'does the same into PostgreSQL given as --db postgres://…',
    { timeout: 180_000 },
    async () => {
      // The run works in its own schema, created beforehand; the URL selects it for the CLI.
      await (await openStore({ databaseUrl: pgUrl!, schema: pgSchema })).close();
      const url = new URL(pgUrl!);
      url.searchParams.set('options', `-c search_path=${pgSchema}`);
      await ingestTwice(url.toString(), () => openStore({ databaseUrl: pgUrl!, schema: pgSchema }));
    },
  );

  it('tells on stderr which lines of a JSONL file it could not read', async () => {
    const file = join(dir, 'mixed.jsonl');
    const good = { text: DAM_ARTICLES[0]!.text, source: 'Dam Watch', title: 'Dam' };
    writeFileSync(file, `${JSON.stringify(good)}\nnot json\n{"nope":1}\n`);
    const result = await chorus('ingest', file, '--db', join(dir, 'mixed.db'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ingested 1\b/);
    expect(result.stderr).toMatch(/mixed\.jsonl: read with warnings: line 2: .*malformed JSON; line 3: /);
  });

  it('rebuilds a story grown over many batches once, at the end', async () => {
    writeInputs();
    const target = join(dir, 'batches.db');
    const result = await chorus('ingest', inputs, '--db', target, '--batch', '1');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'ingested 3, duplicates 0, rejected 0; 1 story touched; 1 report rebuilt',
    );
    expect(await staleReports(target)).toBe(0);
  });

  it('rebuilds reports an earlier stopped run left stale', async () => {
    const target = join(dir, 'stale.db');
    // A run stopped before its reports: the articles are stored, their story's report is not built.
    const store = await openStore({ sqlitePath: target });
    try {
      const service = await IngestService.open(store, { refresh: false });
      await service.ingest(DAM_ARTICLES.slice(0, 2));
      await service.checkpoint();
      expect((await store.stats()).staleReports).toBe(1);
    } finally {
      await store.close();
    }
    const file = join(dir, 'other.txt');
    writeFileSync(
      file,
      'Title: Ferry timetable\nSource: Quay Post\n\nThe winter ferry timetable starts on Monday with two fewer crossings a day.\n',
    );
    const result = await chorus('ingest', file, '--db', target);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 reports rebuilt');
    expect(await staleReports(target)).toBe(0);
  });

  it('says what it expected when given nothing to ingest', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const result = await chorus('ingest', empty, '--db', db);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/expected at least one news article/);
  });
});
