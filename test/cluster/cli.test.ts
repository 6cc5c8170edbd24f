import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCluster } from '../../src/cli/cluster.js';
import { STORIES } from './fixture.js';

/** A folder of JSON article files plus one JSONL file, written from the fictional stories. */
function inputFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-cluster-'));
  const [first, ...rest] = STORIES;
  for (const a of first!.articles) writeFileSync(join(dir, `${a.id}.json`), JSON.stringify(a));
  writeFileSync(
    join(dir, 'more.jsonl'),
    rest.flatMap((s) => s.articles.map((a) => JSON.stringify(a))).join('\n'),
  );
  return dir;
}

const FLAGS = { method: 'chorus', summarizer: 'lead', words: 40, maxBytes: 1_000_000 };

function capture(): { text: () => string } {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return { text: () => chunks.join('') };
}

afterEach(() => vi.restoreAllMocks());

describe('chorus cluster', () => {
  it('prints every story with its articles and explanations', async () => {
    const out = capture();
    expect(await runCluster([inputFolder()], { ...FLAGS, explain: true })).toBe(0);
    const text = out.text();
    expect(text.match(/^## s\d+:/gm)).toHaveLength(STORIES.length);
    expect(text).toContain('joined at score');
    for (const s of STORIES) for (const a of s.articles) expect(text).toContain(`(${a.id})`);
  });

  it('gives stories, summaries and decisions as JSON', async () => {
    const out = capture();
    await runCluster([inputFolder()], { ...FLAGS, json: true, summaries: true });
    const json = JSON.parse(out.text()) as {
      stories: { articles: { id: string }[]; summary: { sentences: unknown[] } }[];
      decisions: unknown[];
    };
    expect(json.stories).toHaveLength(STORIES.length);
    expect(json.decisions).toHaveLength(STORIES.flatMap((s) => s.articles).length);
    for (const s of json.stories) expect(s.summary.sentences.length).toBeGreaterThan(0);
  });

  it('reports unreadable inputs and exits partial (11), refuses empty input', async () => {
    const dir = inputFolder();
    writeFileSync(join(dir, 'broken.json'), '{"text": ');
    capture();
    expect(await runCluster([dir, join(dir, 'missing.txt')], FLAGS)).toBe(11);
    const empty = mkdtempSync(join(tmpdir(), 'chorus-empty-'));
    await expect(runCluster([empty], FLAGS)).rejects.toMatchObject({ code: 'empty-input' });
    await expect(runCluster([], FLAGS)).rejects.toMatchObject({ code: 'usage' });
  });
});
