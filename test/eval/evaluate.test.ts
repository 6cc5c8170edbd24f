import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runEval } from '../../src/cli/eval.js';
import { makeArticle } from '../../src/core/article.js';
import type { Summarizer } from '../../src/core/summarize/summarizer.js';
import { getSummarizer } from '../../src/core/summarize/registry.js';
import { detectDataset } from '../../src/eval/datasets/index.js';
import { sampleIndices } from '../../src/eval/datasets/sample.js';
import { Aggregate } from '../../src/eval/runner/aggregate.js';
import { evaluateExample } from '../../src/eval/runner/evaluate-example.js';
import { evaluate } from '../../src/eval/runner/evaluate.js';
import { runTask } from '../../src/eval/runner/run-task.js';
import type { Example } from '../../src/io/multinews.js';
import { renderEvalTable } from '../../src/eval/runner/table.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/eval/', import.meta.url));
const TINY = join(FIXTURES, 'multinews-tiny.jsonl');
const lead = getSummarizer('lead');

const example = {
  id: 'bridge',
  story: {
    id: 'bridge',
    articles: [
      makeArticle({
        text: 'The harbor bridge closed on Saturday. Repairs will take six weeks.',
        source: 'A',
      }),
      makeArticle({
        text: 'Ferries now cross the harbor every twenty minutes. Commuters are unhappy.',
        source: 'B',
      }),
      makeArticle({ text: '', source: 'empty page' }),
    ],
  },
  references: ['The harbor bridge closed on Saturday.\nFerries cross every twenty minutes.'],
};

describe('evaluateExample', () => {
  it('summarizes within the budget and scores the summary against the references', () => {
    const result = evaluateExample(example, [lead], { words: 12, recall155: true, keepSummaries: true }, 7);
    expect(result).toMatchObject({
      index: 7,
      id: 'bridge',
      scored: true,
      referenceWords: 11,
      inputWords: 22,
    });
    const [r] = result.results;
    expect(r?.method).toBe('lead');
    expect(r?.words).toBeLessThanOrEqual(12);
    expect(r?.summary?.split('\n')).toEqual([
      'The harbor bridge closed on Saturday.',
      'Repairs will take six weeks.', // B's first sentence (8 words) no longer fits
    ]);
    expect(r?.scores.rouge1.f).toBeGreaterThan(0.5);
    expect(r?.scores.rougeLsum.f).toBeGreaterThan(0.5);
    expect(r?.recall155?.rouge1).toBeGreaterThan(0.5);
    expect(r?.error).toBeUndefined();
  });

  it('turns a summarizer that throws into an empty, zero-scored summary with the error kept', () => {
    const broken: Summarizer = {
      name: 'broken',
      description: 'always fails',
      summarize: () => {
        throw new Error('boom');
      },
    };
    const [r] = evaluateExample(
      example,
      [broken],
      { words: 50, recall155: false, keepSummaries: false },
      0,
    ).results;
    expect(r).toMatchObject({ method: 'broken', words: 0, error: 'boom' });
    expect(r?.scores.rouge1.f).toBe(0);
    expect(r?.summary).toBeUndefined();
    expect(r?.recall155).toBeUndefined();
  });

  it('scores an example without readable articles as an empty summary', () => {
    const empty = { id: 'e', story: { id: 'e', articles: [] }, references: ['something'] };
    const [r] = evaluateExample(
      empty,
      [lead],
      { words: 50, recall155: false, keepSummaries: true },
      0,
    ).results;
    expect(r).toMatchObject({ words: 0, summary: '' });
    expect(r?.scores.rouge1.f).toBe(0);
  });
});

describe('runTask', () => {
  it('leaves out, with the reason, a malformed line or an example the analysis cannot read', () => {
    const settings = { words: 50, recall155: false, keepSummaries: false };
    const line = runTask({ kind: 'line', index: 0, line: '{"id": 1', lineNumber: 9 }, [lead], settings);
    expect(line).toMatchObject({ id: 'line-9', scored: false, results: [] });
    expect(line.problem).toMatch(/^expected a JSON object on line 9/);
    const hostile = { id: 'h', story: { id: 'h', articles: null }, references: [] } as unknown as Example;
    const bad = runTask({ kind: 'example', index: 1, example: hostile }, [lead], settings);
    expect(bad).toMatchObject({ id: 'h', index: 1, scored: false });
    expect(bad.problem).toMatch(/^internal error: /);
  });
});

describe('Aggregate', () => {
  const s = (f: number) => ({ precision: f, recall: f, f });
  const scores = (f: number) => ({ rouge1: s(f), rouge2: s(f / 2), rougeL: s(f), rougeLsum: s(f) });
  const base = { inputWords: 100, referenceWords: 10, scored: true };

  it('averages F1 ×100 over examples with references, words and time over all, and keeps problems', () => {
    const agg = new Aggregate(['m']);
    agg.add({
      ...base,
      index: 0,
      id: 'a',
      results: [{ method: 'm', scores: scores(0.4), words: 10, seconds: 0.5 }],
    });
    agg.add({
      ...base,
      index: 1,
      id: 'b',
      results: [{ method: 'm', scores: scores(0.2), words: 20, seconds: 0.5 }],
    });
    agg.add({
      ...base,
      index: 2,
      id: 'c',
      scored: false,
      results: [{ method: 'm', scores: scores(0), words: 30, seconds: 1 }],
    });
    agg.add({ ...base, index: 3, id: 'd', results: [], problem: 'malformed' });
    const [m] = agg.summaries();
    expect(m?.examples).toBe(2);
    expect(m?.rouge1).toBeCloseTo(30, 10);
    expect(m?.rouge2).toBeCloseTo(15, 10);
    expect(m?.meanWords).toBe(20);
    expect(m?.examplesPerSecond).toBe(1.5);
    expect(m?.ci95.rouge1.low).toBeGreaterThanOrEqual(20);
    expect(m?.ci95.rouge1.high).toBeLessThanOrEqual(40);
    expect(m?.versus).toBeUndefined();
    expect(agg.problems).toEqual(['d: malformed']);
  });

  it('gives later methods a paired interval of their difference from the first', () => {
    const agg = new Aggregate(['base', 'better']);
    for (let i = 0; i < 200; i++) {
      const f = 0.3 + (i % 10) / 100;
      agg.add({
        ...base,
        index: i,
        id: `e${i}`,
        results: [
          { method: 'base', scores: scores(f), words: 10, seconds: 0.01 },
          { method: 'better', scores: scores(f + 0.02 + (i % 3) / 100), words: 10, seconds: 0.01 },
        ],
      });
    }
    const [, better] = agg.summaries();
    expect(better?.versus?.method).toBe('base');
    expect(better?.versus?.rouge1.low).toBeGreaterThan(2);
    expect(better?.versus?.rouge1.high).toBeLessThan(4);
  });
});

describe('sampleIndices', () => {
  it('is deterministic, distinct, ascending and capped at n', () => {
    const a = sampleIndices(1000, 20, 7);
    expect(a).toEqual(sampleIndices(1000, 20, 7));
    expect(a).not.toEqual(sampleIndices(1000, 20, 8));
    expect(new Set(a).size).toBe(20);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(a.every((i) => i >= 0 && i < 1000)).toBe(true);
    expect(sampleIndices(3, 10, 1)).toEqual([0, 1, 2]);
    expect(sampleIndices(0, 5, 1)).toEqual([]);
  });
});

describe('detectDataset', () => {
  it.each([
    ['multinews-tiny.jsonl', 'multinews'],
    ['duc2003', 'duc2003'],
    ['duc2003/docs.without.headlines', 'duc2003'],
    ['tac2011', 'tac2011'],
    ['tac2011/TAC 2011 MultiLing Pilot Dataset', 'tac2011'],
  ])('%s → %s', async (path, kind) => {
    expect(await detectDataset(join(FIXTURES, path))).toBe(kind);
  });

  it('refuses what it cannot tell, saying what it expected', async () => {
    await expect(detectDataset(join(FIXTURES, 'nope'))).rejects.toMatchObject({ code: 'not-found' });
    await expect(detectDataset(join(FIXTURES, 'nltk-porter-stems.tsv'))).rejects.toMatchObject({
      code: 'unsupported-input',
    });
    await expect(
      detectDataset(join(FIXTURES, 'tac2011/TAC 2011 MultiLing Pilot Dataset/Model Summaries')),
    ).rejects.toThrow(/expected a DUC 2003 folder .* or a TAC 2011 MultiLing folder/);
  });
});

describe('evaluate', () => {
  it('runs Multi-News lines, leaves malformed ones out with a warning, in process and in worker threads alike', async () => {
    const inProcess = await evaluate(TINY, { methods: ['lead'], workers: 0, words: 40 });
    expect(inProcess).toMatchObject({ dataset: 'multinews', examples: 3, scored: 3, words: 40, workers: 0 });
    expect(inProcess.warnings).toEqual([
      expect.stringMatching(/^left out line-4: expected a JSON object on line 4, found malformed JSON/),
    ]);
    const [m] = inProcess.methods;
    expect(m?.method).toBe('lead');
    expect(m?.rouge1).toBeGreaterThan(30);
    expect(m?.meanWords).toBeLessThanOrEqual(40);
    const threaded = await evaluate(TINY, { methods: ['lead'], workers: 1, words: 40 });
    expect(threaded.methods[0]?.rouge1).toBe(m?.rouge1);
    expect(threaded.methods[0]?.rougeLsum).toBe(m?.rougeLsum);
    expect(threaded.peakRssMb).toBeGreaterThan(10);
  });

  it('reads gzip, limits, samples with a seed, and uses the dataset default budget', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chorus-eval-'));
    const gz = join(dir, 'tiny.jsonl.gz');
    await writeFile(gz, gzipSync(await readFile(TINY)));
    const ids: string[] = [];
    const report = await evaluate(
      gz,
      { methods: ['lead'], workers: 0, limit: 2 },
      { onResult: (r) => ids.push(r.id) },
    );
    expect(report.words).toBe(250);
    expect(ids).toEqual(['tiny-1', 'tiny-2']);
    const sampled: string[] = [];
    await evaluate(
      gz,
      { methods: ['lead'], workers: 0, limit: 2, seed: 3 },
      { onResult: (r) => sampled.push(r.id) },
    );
    expect(sampled).toHaveLength(2);
    const again: string[] = [];
    await evaluate(
      gz,
      { methods: ['lead'], workers: 0, limit: 2, seed: 3 },
      { onResult: (r) => again.push(r.id) },
    );
    expect(again).toEqual(sampled);
  });

  it('reads an original .src file with the summaries of its .tgt, and warns when there is no .tgt', async () => {
    const fromJson = await evaluate(TINY, { methods: ['lead'], workers: 0, words: 40 });
    const fromSrc = await evaluate(join(FIXTURES, 'multinews-tiny.src'), {
      methods: ['lead'],
      workers: 0,
      words: 40,
    });
    expect(fromSrc).toMatchObject({ examples: 3, scored: 3, warnings: [] });
    expect(fromSrc.methods[0]?.rouge1).toBeCloseTo(fromJson.methods[0]?.rouge1 ?? -1, 10);
    const dir = await mkdtemp(join(tmpdir(), 'chorus-eval-'));
    await writeFile(join(dir, 'lonely.src'), await readFile(join(FIXTURES, 'multinews-tiny.src')));
    const lonely = await evaluate(join(dir, 'lonely.src'), { methods: ['lead'], workers: 0 });
    expect(lonely).toMatchObject({ examples: 3, scored: 0 });
    expect(lonely.warnings).toEqual([expect.stringContaining('no example has a reference summary')]);
  });

  it('adds ROUGE-1.5.5 recall at 100 words on DUC 2003', async () => {
    const report = await evaluate(join(FIXTURES, 'duc2003'), { methods: ['lead'], workers: 0 });
    expect(report).toMatchObject({ dataset: 'duc2003', examples: 2, words: 100 });
    expect(report.methods[0]?.recall155?.rouge1).toBeGreaterThan(20);
    const table = renderEvalTable(report);
    expect(table).toMatch(
      /^method\s+R-1\s+R-2\s+R-L\s+R-Lsum\s+R-1 rec@100\s+R-2 rec@100\s+words\s+ex\/s\/core\n/,
    );
    expect(table).toMatch(/\nlead\s+\d+\.\d\d\s+\d+\.\d\d/);
    expect(table).toContain('2 examples of duc2003');
    expect(table).toMatch(/\nlead: 95% CI R-1 \[\d+\.\d\d, \d+\.\d\d\], R-2 /);
  });

  it('adds the greedy oracle as a last row with --oracle, scoring at least as well as lead here', async () => {
    const report = await evaluate(TINY, { methods: ['lead'], workers: 0, words: 40, oracle: true });
    expect(report.methods.map((m) => m.method)).toEqual(['lead', 'oracle']);
    const [leadRow, oracleRow] = report.methods;
    expect(oracleRow?.rouge1).toBeGreaterThanOrEqual(leadRow?.rouge1 ?? Infinity);
    expect(oracleRow?.meanWords).toBeLessThanOrEqual(40);
    expect(oracleRow?.versus?.method).toBe('lead');
  });

  it('refuses unknown methods and empty datasets before doing any work', async () => {
    await expect(evaluate(TINY, { methods: ['nope'], workers: 0 })).rejects.toMatchObject({ code: 'usage' });
    await expect(evaluate(TINY, { methods: [], workers: 0 })).rejects.toMatchObject({ code: 'usage' });
    const dir = await mkdtemp(join(tmpdir(), 'chorus-eval-'));
    await writeFile(join(dir, 'empty.jsonl'), '\n');
    await expect(evaluate(join(dir, 'empty.jsonl'), { methods: ['lead'], workers: 0 })).rejects.toMatchObject(
      {
        code: 'empty-input',
      },
    );
  });
});

describe('chorus eval (runEval)', () => {
  function sink(): { stream: PassThrough; text: () => string } {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  }

  it('prints JSON with --json and writes {"id","method","summary"} lines in dataset order with --out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chorus-eval-'));
    const out = join(dir, 'summaries.jsonl');
    const stdout = sink();
    const stderr = sink();
    await runEval(
      TINY,
      { methods: ['lead'], workers: 1, json: true, out, words: 30 },
      {
        stdout: stdout.stream,
        stderr: stderr.stream,
      },
    );
    const report = JSON.parse(stdout.text()) as {
      examples: number;
      methods: { method: string; rouge1: number; readability?: Record<string, number> }[];
    };
    expect(report.examples).toBe(3);
    expect(report.methods.map((m) => m.method)).toEqual(['lead']);
    // The readability lint is always in the JSON report.
    expect(Object.keys(report.methods[0]?.readability ?? {})).toEqual([
      'sentences',
      'unbalancedQuotes',
      'noFinalPunctuation',
      'danglingOpenings',
    ]);
    expect(report.methods[0]?.readability?.sentences).toBeGreaterThan(0);
    expect(stderr.text()).toBe(''); // no progress bar off a terminal
    const lines = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines.map((l) => [l.id, l.method])).toEqual([
      ['tiny-1', 'lead'],
      ['tiny-2', 'lead'],
      ['tiny-3', 'lead'],
    ]);
    expect(lines[0]?.summary).toMatch(/^The old swing bridge over Meridian harbor was closed on Saturday/);
  });

  it('prints the table by default', async () => {
    const stdout = sink();
    await runEval(
      TINY,
      { methods: ['lead'], workers: 0, limit: 1 },
      { stdout: stdout.stream, stderr: sink().stream },
    );
    expect(stdout.text()).toMatch(/^method\s+R-1\s+R-2\s+R-L\s+R-Lsum\s+words\s+ex\/s\/core\n/);
    expect(stdout.text()).toContain('1 examples of multinews');
    expect(stdout.text()).not.toContain('readability lint');
  });

  it('adds the readability lint under the table with --lint', async () => {
    const stdout = sink();
    await runEval(
      TINY,
      { methods: ['lead', 'chorus'], workers: 0, lint: true },
      { stdout: stdout.stream, stderr: sink().stream },
    );
    const text = stdout.text();
    expect(text).toMatch(/method\s+sentences\s+unbalanced "\s+no final \.\s+dangling opening/);
    expect(text).toMatch(/\nchorus\s+\d+\s+\d+\.\d\d %\s+\d+\.\d\d %\s+\d+\.\d\d %\n/);
  });
});
