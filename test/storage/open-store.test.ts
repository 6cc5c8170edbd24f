import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';

const dir = mkdtempSync(join(tmpdir(), 'chorus-open-'));

describe('openStore', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [{ sqlitePath: join(dir, 'a.db') }, 'sqlite'],
    [{ databaseUrl: join(dir, 'b.db') }, 'sqlite'],
    [{ databaseUrl: `sqlite:${join(dir, 'c.db')}` }, 'sqlite'],
  ])('opens %j as %s', async (options, kind) => {
    const store = await openStore(options);
    expect(store.kind).toBe(kind);
    expect((await store.stats()).articles).toBe(0);
    await store.close();
  });

  it('refuses a URL of another database, saying what it expected', async () => {
    await expect(openStore({ databaseUrl: 'mysql://db.example/chorus' })).rejects.toMatchObject({
      code: 'usage',
      message: expect.stringMatching(/expected a postgres:\/\/ URL or a SQLite file path/),
    });
  });

  it('reports a file it cannot open as a storage error', async () => {
    await expect(openStore({ sqlitePath: join(dir, 'missing-dir', 'x.db') })).rejects.toMatchObject({
      code: 'storage',
    });
  });

  it('reports an unreachable PostgreSQL server as a storage error', async () => {
    // Port 9 on loopback: nothing listens there, so the connection is refused at once.
    await expect(openStore({ databaseUrl: 'postgres://nobody@127.0.0.1:9/none' })).rejects.toMatchObject({
      code: 'storage',
    });
  });
});
