/**
 * `chorus feeds` as a person runs it: a real process, a real SQLite file, a real local feed server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChorus } from '../cli/run-chorus.js';
import { startServer, type LocalServer } from './local-server.js';

const dir = mkdtempSync(join(tmpdir(), 'chorus-feeds-cli-'));
const db = join(dir, 'chorus.db');

const chorus = (...args: string[]) => runChorus(args, { timeout: 60_000 });

describe('chorus feeds', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startServer({
      '/atom.xml': (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(`<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Courier</title>
<entry><id>vc-1</id><title>Council backs bike lanes</title><updated>2031-04-08T10:00:00Z</updated>
<content type="html">&lt;p&gt;The Ridgeway council voted seven to two on Monday night to paint protected bike lanes along Main Street and River Road before the summer.&lt;/p&gt;&lt;p&gt;Councillor Ines Park said the lanes would cost about forty thousand dollars, paid from the road repair fund.&lt;/p&gt;</content></entry>
</feed>`),
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'exits 2 (usage) on bad feed flags and unknown feed commands, as every other command does',
    { timeout: 180_000 },
    async () => {
      for (const args of [['poll', '--every', '15m'], ['bogus'], ['add'], ['list', '--no-such-flag']]) {
        const run = await chorus('feeds', ...args, '--db', db);
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.stderr, args.join(' ')).toMatch(/error: /);
      }
    },
  );

  // Five CLI processes: on two shared cores under load this takes 50 s.
  it(
    'adds, lists and polls a feed; refuses loopback without --allow-private',
    { timeout: 180_000 },
    async () => {
      const url = `${server.base}/atom.xml`;
      expect((await chorus('feeds', 'add', url, '--db', db)).code).toBe(9);
      const added = await chorus('feeds', 'add', url, '--db', db, '--allow-private');
      expect(added.code).toBe(0);
      expect(added.stdout).toContain(url);

      const refused = await chorus('feeds', 'poll', '--db', db, '--no-pages');
      expect(refused.code).toBe(11);
      expect(refused.stdout).toMatch(/failed: refused to fetch 127\.0\.0\.1/);

      const polled = await chorus(
        'feeds',
        'poll',
        '--db',
        db,
        '--no-pages',
        '--allow-private',
        '--host-delay',
        '1',
      );
      expect(polled.stderr).toBe('');
      expect(polled.code).toBe(0);
      expect(polled.stdout).toContain('1 items; ingested 1, duplicates 0, rejected 0; 1 story touched');

      const listed = await chorus('feeds', 'list', '--db', db);
      expect(listed.stdout).toMatch(/Valley Courier\tpolled 20/);
    },
  );
});
