/** The library entry points, used the way the README shows them. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as core from '../src/core/index.js';
import { buildStoryReport, makeArticle, openStore, readInputs, StoryReportSchema } from '../src/index.js';

describe('library', () => {
  it('the core entry point has the pipeline and the registries, and nothing with I/O', () => {
    expect(typeof core.buildStoryReport).toBe('function');
    expect(core.summarizerNames()).toEqual(expect.arrayContaining(['chorus', 'lead', 'lexrank']));
    expect('readInputs' in core).toBe(false);
  });

  it('reads files and reports a story that validates against the schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-lib-'));
    writeFileSync(
      join(dir, 'quay-post.txt'),
      'Title: Pier Road warehouse fire\nSource: Quay Post\n\nA fire destroyed a warehouse on Pier Road on Tuesday night. Firefighters kept it from spreading to the fish market next door.',
    );
    writeFileSync(
      join(dir, 'dock-radio.txt'),
      'Title: Warehouse burns on Pier Road\nSource: Dock Radio\n\nA warehouse on Pier Road was destroyed by fire on Tuesday night. The fish market next door was saved, the fire service said.',
    );
    const { articles, outcomes } = await readInputs([dir]);
    expect(outcomes.map((o) => o.status)).toEqual(['ingested', 'ingested']);
    const report = buildStoryReport({ id: 'pier', articles }, { words: 40 });
    expect(StoryReportSchema.parse(report).summary.words).toBeLessThanOrEqual(40);
    expect(report.story.articles.map((a) => a.source).sort()).toEqual(['Dock Radio', 'Quay Post']);
  });

  it('stores articles through the ingest service into a SQLite file', async () => {
    const { ingestArticles } = await import('../src/index.js');
    const store = await openStore({ sqlitePath: join(mkdtempSync(join(tmpdir(), 'chorus-lib-')), 'x.db') });
    try {
      const article = makeArticle({
        source: 'Quay Post',
        text: 'A fire destroyed a warehouse on Pier Road.',
      });
      const first = await ingestArticles(store, [article]);
      const again = await ingestArticles(store, [article]);
      expect(first.outcomes[0]?.status).toBe('ingested');
      expect(again.outcomes[0]?.status).toBe('duplicate');
    } finally {
      await store.close();
    }
  });
});
