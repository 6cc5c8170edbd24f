/**
 * `chorus extract` as a person runs it: a real process over fictional pages and text files written here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChorus } from './run-chorus.js';

let dir: string;

const chorus = (args: readonly string[]) => runChorus(args);

const PARAGRAPHS = [
  'Work crews began repairing the Lowmoor dam on Monday, three weeks after engineers found a leak in its spillway.',
  'The county said the repairs would cost about $2 million and take until the summer, paid from its flood reserve.',
];
const PAGE =
  '<html><head><title>Lowmoor dam repairs begin | Lowmoor Post</title>' +
  '<meta property="og:site_name" content="Lowmoor Post"><meta name="author" content="Jo Bell">' +
  '<meta property="article:published_time" content="2026-02-02T09:00:00Z"></head><body><article>' +
  '<h1>Lowmoor dam repairs begin</h1>' +
  PARAGRAPHS.map((p) => `<p>${p}</p>`).join('') +
  '<ul><li><a href="/x">Ten rivers to see this spring</a></li></ul></article></body></html>';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chorus-extract-'));
  writeFileSync(join(dir, 'dam.html.gz'), gzipSync(PAGE));
  writeFileSync(join(dir, 'empty.txt'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chorus extract', () => {
  it('prints a gzipped page as JSON: title, by-line, date, outlet and clean text', async () => {
    const run = await chorus(['extract', join(dir, 'dam.html.gz'), '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { articles: Record<string, unknown>[] };
    expect(out.articles).toEqual([
      {
        input: join(dir, 'dam.html.gz'),
        title: 'Lowmoor dam repairs begin',
        byline: 'Jo Bell',
        date: '2026-02-02T09:00:00Z',
        outlet: 'Lowmoor Post',
        text: PARAGRAPHS.join('\n\n'),
      },
    ]);
  }, 30_000);

  it('prints a readable form, and exit 4 with the reason when no input gives an article', async () => {
    const page = await chorus(['extract', join(dir, 'dam.html.gz')]);
    expect(page.stdout).toContain('# Lowmoor dam repairs begin');
    expect(page.stdout).toContain('outlet: Lowmoor Post');
    const empty = await chorus(['extract', join(dir, 'empty.txt')]);
    expect(empty.code).toBe(4);
    expect(empty.stderr).toContain('empty.txt');
  }, 30_000);
});
