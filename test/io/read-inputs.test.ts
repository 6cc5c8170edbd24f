/**
 * readInputs over real files in a temporary directory: every input gets an outcome, directories are
 * walked in name order, obvious non-articles are skipped, and nothing bad stops the batch.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs, STDIN_NAME } from '../../src/io/index.js';
import { newsPage, PARAGRAPHS } from './pages.js';

const T1 = 'The Lowmoor county board voted on Monday to repair the dam spillway before the spring rains.';
const T2 =
  'Engineers found a leak in the spillway three weeks ago, the county said in a statement on Friday.';

let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chorus-read-inputs-'));
  mkdirSync(at('story', 'more'), { recursive: true });
  writeFileSync(at('story', 'b-post.txt'), `Title: Dam vote\nSource: Lowmoor Post\n\n${T1}\n\n${T2}\n`);
  writeFileSync(at('story', 'a-page.html'), newsPage());
  writeFileSync(
    at('story', 'c-records.json'),
    JSON.stringify([
      { text: T1, source: 'Wire' },
      { text: T2, source: 'Wire' },
    ]),
  );
  writeFileSync(at('story', 'more', 'd-lines.jsonl.gz'), gzipSync(`${JSON.stringify({ text: T2 })}\n`));
  writeFileSync(at('story', '.hidden.txt'), T1);
  writeFileSync(at('story', 'README.md'), '# Notes about these files');
  writeFileSync(at('story', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(at('story', 'empty.txt'), '');
  writeFileSync(at('story', 'binary.dat'), Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41, 0x00]));
  writeFileSync(at('story', 'nav-only.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
  writeFileSync(at('repeats.jsonl.gz'), gzipSync(`${JSON.stringify({ text: T2 })}\n`.repeat(100)));
  writeFileSync(at('multi.src'), `${T1} ||||| ${T2}\n${T2}\n`);
  symlinkSync(at('story', 'b-post.txt'), at('link-to-post.txt'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readInputs', () => {
  it('walks a directory in name order and gives every entry an outcome', async () => {
    const read = await readInputs([at('story')]);
    const byName = Object.fromEntries(read.outcomes.map((o) => [o.input.slice(dir.length + 1), o]));
    expect(Object.keys(byName)).toEqual([
      'story/.hidden.txt',
      'story/README.md',
      'story/a-page.html',
      'story/b-post.txt',
      'story/binary.dat',
      'story/c-records.json',
      'story/empty.txt',
      'story/more/d-lines.jsonl.gz',
      'story/nav-only.html',
      'story/photo.png',
    ]);
    expect(byName['story/.hidden.txt']).toMatchObject({ status: 'skipped', reason: 'hidden file' });
    expect(byName['story/README.md']).toMatchObject({
      status: 'skipped',
      reason: 'README file, not an article',
    });
    expect(byName['story/photo.png']).toMatchObject({
      status: 'skipped',
      reason: 'not an article (an image)',
    });
    expect(byName['story/a-page.html']).toMatchObject({ status: 'ingested', articles: 1 });
    expect(byName['story/b-post.txt']).toMatchObject({ status: 'ingested', articles: 1, warnings: [] });
    expect(byName['story/c-records.json']).toMatchObject({ status: 'ingested', articles: 2 });
    expect(byName['story/more/d-lines.jsonl.gz']).toMatchObject({ status: 'ingested', articles: 1 });
    expect(byName['story/empty.txt']).toMatchObject({ status: 'rejected', reason: 'empty file (0 bytes)' });
    expect(byName['story/binary.dat']).toMatchObject({
      status: 'rejected',
      reason: 'binary file (it contains NUL bytes), not text',
    });
    expect(byName['story/nav-only.html']).toMatchObject({ status: 'rejected', reason: 'no article text' });
    expect(read.articles.map((a) => a.source)).toEqual(['A Page', 'Lowmoor Post', 'Wire', 'Wire', 'D Lines']);
    expect(read.articles[0]?.text).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('reads a file named explicitly even when a directory walk would skip it, and reports missing paths', async () => {
    const read = await readInputs([at('story', 'README.md'), at('nothing-here.txt')]);
    expect(read.outcomes).toEqual([
      { input: at('story', 'README.md'), status: 'ingested', warnings: [], articles: 1 },
      {
        input: at('nothing-here.txt'),
        status: 'rejected',
        reason: 'not found: expected a file, a directory or - (standard input)',
        warnings: [],
        articles: 0,
      },
    ]);
  });

  it('skips a file met twice, through a repeat or a link', async () => {
    const read = await readInputs([
      at('story', 'b-post.txt'),
      at('link-to-post.txt'),
      at('story', 'b-post.txt'),
    ]);
    expect(read.outcomes.map((o) => o.status)).toEqual(['ingested', 'skipped', 'skipped']);
    expect(read.articles).toHaveLength(1);
  });

  it('tells the format by content when the name does not say, or says text', async () => {
    writeFileSync(at('saved-page.txt'), newsPage());
    writeFileSync(at('records.data'), JSON.stringify([{ text: T1 }, { text: T2 }]));
    writeFileSync(at('NOTES'), `${T1}\n\n${T2}`);
    const read = await readInputs([at('saved-page.txt'), at('records.data'), at('NOTES')]);
    expect(read.outcomes.map((o) => o.articles)).toEqual([1, 2, 1]);
    expect(read.articles[0]?.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(read.articles[3]?.text).toBe(`${T1}\n\n${T2}`);
  });

  it('refuses a feed given as an article, pointing to the feeds command', async () => {
    writeFileSync(
      at('feed.xml'),
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Lowmoor Post</title></channel></rss>',
    );
    const read = await readInputs([at('feed.xml')]);
    expect(read.outcomes[0]?.reason).toBe(
      'expected an article, found an RSS or Atom feed (add it with `chorus feeds add URL` instead)',
    );
  });

  it('reads Multi-News source files, one article per document', async () => {
    const read = await readInputs([at('multi.src')]);
    expect(read.articles.map((a) => a.text)).toEqual([T1, T2, T2]);
    expect(read.articles.map((a) => a.id)).toEqual(['multi/line-1#1', 'multi/line-1#2', 'multi/line-2#1']);
  });

  it('refuses a file over the size limit without reading it, with both sizes in the reason', async () => {
    const read = await readInputs([at('story', 'b-post.txt')], { maxBytes: 100 });
    expect(read.outcomes[0]?.status).toBe('rejected');
    expect(read.outcomes[0]?.reason).toMatch(
      /^file is \d{3} bytes, larger than the 100-byte limit \(--max-bytes\)$/,
    );
    const gz = await readInputs([at('repeats.jsonl.gz')], { maxBytes: 400 });
    expect(gz.outcomes[0]?.reason).toBe(
      'file decompresses to more than 4,000 bytes, 10 times the 400-byte limit (--max-bytes)',
    );
    expect((await readInputs([at('repeats.jsonl.gz')])).articles).toHaveLength(100);
  });

  it('reads standard input for -, once, with a size limit', async () => {
    const read = await readInputs(['-', '-'], {
      stdin: Readable.from([Buffer.from(`Title: From a pipe\n\n${T1}`)]),
    });
    expect(read.outcomes.map((o) => [o.input, o.status])).toEqual([
      [STDIN_NAME, 'ingested'],
      [STDIN_NAME, 'skipped'],
    ]);
    expect(read.articles[0]).toMatchObject({ title: 'From a pipe', text: T1, source: 'From a pipe' });
    const big = await readInputs(['-'], {
      stdin: Readable.from([Buffer.alloc(80, 0x41), Buffer.alloc(80, 0x41)]),
      maxBytes: 100,
    });
    expect(big.outcomes[0]?.reason).toBe('standard input is larger than the 100-byte limit (--max-bytes)');
  });

  it('reads HTML and JSON from standard input by their content', async () => {
    const html = await readInputs(['-'], { stdin: Readable.from([newsPage()]) });
    expect(html.articles[0]?.text).toBe(PARAGRAPHS.join('\n\n'));
    const json = await readInputs(['-'], {
      stdin: Readable.from([JSON.stringify([{ text: T1 }, { text: T2 }])]),
    });
    expect(json.articles).toHaveLength(2);
  });

  it('reads a named pipe given on the command line as a stream', async () => {
    execFileSync('mkfifo', [at('pipe')]);
    const writer = createWriteStream(at('pipe'));
    writer.end(`Title: Through a pipe\n\n${T1}`);
    const read = await readInputs([at('pipe')]);
    expect(read.outcomes[0]).toMatchObject({ input: at('pipe'), status: 'ingested', articles: 1 });
    expect(read.articles[0]?.title).toBe('Through a pipe');
  });

  it("waits a while for a named pipe's writer, then refuses the pipe instead of hanging", async () => {
    execFileSync('mkfifo', [at('late-pipe'), at('idle-pipe')]);
    setTimeout(() => createWriteStream(at('late-pipe')).end(`Title: Late writer\n\n${T1}`), 100);
    const read = await readInputs([at('late-pipe'), at('idle-pipe')], { pipeWaitMs: 1000 });
    expect(read.articles.map((a) => a.title)).toEqual(['Late writer']);
    expect(read.outcomes[1]).toEqual({
      input: at('idle-pipe'),
      status: 'rejected',
      reason:
        'named pipe with nothing writing to it after 1 s: expected a pipe a program writes to, as in <(curl …)',
      warnings: [],
      articles: 0,
    });
  });

  it('refuses sockets and devices named explicitly, and skips them in directories', async () => {
    mkdirSync(at('special'));
    const socket = createServer();
    await new Promise<void>((resolve) => socket.listen(at('special', 'socket'), resolve));
    try {
      const read = await readInputs([at('special', 'socket'), '/dev/null', '/dev/zero', at('special')]);
      expect(read.outcomes.map((o) => [o.input, o.status, o.reason])).toEqual([
        [
          at('special', 'socket'),
          'rejected',
          'a socket, not a file: expected a file, a directory, a pipe or - (standard input)',
        ],
        [
          '/dev/null',
          'rejected',
          'a device, not a file: expected a file, a directory, a pipe or - (standard input)',
        ],
        [
          '/dev/zero',
          'rejected',
          'a device, not a file: expected a file, a directory, a pipe or - (standard input)',
        ],
        [at('special', 'socket'), 'skipped', 'already read (listed twice, or a link to a file read before)'],
      ]);
    } finally {
      await new Promise((resolve) => socket.close(resolve));
    }
  });

  it('does not wait on a terminal', async () => {
    const tty = Object.assign(Readable.from([]), { isTTY: true });
    const read = await readInputs(['-'], { stdin: tty });
    expect(read.outcomes[0]?.reason).toMatch(/^standard input is a terminal/);
  });

  it('returns nothing, without failing, for no paths and for an empty directory', async () => {
    mkdirSync(at('empty-dir'));
    expect(await readInputs([])).toEqual({ articles: [], outcomes: [] });
    expect(await readInputs([at('empty-dir')])).toEqual({ articles: [], outcomes: [] });
  });
});
