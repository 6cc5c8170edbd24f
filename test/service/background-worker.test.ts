/**
 * The background worker rebuilds stale reports until none are left (in small rounds, not a one-off
 * batch), picks up writes made after it went idle, and a worker killed with SIGKILL mid-rebuild loses
 * nothing: the stories stay stale in the store and the next worker rebuilds them.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startWorker } from '../../src/service/background-worker.js';
import { IngestService } from '../../src/service/ingest-service.js';
import { openStore } from '../../src/storage/open-store.js';
import { ROOT } from '../server/server-process.js';
import { loneStories } from './lone-stories.js';

const dir = mkdtempSync(join(tmpdir(), 'chorus-worker-'));

async function staleStore(name: string, events: number) {
  const path = join(dir, name);
  const store = await openStore({ sqlitePath: path });
  const service = await IngestService.open(store, { refresh: false });
  await service.ingest(loneStories(events));
  return { path, store, service };
}

describe('background worker', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds every stale report as jobs, then those of later writes', { timeout: 30_000 }, async () => {
    const { store, service } = await staleStore('rounds.db', 12);
    try {
      expect((await store.stats()).staleReports).toBe(12);
      const rounds: number[] = [];
      const worker = await startWorker(
        service,
        undefined,
        { storiesPerRound: 5, idleMs: 50, feeds: false },
        { onReports: (n) => rounds.push(n) },
      );
      await worker.idle();
      expect((await store.stats()).staleReports).toBe(0);
      // One job per stale story, enqueued 5 per sweep.
      expect(rounds).toEqual(Array.from({ length: 12 }, () => 1));

      // A write after the worker went idle is picked up on its next check.
      await service.ingest(loneStories(2, 100));
      for (let waited = 0; (await store.stats()).staleReports > 0 && waited < 30_000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await store.stats()).staleReports).toBe(0);
      await worker.stop();
    } finally {
      await store.close();
    }
  });

  it(
    'loses nothing when killed with SIGKILL mid-rebuild: the next worker finishes',
    { timeout: 240_000 },
    async () => {
      const { path, store } = await staleStore('killed.db', 30);
      await store.close();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx/esm', 'src/cli/main.ts', 'worker', '--db', path, '--no-feeds'],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const exited = new Promise((resolve) => child.on('close', resolve));
      // Killed as soon as its first round is saved, with more rounds to go.
      await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
      child.kill('SIGKILL');
      await exited;
      const between = await openStore({ sqlitePath: path });
      const left = (await between.stats()).staleReports;
      await between.close();
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(30);

      const run = await new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile(
          process.execPath,
          ['--import', 'tsx/esm', 'src/cli/main.ts', 'worker', '--db', path, '--once', '--no-feeds'],
          { cwd: ROOT, timeout: 200_000 },
          (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
        ),
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`${left} reports rebuilt; 0 stale left`);
    },
  );
});
