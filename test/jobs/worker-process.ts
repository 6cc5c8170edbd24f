/** `chorus worker --json` as a real process, its JSON lines collected as they come. */
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from '../cli/run-chorus.js';

export interface WorkerLine {
  readonly pid: number;
  readonly event: 'ready' | 'start' | 'end' | 'poll' | 'idle';
  readonly job?: { kind: string; storyId?: string; feedId?: string };
  readonly result?: string;
  readonly ingested?: number;
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly lines: WorkerLine[];
  readonly stderr: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Resolves with the first line (already seen or to come) matching `test`; rejects after `ms`. */
  waitFor(test: (line: WorkerLine) => boolean, ms: number): Promise<WorkerLine>;
}

export function startWorkerProcess(args: readonly string[]): WorkerProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx/esm', 'src/cli/main.ts', 'worker', '--json', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: WorkerLine[] = [];
  const waiters: (() => void)[] = [];
  let rest = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => {
    const parts = (rest + b.toString()).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) if (p.trim()) lines.push(JSON.parse(p) as WorkerLine);
    for (const w of waiters.splice(0)) w();
  });
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    lines,
    stderr: () => err,
    exited,
    waitFor(test, ms) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such line in ${ms} ms; stderr: ${err}`)), ms);
        const check = () => {
          const found = lines.find(test);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}
