/**
 * Runs `chorus serve` / `chorus start` as a real child process (node with tsx's loader, one process,
 * so signals reach the server itself) and waits for the line that gives its address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface ServerProcess {
  readonly proc: ChildProcess;
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the CLI with `args`; resolves once it prints its address, rejects if it exits first. */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): {
  proc: ChildProcess;
  output: () => string;
  exited: ServerProcess['exited'];
} {
  const proc = spawn(process.execPath, ['--import', 'tsx/esm', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, CHORUS_TOKEN: '', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { proc, output: () => output, exited };
}

export async function startServerProcess(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const run = runCli(args, env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      run.proc.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${run.output()}`));
    }, timeoutMs);
    const check = () => {
      const m = /running at (http:\/\/[^\s/]+)\//.exec(run.output());
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    run.proc.stdout?.on('data', check);
    void run.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before starting:\n${run.output()}`));
    });
  });
  return { ...run, url };
}
