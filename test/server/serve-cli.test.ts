/**
 * `chorus serve` and `chorus start` as real processes: they listen on a free port, answer, load the
 * samples into an empty store only, stop on SIGTERM closing the store, and refuse to listen beyond
 * loopback without a token.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/cli/exit-codes.js';
import { resolveServeOptions } from '../../src/server/server-config.js';
import { startServer } from '../../src/server/start-server.js';
import { ROOT, runCli, startServerProcess } from './server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'chorus-serve-'));

describe('chorus serve / start as processes', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves on a free port, answers /api/health, and stops on SIGTERM', async () => {
    const db = join(dir, 'serve.db');
    const server = await startServerProcess([
      'serve',
      '--port',
      '0',
      '--db',
      db,
      '--no-samples',
      '--log-level',
      'warn',
    ]);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'sqlite', articles: 0 });
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    server.proc.kill('SIGTERM');
    const { code, signal } = await server.exited;
    expect([code, signal]).toEqual([0, null]);
    expect(server.output()).toMatch(/Stopping \(SIGTERM\)/);
    // The store was closed cleanly: SQLite folded its write-ahead log back into the file.
    expect(existsSync(`${db}-wal`)).toBe(false);
  }, 90_000);

  it('start loads the sample stories into an empty store, and not again on the next run', async () => {
    const db = join(dir, 'start.db');
    const first = await startServerProcess(['start', '--port', '0', '--db', db, '--log-level', 'warn']);
    const stats = (await (await fetch(`${first.url}/api/health`)).json()) as {
      articles: number;
      stories: number;
    };
    expect(stats.articles).toBeGreaterThanOrEqual(15);
    expect(stats.stories).toBeGreaterThanOrEqual(5);
    expect(first.output()).toMatch(/Loaded \d+ sample articles/);
    first.proc.kill('SIGINT');
    expect((await first.exited).code).toBe(0);

    const second = await startServerProcess(['start', '--port', '0', '--db', db, '--log-level', 'warn']);
    const again = (await (await fetch(`${second.url}/api/health`)).json()) as { articles: number };
    expect(again.articles).toBe(stats.articles);
    expect(second.output()).not.toMatch(/Loaded/);
    second.proc.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  }, 120_000);

  it('refuses a --samples-dir that does not exist, or is not a folder, before listening', async () => {
    for (const [samples, code, message] of [
      [
        join(dir, 'missing'),
        EXIT_CODES['not-found'],
        /expected a folder of sample stories for --samples-dir, found nothing at .*missing\n/,
      ],
      [
        ROOT + '/README.md',
        EXIT_CODES.usage,
        /expected a folder of sample stories for --samples-dir, found a file at .*README\.md\n/,
      ],
    ] as const) {
      const run = runCli([
        'serve',
        '--port',
        '0',
        '--db',
        join(dir, 'samples-dir.db'),
        '--samples-dir',
        samples,
      ]);
      // A server that starts anyway is stopped, so that a failing run leaves no process behind.
      run.proc.stdout?.on('data', () => /running at/.test(run.output()) && run.proc.kill('SIGTERM'));
      expect((await run.exited).code).toBe(code);
      expect(run.output()).toMatch(message);
      expect(run.output()).not.toMatch(/running at/);
    }
  }, 60_000);

  it('starts empty when the default samples folder is missing (run from another folder)', async () => {
    const server = await startServer(
      resolveServeOptions({ port: 0, db: join(dir, 'nosamples.db'), samplesDir: join(dir, 'missing') }, {}),
      { logger: false },
    );
    try {
      expect(server.samplesLoaded).toBe(0);
      expect((await server.store.stats()).articles).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('says so when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const run = runCli(['serve', '--port', String(port), '--db', join(dir, 'taken.db'), '--no-samples']);
      const { code } = await run.exited;
      expect(code).toBe(EXIT_CODES.usage);
      expect(run.output()).toMatch(new RegExp(`127\\.0\\.0\\.1:${port} in use.*--port`));
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 60_000);

  it('refuses to listen beyond loopback without a token', async () => {
    const run = runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--db', join(dir, 'open.db')]);
    const { code } = await run.exited;
    expect(code).toBe(EXIT_CODES.forbidden);
    expect(run.output()).toMatch(/refusing to listen on 0\.0\.0\.0 without a token.*CHORUS_TOKEN/s);
  }, 60_000);
});
