/**
 * One path from a story to what summarizers and the comparison read (`prepareStory`). The story below
 * is English with one Spanish report and one page left without text; every entry point that summarizes
 * must leave the Spanish sentences out of the summary, as reports do, and must do so by calling
 * `prepareStory` (spied on here).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import type { Article, Story } from '../../src/core/model.js';

const prepared = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/core/prepare-story.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/prepare-story.js')>();
  return {
    ...actual,
    prepareStory: (story: Story) => {
      prepared.calls++;
      return actual.prepareStory(story);
    },
  };
});

const { prepareStory } = await import('../../src/core/prepare-story.js');
const { buildStoryReport } = await import('../../src/core/pipeline.js');
const { evaluateExample } = await import('../../src/eval/runner/evaluate-example.js');
const { getSummarizer } = await import('../../src/core/summarize/registry.js');
const { runCluster } = await import('../../src/cli/cluster.js');

const en = (id: string, source: string, text: string): Article => ({
  ...makeArticle({ id, source, text, title: 'Ferry service to Oster Island resumes' }),
  language: 'en',
});
const SPANISH = 'El servicio de ferry a la isla Oster se reanuda el lunes tras la reparación del muelle.';
const ARTICLES: readonly Article[] = [
  en(
    'a1',
    'Harbor Times',
    'Ferry service to Oster Island resumes on Monday after repairs to the pier. The pier was damaged in a storm in March. Ferries will run every hour.',
  ),
  en(
    'a2',
    'Island Radio',
    'The Oster Island ferry will sail again on Monday, the harbor office said. Repairs to the storm-damaged pier took six weeks.',
  ),
  { ...makeArticle({ id: 'a3', source: 'Diario del Puerto', text: SPANISH }), language: 'es' },
  makeArticle({ id: 'a4', source: 'Empty Page', text: '', warnings: ['no article text on the page'] }),
];
const STORY: Story = { id: 'ferry', articles: ARTICLES };

afterEach(() => {
  prepared.calls = 0;
  vi.restoreAllMocks();
});

describe('prepareStory', () => {
  it('keeps readable articles, titles the story and leaves other languages out of the summary input', () => {
    const p = prepareStory(STORY);
    expect(p.story.articles.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(p.dropped.map((a) => a.id)).toEqual(['a4']);
    expect(p.story.title).toBe('Ferry service to Oster Island resumes');
    const spanishIn = (doc: typeof p.analyzed) => {
      const [start, end] = doc.spans[2] ?? [0, 0];
      return end - start;
    };
    expect(spanishIn(p.analyzed)).toBe(1);
    expect(spanishIn(p.forSummary)).toBe(0);
  });

  it.each([
    ['no articles', []],
    ['only empty articles', [ARTICLES[3]!]],
  ])('gives empty analyses for %s, never an error', (_name, articles) => {
    const p = prepareStory({ id: 'x', articles });
    expect(p.story.articles).toHaveLength(0);
    expect(p.forSummary.sentences).toHaveLength(0);
  });
});

describe('every entry point summarizes what prepareStory gives', () => {
  it('the report pipeline', () => {
    const report = buildStoryReport(STORY, { method: 'lead', words: 250 });
    expect(prepared.calls).toBe(1);
    expect(report.summary.sentences.map((s) => s.text)).not.toContain(SPANISH);
  });

  it('the evaluation harness', () => {
    const example = {
      id: 'ferry',
      story: STORY,
      references: ['Ferry service to Oster Island resumes Monday.'],
    };
    const result = evaluateExample(
      example,
      [getSummarizer('lead')],
      { words: 250, recall155: false, keepSummaries: true },
      0,
    );
    expect(prepared.calls).toBe(1);
    expect(result.results[0]?.summary).not.toContain(SPANISH);
    expect(result.results[0]?.summary).toContain('Ferry service to Oster Island resumes on Monday');
  });

  it('chorus cluster --summaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-prepare-'));
    const file = join(dir, 'ferry.jsonl');
    writeFileSync(
      file,
      ARTICLES.slice(0, 3)
        .map((a) => JSON.stringify(a))
        .join('\n'),
    );
    const chunks: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const flags = {
      method: 'chorus',
      summarizer: 'lead',
      words: 250,
      maxBytes: 1_000_000,
      summaries: true,
      json: true,
    };
    expect(await runCluster([file], flags)).toBe(0);
    const out = JSON.parse(chunks.join('')) as { stories: { summary?: { sentences: { text: string }[] } }[] };
    expect(prepared.calls).toBe(out.stories.length);
    const said = out.stories.flatMap((s) => s.summary?.sentences.map((x) => x.text) ?? []);
    expect(said.length).toBeGreaterThan(0);
    expect(said).not.toContain(SPANISH);
  });

  it.each([
    'bench/summarize-speed.ts',
    'bench/compare-speed.ts',
    'lab/summarize/train.ts',
    'lab/summarize/tune-chorus.ts',
  ])('%s reads stories through prepareStory, not analyzeStory', (script) => {
    const source = readFileSync(join(import.meta.dirname, '..', '..', script), 'utf8');
    expect(source).toMatch(/prepareStory\(/);
    expect(source).not.toMatch(/analyzeStory\(/);
  });
});
