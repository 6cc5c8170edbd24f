/**
 * Runs the original Perl ROUGE-1.5.5 on peer/model file sets, for `bench/rouge-conformance.ts`. The
 * script is unpacked into a temporary folder; `XML::DOM` (used only for XML settings files, which `-z
 * SPL` file lists never need) is replaced by an empty stub when Perl lacks it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PerlEval {
  readonly peer: string;
  readonly models: readonly string[];
}

export interface PerlScores {
  readonly r: number;
  readonly p: number;
  readonly f: number;
}

/** The folder holding `ROUGE-1.5.5.pl` and `data/`, unpacked from `dir` when only the .tgz is there. */
export function unpackRouge(dir: string, work: string): string {
  for (const candidate of [dir, join(dir, 'RELEASE-1.5.5')])
    if (existsSync(join(candidate, 'ROUGE-1.5.5.pl'))) return candidate;
  execFileSync('tar', ['xzf', join(dir, 'ROUGE-1.5.5.tgz'), '-C', work]);
  return join(work, 'RELEASE-1.5.5');
}

function needsDomStub(): boolean {
  try {
    execFileSync('perl', ['-MXML::DOM', '-e', '1'], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
}

/** A fresh working folder whose path has no spaces (file lists split on whitespace). */
export function workFolder(): string {
  return mkdtempSync(join(tmpdir(), 'chorus-rouge-'));
}

/**
 * Scores each eval (a peer text against model texts) with the Perl script and `flags` (e.g. `-m -l 100`);
 * returns ROUGE-1 and ROUGE-2 per eval, in order.
 */
export function runPerlRouge(
  rougeDir: string,
  work: string,
  evals: readonly PerlEval[],
  flags: readonly string[],
): { rouge1: PerlScores; rouge2: PerlScores }[] {
  const run = mkdtempSync(join(work, 'run-'));
  const lines: string[] = [];
  evals.forEach((e, i) => {
    const peer = join(run, `p${i}`);
    writeFileSync(peer, e.peer);
    const models = e.models.map((m, j) => {
      const path = join(run, `m${i}-${j}`);
      writeFileSync(path, m);
      return path;
    });
    lines.push([peer, ...models].join(' '));
  });
  const list = join(run, 'files.lst');
  writeFileSync(list, `${lines.join('\n')}\n`);
  const include: string[] = [];
  if (needsDomStub()) {
    const stub = join(work, 'stub', 'XML');
    mkdirSync(stub, { recursive: true });
    writeFileSync(
      join(stub, 'DOM.pm'),
      'package XML::DOM::Parser;\nsub new { return bless {}, shift; }\n1;\n',
    );
    include.push('-I', join(work, 'stub'));
  }
  const args = [
    ...include,
    join(rougeDir, 'ROUGE-1.5.5.pl'),
    '-e',
    join(rougeDir, 'data'),
    '-n',
    '2',
    '-x',
    '-r',
    '10',
    '-d',
    ...flags,
    '-z',
    'SPL',
    list,
  ];
  const out = execFileSync('perl', args, {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const results = evals.map(() => ({ rouge1: { r: 0, p: 0, f: 0 }, rouge2: { r: 0, p: 0, f: 0 } }));
  for (const [, n, id, r, p, f] of out.matchAll(
    /ROUGE-([12]) Eval (\d+)\S* R:([\d.]+) P:([\d.]+) F:([\d.]+)/g,
  )) {
    const row = results[Number(id) - 1];
    if (row) row[n === '1' ? 'rouge1' : 'rouge2'] = { r: Number(r), p: Number(p), f: Number(f) };
  }
  return results;
}
