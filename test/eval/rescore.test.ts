import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/runner/evaluate.js';
import { readSummaryFile, rescore } from '../../src/eval/runner/rescore.js';
import { renderEvalTable } from '../../src/eval/runner/table.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/eval/', import.meta.url));
const TINY = join(FIXTURES, 'multinews-tiny.jsonl');

async function file(lines: readonly unknown[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'chorus-rescore-'));
  const path = join(dir, 'summaries.jsonl');
  await writeFile(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return path;
}

describe('rescore', () => {
  it('gives the same scores as the live run whose --out it reads', async () => {
    const lines: unknown[] = [];
    const live = await evaluate(
      TINY,
      { methods: ['lead'], workers: 0, words: 40, keepSummaries: true },
      {
        onResult: (r) =>
          r.results.forEach((m) => lines.push({ id: r.id, method: m.method, summary: m.summary })),
      },
    );
    const again = await rescore(TINY, await file(lines));
    expect(
      again.methods.map((m) => [m.method, m.rouge1, m.rouge2, m.rougeL, m.rougeLsum, m.meanWords]),
    ).toEqual(live.methods.map((m) => [m.method, m.rouge1, m.rouge2, m.rougeL, m.rougeLsum, m.meanWords]));
    expect(renderEvalTable(again)).toMatch(/\nlead .* –\n/);
  });

  it('scores only the examples the file names, reports missing methods and unknown ids', async () => {
    const path = await file([
      { id: 'tiny-1', summary: 'The old swing bridge over Meridian harbor closed.' },
      { id: 'tiny-1', method: 'other', summary: 'Ferries run.' },
      { id: 'tiny-2', summary: 'A late frost damaged the apricot blossoms.' },
      { id: 'not-there', summary: 'x' },
      '',
    ]);
    const report = await rescore(TINY, path);
    expect(report.examples).toBe(2);
    expect(report.methods.map((m) => [m.method, m.errors])).toEqual([
      ['summary', 0],
      ['other', 1],
    ]);
    expect(report.warnings).toEqual([
      expect.stringContaining('left out not-there: not an example of'),
      expect.stringMatching(
        /^other failed on 1 example\(s\), scored as empty; first: tiny-2: no summary in the file/,
      ),
    ]);
  });

  it('refuses malformed files and files that name no example of the dataset', async () => {
    await expect(readSummaryFile(await file(['{"id": "a", "summary": 3}']))).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('on line 1'),
    });
    await expect(readSummaryFile(await file(['{"id": "a"', '']))).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(readSummaryFile(await file(['']))).rejects.toMatchObject({ code: 'empty-input' });
    await expect(rescore(TINY, await file([{ id: 'zzz', summary: 'x' }]))).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('adds ROUGE-1.5.5 recall on DUC', async () => {
    const path = await file([{ id: 'd90001t', summary: 'Port Meridian closed its old swing bridge.' }]);
    const report = await rescore(join(FIXTURES, 'duc2003'), path);
    expect(report.methods[0]?.recall155?.rouge1).toBeGreaterThan(0);
  });
});
