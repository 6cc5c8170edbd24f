/**
 * The lab's trainers end to end on the four fictional Multi-News examples of test/fixtures/lab: each
 * must read the data, fit, and write a model file the product accepts. The fits are too small to mean
 * anything; this only proves that `npm run train` and the word-prior script still run as documented.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../src/core/summarize/features.js';
import { checkModel, scoreRows, type SentenceModel } from '../../src/core/summarize/scorer.js';

const root = join(import.meta.dirname, '..', '..');
const data = join(root, 'test/fixtures/lab/multinews-train-tiny.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'chorus-lab-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: readonly string[]): { status: number | null; stderr: string } {
  const child = spawnSync(process.execPath, ['--import', 'tsx/esm', script, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: child.status, stderr: child.stderr };
}

describe('lab/summarize/train.ts', () => {
  it.each([
    ['trees', ['--model', 'trees', '--trees', '3', '--depth', '2']],
    ['logistic', ['--model', 'logistic', '--epochs', '2']],
    ['trees', ['--trees', '3', '--depth', '2', '--selectable', 'both', '--oracle-weight', '0.7']],
  ])('fits a %s model the summarizer accepts', (kind, flags) => {
    const out = join(dir, `${kind}-${flags.length}.json`);
    const { status, stderr } = run('lab/summarize/train.ts', ['--data', data, '--out', out, ...flags]);
    expect(status, stderr).toBe(0);
    expect(stderr).toMatch(/features: 4 examples/);
    const model = checkModel(JSON.parse(readFileSync(out, 'utf8')) as SentenceModel);
    expect(model.kind).toBe(kind);
    expect(model.features).toEqual([...FEATURE_NAMES]);
    if (model.kind === 'trees') expect(model.trees).toHaveLength(3);
    const scores = scoreRows(model, [new Float64Array(FEATURE_NAMES.length)]);
    expect(Number.isFinite(scores[0])).toBe(true);
  });

  it('refuses an unknown --selectable, with exit code 2', () => {
    const { status, stderr } = run('lab/summarize/train.ts', ['--data', data, '--selectable', 'some']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--selectable all\|rows\|oracle\|both, found .* and some/);
  });

  it('refuses a run without data, with usage and exit code 2', () => {
    const { status, stderr } = run('lab/summarize/train.ts', []);
    expect(status).toBe(2);
    expect(stderr).toMatch(/usage: npm run train/);
  });
});

describe('lab/summarize/word-prior.ts', () => {
  it('writes a prior of stems with probabilities', () => {
    const out = join(dir, 'prior.json');
    const args = ['--data', data, '--skip', '0', '--min', '1', '--out', out];
    const { status, stderr } = run('lab/summarize/word-prior.ts', args);
    expect(status, stderr).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8')) as { base: number; prior: Record<string, number> };
    expect(file.base).toBeGreaterThan(0);
    // The moose story's reference says "moose", so its stem beats the base rate.
    expect(file.prior['moos']).toBeGreaterThan(file.base);
    for (const p of Object.values(file.prior)) expect(p >= 0 && p <= 1).toBe(true);
  });
});

describe('lab/summarize/tune-chorus.ts', () => {
  it('scores each flaw-penalty setting with its readability lint', () => {
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx/esm',
        'lab/summarize/tune-chorus.ts',
        '--data',
        data,
        '--skip',
        '1',
        '--limit',
        '3',
        '--grid',
        'slack',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout).toMatch(/^3 examples/);
    const settings = child.stdout.split('\n').filter((l) => l.startsWith('{'));
    expect(settings).toHaveLength(6);
    for (const line of settings) expect(line).toMatch(/R-1 [\d.]+ .* lint [\d.]+ \/ [\d.]+ \/ [\d.]+$/);
    expect(settings[0]).toContain('"readable":false');
  }, 60_000);
});
