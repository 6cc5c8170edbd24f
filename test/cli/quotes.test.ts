/**
 * `chorus quotes` as a person runs it: a real process over a fictional story written here. Offsets are
 * code points, so an emoji before a quote must not shift them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChorus } from './run-chorus.js';

let dir: string;

const chorus = (args: readonly string[]) => runChorus(args);

const STORY =
  'Senator Wren Halloway 🌧 spoke at the dock on Friday.\n\n' +
  '“We will fund the harbor wall this year,” Halloway said.\n\n' +
  'Nobody else was quoted.\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chorus-quotes-'));
  writeFileSync(join(dir, 'story.txt'), STORY);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chorus quotes', () => {
  it('prints quotes, speakers and code-point offsets as JSON', async () => {
    const run = await chorus(['quotes', join(dir, 'story.txt'), '--json']);
    expect(run.code).toBe(0);
    const { articles } = JSON.parse(run.stdout);
    expect(articles).toHaveLength(1);
    const [q] = articles[0].quotes;
    const points = [...STORY];
    expect(points.slice(q.start, q.end).join('')).toBe('We will fund the harbor wall this year');
    expect(points.slice(q.speakerStart, q.speakerEnd).join('')).toBe('Halloway');
    expect(q.speaker).toBe('Wren Halloway');
  });

  it('prints a readable list, and exits 4 when nothing could be read', async () => {
    const run = await chorus(['quotes', join(dir, 'story.txt')]);
    expect(run.stdout).toContain('- Wren Halloway: “We will fund the harbor wall this year”');
    const none = await chorus(['quotes', join(dir, 'missing.txt')]);
    expect(none.code).not.toBe(0);
  });
});
