/**
 * `chorus serve` as its own process over a given store, for the benchmarks that load the server from
 * outside (`serve.ts`, `big-story.ts`): resolves once it listens, with its URL, pid and a stop function.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts `chorus serve --db <db>` on a free port, without samples or token, logging warnings only. */
export function startChorusServer(db: string, extra: readonly string[] = []): Promise<ServerProcess> {
  const args = [
    '--import',
    'tsx/esm',
    'src/cli/main.ts',
    'serve',
    '--port',
    '0',
    '--db',
    db,
    '--no-samples',
    ...extra,
  ];
  const proc = spawn(process.execPath, [...args, '--log-level', 'warn'], {
    cwd: root,
    env: { ...process.env, CHORUS_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => proc.on('close', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/[^\s/]+)\//.exec(out);
      if (m?.[1])
        resolve({
          url: m[1],
          pid: proc.pid ?? 0,
          stop: async () => {
            proc.kill('SIGTERM');
            await exited;
          },
        });
    });
    void exited.then(() => reject(new Error(`server exited before starting:\n${out}`)));
  });
}
