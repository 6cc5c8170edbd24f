/** The tuning script end to end on fictional streams: a grid over a headline stream and a dated train stream. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const DIR = 'test/fixtures/cluster-streams';

describe('lab/tune-cluster.ts', () => {
  it('prints one line per combination, best first', () => {
    const out = execFileSync(
      'npx',
      [
        'tsx',
        'lab/tune-cluster.ts',
        `${DIR}/headlines.jsonl`,
        `${DIR}/train.jsonl.gz:${DIR}/train.dates.tsv`,
        '--examples',
        '4',
        '--grid',
        'threshold=0.1,0.9',
        '--set',
        'graceDays=0',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const lines = out.trim().split('\n').slice(1);
    expect(lines).toHaveLength(2);
    const f1 = lines.map((l) => Number(/^F1 ([\d.]+)/.exec(l)?.[1]));
    expect(f1[0]).toBeGreaterThanOrEqual(f1[1] ?? 1);
    expect(lines[0]).toContain('"threshold":0.1');
  }, 60_000);
});
