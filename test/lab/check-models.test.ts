/** lab/check-models.ts without the data: its arguments, its plan of commands, its table and exit code. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  commandText,
  exitCode,
  formatTable,
  MODELS,
  parseCheckArgs,
  planRuns,
  type CheckRow,
  type ModelSpec,
} from '../../lab/check-models.js';

describe('lab/check-models.ts', () => {
  it('reads its arguments', () => {
    const rows: [string[], ReturnType<typeof parseCheckArgs>][] = [
      [[], { data: '/x/shared/data', only: undefined, json: false, keep: false, tmp: undefined }],
      [
        ['--only', 'ner,chorus', '--json'],
        { data: '/x/shared/data', only: ['ner', 'chorus'], json: true, keep: false, tmp: undefined },
      ],
      [
        ['--data', '/d', '--keep', '--tmp', '/t'],
        { data: '/d', only: undefined, json: false, keep: true, tmp: '/t' },
      ],
    ];
    for (const [argv, expected] of rows) expect(parseCheckArgs(argv, '/x/repo')).toEqual(expected);
    expect(() => parseCheckArgs(['stray'], '/x')).toThrow(/no positional argument, found "stray"/);
    expect(() => parseCheckArgs(['--only', ','], '/x')).toThrow(/--only NAME/);
    expect(() => parseCheckArgs(['--bogus'], '/x')).toThrow();
  });

  it('lists every shipped model once, each after the models it reads, with scripts that exist', () => {
    const names = MODELS.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(MODELS.map((m) => m.shipped)).size).toBe(names.length);
    MODELS.forEach((m, i) => {
      for (const dep of m.after) expect(names.slice(0, i)).toContain(dep);
      expect(existsSync(m.shipped)).toBe(true);
      for (const s of m.steps) expect(existsSync(s.script)).toBe(true);
    });
  });

  it('plans the commands with the data and temporary folders filled in, --out on the last step', () => {
    const plan = planRuns(['chorus', 'ner'], '/data', '/tmp/m');
    // The table's order, not the argument's.
    expect(plan.map((p) => p.spec.name)).toEqual(['ner', 'chorus']);
    const ner = plan[0]!;
    expect(ner.rebuilt).toBe('/tmp/m/ner.json');
    expect(ner.steps.map((s) => [s.script, ...s.args])).toEqual([
      ['lab/ner/clusters.ts', '/data/multi-news/train.jsonl.gz', '--out', '/tmp/m/ner-clusters.txt'],
      [
        'lab/ner/train.ts',
        '/data/conll2003',
        '--clusters',
        '/tmp/m/ner-clusters.txt',
        '--out',
        '/tmp/m/ner.json',
      ],
    ]);
    const dated = planRuns(['join'], '/data', '/t')[0]!.steps[0]!.args[0];
    expect(dated).toBe('/data/multi-news/train.jsonl.gz:/data/multi-news/train.dates.tsv');
    expect(planRuns(undefined, '/d', '/t')).toHaveLength(MODELS.length);
    expect(() => planRuns(['ner', 'nope'], '/d', '/t')).toThrow(/among cluster-idf, .* found nope/);
  });

  it('prints the docs form of each command, a table and an exit code', () => {
    const spec: ModelSpec = {
      name: 'm',
      shipped: 'src/m.json',
      steps: [
        { script: 'lab/a.ts', args: ['DATA/x', '--out', 'TMP/y'] },
        { script: 'lab/b.ts', args: ['TMP/y', '--t', '{"a":0.5}'] },
      ],
      after: [],
    };
    expect(commandText(spec)).toBe(
      `npx tsx lab/a.ts DATA/x --out TMP/y && npx tsx lab/b.ts TMP/y --t '{"a":0.5}'`,
    );
    const rows: CheckRow[] = [
      { model: 'up', command: 'c1', seconds: 61.4, outcome: 'differs', upstreamDiffers: [] },
      { model: 'down', command: 'c2', seconds: 5, outcome: 'same', upstreamDiffers: ['up'] },
    ];
    const lines = formatTable(rows).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^model +result +seconds +command$/);
    expect(lines[1]).toMatch(/^up +differs +61 +c1$/);
    expect(lines[2]).toMatch(/^down +same \(after up differs\) +5 +c2$/);
    expect(exitCode(rows)).toBe(1);
    expect(exitCode(rows.slice(1))).toBe(0);
    expect(exitCode([{ ...rows[1]!, outcome: 'failed' }])).toBe(1);
  });
});
