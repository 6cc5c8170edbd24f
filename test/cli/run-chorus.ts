/**
 * Runs the `chorus` command line as a person would: a real Node process over `src/cli/main.ts`, its
 * standard input given (or closed empty), stdout and stderr collected whole. One runner for every CLI test.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface Run {
  /** Exit code; 1 when the process was ended by a signal (a timeout among them). */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock time of the run. */
  readonly ms: number;
}

export interface RunOptions {
  readonly stdin?: string | Buffer;
  /** Added to (and overriding) this process's environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** The process is killed past this many milliseconds. */
  readonly timeout?: number;
}

/** @example const { code, stdout } = await runChorus(['summarize', dir, '--json']); */
export function runChorus(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx/esm', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      ...(options.env && { env: { ...process.env, ...options.env } }),
      ...(options.timeout !== undefined && { timeout: options.timeout }),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Date.now() - started,
      }),
    );
    child.stdin.end(options.stdin ?? '');
  });
}
