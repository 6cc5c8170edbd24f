/**
 * `chorus pairs` as a script runs it: a real process over a fictional MSRP-layout file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'chorus-pairs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function chorus(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx/esm', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PAIRS = [
  'Quality\t#1 ID\t#2 ID\t#1 String\t#2 String',
  "1\tq1\tq2\tThe state fire marshal's office is investigating the cause of the fire.\tThe cause of the fire is under investigation by the state fire marshal's office.",
  '0\tq3\tq4\tTwelve people were injured in the fire.\tFifteen people were injured in the fire.',
].join('\n');

describe('chorus pairs', () => {
  const file = join(dir, 'pairs.txt');
  writeFileSync(file, PAIRS);

  it.each([['citation'], ['paraphrase']])(
    'prints id1, id2, score and decision per pair (%s)',
    (threshold) => {
      const r = chorus(['pairs', file, '--threshold', threshold]);
      expect(r.code).toBe(0);
      const rows = r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t'));
      expect(rows.map((f) => [f[0], f[1], f[3]])).toEqual([
        ['q1', 'q2', '1'],
        ['q3', 'q4', '0'],
      ]);
      expect(rows.every((f) => Number(f[2]) >= 0 && Number(f[2]) <= 1)).toBe(true);
    },
  );

  it('prints JSON with the contradiction that refused a pair', () => {
    const r = chorus(['pairs', file, '--json']);
    expect(JSON.parse(r.stdout)[1]).toMatchObject({ id1: 'q3', decision: 0, contradiction: 'figures' });
  });

  it.each<[string, string, number]>([
    ['missing file', join(dir, 'nope.txt'), 3],
    ['malformed row', 'bad', 6],
    ['header only', 'empty', 4],
    ['binary file', 'binary', 5],
  ])('refuses a %s with its exit code', (_, name, code) => {
    if (name === 'bad') writeFileSync(join(dir, 'bad'), 'header\n1\t2\tonly');
    if (name === 'binary')
      writeFileSync(join(dir, 'binary'), Buffer.from([0x51, 0x09, 0x00, 0xff, 0x0a, 0x00, 0x31]));
    if (name === 'empty') writeFileSync(join(dir, 'empty'), 'Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n');
    const r = chorus(['pairs', name.startsWith('/') ? name : join(dir, name)]);
    expect(r.code).toBe(code);
    expect(r.stderr).not.toBe('');
    if (name === 'binary') expect(r.stderr).toContain('binary file');
  });
});
