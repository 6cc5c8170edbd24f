/**
 * The quality gate's logic on a tiny fictional data folder shaped like ../shared/data (the real
 * figures are measured by CI, never by tests): each floor holds or fails, a measure runs once however
 * many floors read it, and the script exits 1 under a floor, 2 on bad flags, 3 without the data.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  multiNewsRouge,
  runGate,
  streamBCubed,
  type Floor,
  type Measure,
} from '../../src/eval/quality-gate.js';
import { labelledStream } from '../../src/eval/cluster-streams.js';

const root = join(import.meta.dirname, '..', '..');
const examples = readFileSync(join(root, 'test/fixtures/lab/multinews-train-tiny.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; summary: string; documents: string[] });

/** A data folder: the four fictional examples as validation, and their articles as a dated stream. */
const dataDir = mkdtempSync(join(tmpdir(), 'chorus-gate-'));
mkdirSync(join(dataDir, 'multi-news'));
writeFileSync(
  join(dataDir, 'multi-news/validation.jsonl.gz'),
  gzipSync(examples.map((e) => JSON.stringify(e)).join('\n') + '\n'),
);
const stream = examples.flatMap((e, k) =>
  e.documents.map((text, i) => ({ id: `${e.id}#${i + 1}`, date: `2026-01-0${k + 1}`, text, story: e.id })),
);
writeFileSync(
  join(dataDir, 'multi-news/validation.stream.jsonl.gz'),
  gzipSync(stream.map((r) => JSON.stringify(r)).join('\n') + '\n'),
);
// A tiny fictional CoNLL file stands in for eng.testa.
mkdirSync(join(dataDir, 'conll2003'));
writeFileSync(join(dataDir, 'conll2003/eng.testa'), readFileSync(join(root, 'test/fixtures/ner/tiny.conll')));
// An empty PolNeAR dev folder: the speaker floors read zero there, under their floors like the rest.
mkdirSync(join(dataDir, 'polnear/dev/text'), { recursive: true });
mkdirSync(join(dataDir, 'polnear/dev/attributions'), { recursive: true });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const floor = (name: string, measure: Measure, figure: string, value: number): Floor => ({
  name,
  measure,
  figure,
  floor: value,
  measured: value,
});

describe('runGate', () => {
  it('passes figures at or over their floor and fails those under it', async () => {
    const results = await runGate(dataDir, { workers: 0 }, [
      floor('R-1', multiNewsRouge, 'rouge1', 1),
      floor('R-2 impossible', multiNewsRouge, 'rouge2', 101),
      floor('BCubed', streamBCubed, 'f1', 0.1),
    ]);
    expect(results.map((r) => [r.name, r.passed])).toEqual([
      ['R-1', true],
      ['R-2 impossible', false],
      ['BCubed', true],
    ]);
    expect(results[0]!.value).toBeGreaterThan(1);
    expect(results[2]!.value).toBeLessThanOrEqual(1);
  });

  it('runs each measure once for all the floors that read it', async () => {
    let calls = 0;
    const counted: Measure = async () => {
      calls++;
      return { a: 1, b: 2 };
    };
    const results = await runGate(dataDir, {}, [floor('a', counted, 'a', 1), floor('b', counted, 'b', 3)]);
    expect(calls).toBe(1);
    expect(results.map((r) => r.passed)).toEqual([true, false]);
  });

  it('refuses a floor naming a figure its measure does not give', async () => {
    await expect(runGate(dataDir, {}, [floor('x', async () => ({ a: 1 }), 'z', 0)])).rejects.toThrow(
      /gives no figure "z"/,
    );
  });

  it('reads the dated stream in its order, up to the limit, with gold stories', async () => {
    const read = await labelledStream(join(dataDir, 'multi-news/validation.stream.jsonl.gz'), 3);
    expect(read.map((x) => x.article.id)).toEqual(['lab-1#1', 'lab-1#2', 'lab-1#3']);
    expect(read.every((x) => x.gold === 'lab-1' && x.article.date?.startsWith('2026-01-01'))).toBe(true);
  });
});

describe('bench/quality-gate.ts', () => {
  const run = (args: readonly string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx/esm', 'bench/quality-gate.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
    });

  it.each([
    ['no data folder', [], 2],
    ['an unknown flag', [dataDir, '--bogus'], 2],
    ['a folder without the data', [join(dataDir, 'nothing-here')], 3],
  ])('exits with a reason on %s', (_name, args, code) => {
    const child = run(args);
    expect(child.status).toBe(code);
    expect(child.stderr).toMatch(/usage|expected/);
  });

  it('exits 1 when a figure is under its floor (the fictional data is far under the real floors)', () => {
    const child = run([dataDir, '--method', 'lead', '--workers', '0']);
    expect(child.status, child.stderr).toBe(1);
    expect(child.stdout).toMatch(/FAIL {2}ROUGE-1 F1/);
    expect(child.stdout).toMatch(/figure\(s\) under the floor/);
  });
});
