/** The join-model trainer end to end on a fictional dated stream: it writes a valid model, byte for byte again. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOIN_FEATURES } from '../../src/core/cluster/join-features.js';
import { checkJoinModel, type JoinModel } from '../../src/core/cluster/join-model.js';
import { LATE_FEATURES } from '../../src/core/cluster/late-features.js';
import { termVectors, type TermVectorsFile } from '../../src/core/cluster/term-vectors.js';

const DIR = 'test/fixtures/cluster-join';

function train(out: string): string {
  return execFileSync(
    'npx',
    [
      'tsx',
      'lab/cluster-join/train.ts',
      `${DIR}/train.jsonl:${DIR}/train.dates.tsv`,
      '--examples',
      '12',
      '--thresholds',
      '0.3,0.6',
      '--trees',
      '5',
      '--out',
      out,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

describe('lab/cluster-join/train.ts', () => {
  it('writes a join model over the features the clusterer computes, the same bytes twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-join-'));
    const log = train(join(dir, 'a.json'));
    train(join(dir, 'b.json'));
    const text = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(text);
    const model = checkJoinModel(JSON.parse(text) as JoinModel);
    expect(model.features).toEqual([...JOIN_FEATURES]);
    expect([0.3, 0.6]).toContain(model.threshold);
    expect(model.trees.trees).toHaveLength(5);
    expect(log).toMatch(/fold 0: rule BCubed/);
    expect(log).toMatch(/kept threshold/);
  }, 120_000);
});

describe('lab/cluster-join/oracle.ts', () => {
  it('scores a never-wrong choice at least as well as the rule, better with more candidates', () => {
    const log = execFileSync(
      'npx',
      [
        'tsx',
        'lab/cluster-join/oracle.ts',
        `${DIR}/train.jsonl:${DIR}/train.dates.tsv`,
        '--examples',
        '12',
        '--candidates',
        '1,5',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const f1 = [...log.matchAll(/F1 ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(f1).toHaveLength(3);
    expect(f1[1]).toBeGreaterThanOrEqual(f1[0]! - 1e-9);
    expect(f1[2]).toBeGreaterThanOrEqual(f1[1]! - 1e-9);
    expect(log).toMatch(/oracle over 5 candidates: own story held for \d+ articles/);
  }, 120_000);
});

const tsx = (args: string[]) =>
  execFileSync('npx', ['tsx', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('lab/cluster-join/vectors.ts and late.ts', () => {
  it('writes term vectors the clusterer decodes, the same bytes twice, and tunes late joins with them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-vectors-'));
    const build = (out: string) =>
      tsx([
        'lab/cluster-join/vectors.ts',
        `${DIR}/train.jsonl:${DIR}/train.dates.tsv`,
        '--examples',
        '4',
        '--min-df',
        '2',
        '--dimensions',
        '4',
        '--out',
        out,
      ]);
    expect(build(join(dir, 'a.json'))).toMatch(/articles of \d+ terms \(\d+ stream examples left out\)/);
    build(join(dir, 'b.json'));
    const text = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(text);
    const file = JSON.parse(text) as TermVectorsFile;
    expect(file.dimensions).toBe(4);
    const fire = termVectors(file).embed([['fire', 1]]);
    expect(Math.hypot(...fire)).toBeGreaterThan(0);

    const log = tsx([
      'lab/cluster-join/late.ts',
      `${DIR}/train.jsonl:${DIR}/train.dates.tsv`,
      '--examples',
      '12',
      '--trees',
      '5',
      '--thresholds',
      '0.3',
      '--late',
      '0,0.5',
      '--vectors',
      join(dir, 'a.json'),
    ]);
    expect(log.trim().split('\n')).toHaveLength(2);
    expect(log).toMatch(/threshold 0.3 late 0.5: P [\d.]+ R [\d.]+ F1 [\d.]+; .*mean F1 [\d.]+/);

    // The late decision reading them: late trees fitted on the dense features of the late runs.
    const variants = tsx([
      'lab/cluster-join/late-variants.ts',
      `${DIR}/train.jsonl:${DIR}/train.dates.tsv`,
      '--examples',
      '12',
      '--vectors',
      join(dir, 'a.json'),
      '--variant',
      '',
    ]);
    expect(variants).toMatch(/^shipped: P [\d.]+ R [\d.]+ F1 [\d.]+; .*mean F1 [\d.]+/m);
  }, 120_000);
});

describe('lab/cluster-join/late-model.ts', () => {
  it('writes a late-join model over the late features, the same bytes twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-late-'));
    const build = (out: string) =>
      tsx([
        'lab/cluster-join/late-model.ts',
        `${DIR}/train.jsonl:${DIR}/train.dates.tsv`,
        '--examples',
        '12',
        '--trees',
        '5',
        '--late',
        '0.3,0.6',
        '--oracle',
        '--mix',
        '--out',
        out,
      ]);
    const log = build(join(dir, 'a.json'));
    build(join(dir, 'b.json'));
    const text = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(text);
    const model = checkJoinModel(JSON.parse(text) as JoinModel, LATE_FEATURES);
    expect([0.3, 0.6]).toContain(model.threshold);
    expect(log).toMatch(/fold 0: \d+ late decisions, \d+ pairs, \d+ positive/);
    expect(log).toMatch(/oracle late decision: P [\d.]+ R [\d.]+ F1 [\d.]+/);
    expect(log).toMatch(/kept late threshold/);
  }, 120_000);
});

describe('lab/cluster-join/late-variants.ts and late-errors.ts', () => {
  it('measures option variants with trees it keeps, and buckets the late decisions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-variants-'));
    const models = join(dir, 'models.json');
    const stream = `${DIR}/train.jsonl:${DIR}/train.dates.tsv`;
    const variants = (more: string[]) =>
      tsx(['lab/cluster-join/late-variants.ts', stream, '--examples', '12', '--models', models, ...more]);
    const first = variants([
      '--collect',
      'lateJoinSize=3,lateStoryThreshold=0.99',
      '--oracle',
      '--variant',
      '',
    ]);
    const kept = readFileSync(models, 'utf8');
    const again = variants(['--variant', '', '--variant', 'lateJoinSize=1']);
    expect(readFileSync(models, 'utf8')).toBe(kept);
    const f1 = (log: string) => /^shipped: .*mean F1 ([\d.]+)/m.exec(log)?.[1];
    expect(f1(again)).toBe(f1(first));
    expect(first).toMatch(/^shipped, oracle: P [\d.]+ R [\d.]+ F1 [\d.]+; .*mean F1 [\d.]+/m);
    expect(again).toMatch(/^lateJoinSize=1: P [\d.]+/m);
    // Late trees fitted again from the kept arrival trees are the same trees (the same pairs); an oracle
    // that needs no shared words is the oracle, one that needs a cosine above 1 never joins late.
    const refit = variants([
      '--refit-late',
      '--collect',
      'lateJoinSize=3,lateStoryThreshold=0.99',
      '--oracle',
      '--oracle-link',
      '0,2',
      '--hybrid-link',
      '2',
      '--both-link',
      '0,2',
      '--variant',
      '',
      '--variant',
      'lateJoinThreshold=0',
    ]);
    expect(readFileSync(models, 'utf8')).toBe(kept);
    expect(f1(refit)).toBe(f1(first));
    const oracle = (log: string, what: string) =>
      new RegExp(`^${what}: .*mean F1 ([\\d.]+)`, 'm').exec(log)?.[1];
    expect(oracle(refit, 'shipped, oracle joining only at a link ≥ 0')).toBe(
      oracle(first, 'shipped, oracle'),
    );
    expect(oracle(refit, 'shipped, oracle joining only at a link ≥ 2')).toBe(
      oracle(refit, 'lateJoinThreshold=0'),
    );
    expect(oracle(refit, 'shipped, oracle')).not.toBe(oracle(refit, 'lateJoinThreshold=0'));
    // An oracle that never joins, the late model deciding everywhere else, is the late model.
    expect(oracle(refit, 'shipped, oracle at a link ≥ 2, the late model elsewhere')).toBe(f1(refit));
    // Both oracles never wrong: no precision lost; needing a cosine above 1, every article stays alone.
    expect(refit).toMatch(
      /^arrival and late oracles at a link ≥ 0: P 1\.0000 R [\d.]+ F1 [\d.]+; P 1\.0000 /m,
    );
    expect(refit).toMatch(
      /^arrival and late oracles at a link ≥ 2: P 1\.0000 R [\d.]+ F1 [\d.]+; P 1\.0000 /m,
    );
    const both = (t: string) => Number(oracle(refit, `arrival and late oracles at a link ≥ ${t}`));
    expect(both('0')).toBeGreaterThan(both('2'));
    const errors = tsx(['lab/cluster-join/late-errors.ts', stream, '--examples', '12', '--models', models]);
    expect(errors).toMatch(/fold 0:/);
    expect(errors).toMatch(/own story left alone, by its probability \(tenths\): (\d+ ){9}\d+/);
  }, 180_000);
});
