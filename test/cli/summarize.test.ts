/**
 * `chorus summarize` as a person runs it: a real process over files written here (all of them fictional),
 * with the bad inputs people actually give it. Each case checks the exit code, what stdout holds and
 * what stderr says about each input.
 */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChorus, type Run } from './run-chorus.js';

let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);

const chorus = (args: readonly string[], stdin?: string | Buffer): Promise<Run> => runChorus(args, { stdin });

const DAM = [
  'The Lowmoor county board voted on Monday to repair the dam spillway before the spring rains, after engineers found a leak three weeks ago.',
  'County engineer Ada Flint said the repairs would cost about $2 million and take until the summer, paid from the flood reserve.',
  '"We will keep the reservoir low until the work is finished," Flint said at the meeting in the county hall.',
  'Anglers will not be allowed on the east shore while the crews work, the parks office said on Tuesday.',
];
const DAM_OTHER = [
  'Repairs to the Lowmoor dam spillway will start this month, the county board decided on Monday night.',
  'The board approved about $2 million for the work, which engineer Ada Flint expects to last until the summer.',
  'Flint told the board that the reservoir would be kept low until the repairs were finished.',
  'Residents of Millpond Lane asked the board to keep the shore path open, but the parks office said it would close.',
];
const GERMAN = [
  'Der Landkreis Lowmoor hat am Montag beschlossen, die Überlaufrinne des Damms vor dem Frühjahrsregen zu reparieren.',
  'Die Reparatur wird nach Angaben der Ingenieurin Ada Flint etwa zwei Millionen Dollar kosten und bis zum Sommer dauern.',
  'Der Stausee bleibt abgesenkt, solange die Arbeiter an der Rinne sind, sagte sie bei der Sitzung im Kreishaus.',
];

const PLACES = [
  'Lowmoor',
  'Ashby',
  'Crane Hill',
  'Dunmere',
  'Eastwick',
  'Farrowgate',
  'Glenholt',
  'Hartsfield',
];
const THINGS = [
  'bridge',
  'library',
  'school',
  'harbour wall',
  'water main',
  'tram depot',
  'clinic',
  'market hall',
];
const PEOPLE = [
  'Ada Flint',
  'Omar Vance',
  'Lena Marsh',
  'Theo Quill',
  'Rosa Penn',
  'Iris Dale',
  'Nils Ward',
  'Cora Bright',
];

/** A fictional local-news article made from templates: 200 of them differ in place, object, person and figures. */
function generated(i: number): string {
  const place = PLACES[i % PLACES.length]!;
  const thing = THINGS[Math.floor(i / PLACES.length) % THINGS.length]!;
  const person = PEOPLE[(i * 3) % PEOPLE.length]!;
  const n = 10 + ((i * 7) % 90);
  return [
    `Title: ${place} council approves ${thing} works (${i + 1})`,
    `Source: Outlet ${(i % 25) + 1}`,
    '',
    `The ${place} council voted ${n % 9} to ${9 - (n % 9)} on Monday to repair the ${thing}, which has been closed for ${n} days.`,
    `Council member ${person} said the work would cost about $${n}0,000 and take ${(n % 12) + 1} weeks to finish.`,
    `"We owe it to the ${n * 10} people who use the ${thing} every day," ${person} said after the vote.`,
    `Residents asked the council to keep a temporary path open while crews work, and the council agreed to study it.`,
    `The ${thing} was built in ${1900 + n} and was last repaired ${(n % 20) + 2} years ago, according to the council's records.`,
  ].join('\n');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chorus-summarize-cli-'));
  writeFileSync(at('empty.txt'), '');
  writeFileSync(at('number-text.json'), '{"text": 5}');
  writeFileSync(at('binary.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]));
  writeFileSync(at('huge.txt'), '');
  truncateSync(at('huge.txt'), 100 * 1024 * 1024); // sparse: 100 MB on paper, nothing on disk
  writeFileSync(
    at('broken-utf8.txt'),
    Buffer.concat([
      Buffer.from(`Title: Dam repairs for the café\n\n${DAM.join('\n\n')} Crème `),
      Buffer.from([0xc3, 0x28]),
    ]),
  );
  writeFileSync(
    at('latin1.txt'),
    Buffer.from(
      `Title: Café owners welcome dam repairs\n\n${DAM.join('\n\n')} René of the Café Rosé agreed.`,
      'latin1',
    ),
  );
  writeFileSync(
    at('no-article.html'),
    '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>© 2026 Lowmoor Post</footer></body></html>',
  );
  writeFileSync(
    at('german.txt'),
    `Title: Damm wird repariert\nSource: Lowmoorer Bote\n\n${GERMAN.join('\n\n')}`,
  );
  mkdirSync(at('mixed'));
  writeFileSync(
    at('mixed', 'a-post.txt'),
    `Title: Dam repairs approved\nSource: Lowmoor Post\n\n${DAM.join('\n\n')}`,
  );
  writeFileSync(
    at('mixed', 'b-herald.html'),
    `<html><head><meta property="og:site_name" content="Lowmoor Herald"><title>Spillway repairs</title></head><body><article>${DAM_OTHER.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
  );
  writeFileSync(at('mixed', 'c-empty.txt'), '');
  writeFileSync(at('mixed', 'd-binary.dat'), Buffer.from([0x00, 0x00, 0x01, 0x02]));
  writeFileSync(at('mixed', '.notes.txt'), 'hidden');
  mkdirSync(at('many'));
  for (let i = 0; i < 200; i++)
    writeFileSync(at('many', `article-${String(i).padStart(3, '0')}.txt`), generated(i));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chorus summarize', () => {
  it('summarizes a single article and says that it has only one source', async () => {
    const run = await chorus(['summarize', at('mixed', 'a-post.txt'), '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      report: { warnings: string[]; summary: { sentences: unknown[] } };
      inputs: unknown[];
    };
    expect(out.report.summary.sentences.length).toBeGreaterThan(0);
    expect(out.report.warnings.some((w) => w.startsWith('one source only'))).toBe(true);
    expect(out.inputs).toEqual([
      { input: at('mixed', 'a-post.txt'), status: 'ingested', warnings: [], articles: 1 },
    ]);
  });

  it('prints Markdown by default, with the sources named', async () => {
    const run = await chorus(['summarize', at('mixed', 'a-post.txt'), at('mixed', 'b-herald.html')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Dam repairs approved\n/);
    expect(run.stdout).toContain('## Summary');
    expect(run.stdout).toContain('**Lowmoor Post**');
    expect(run.stdout).toContain('**Lowmoor Herald**');
    expect(run.stderr).toBe('');
  });

  it.each([
    ['an empty file', 'empty.txt', 'empty file (0 bytes)'],
    ['a binary file', 'binary.bin', 'binary file (an ELF executable), not text'],
    [
      'a 100 MB file',
      'huge.txt',
      'file is 104,857,600 bytes, larger than the 20,971,520-byte limit (--max-bytes)',
    ],
    ['an HTML page with no article', 'no-article.html', 'no article text'],
    [
      'a record whose text is a number',
      'number-text.json',
      'the record: expected the article text in "text" as a string, found a number',
    ],
  ])('refuses %s with exit code 4 and the reason, once', async (_name, file, reason) => {
    const run = await chorus(['summarize', at(file)]);
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`chorus: ${at(file)}: rejected: ${reason}\n`);
    expect(run.stderr.split(reason)).toHaveLength(3); // the line above and the final error, no repeat
    expect(run.stderr).toContain('chorus: expected at least one news article, found none in 1 input');
  });

  it.each([
    ['an empty file', 'empty.txt', 'empty file (0 bytes)'],
    ['a binary file', 'binary.bin', 'binary file (an ELF executable), not text'],
  ])('answers --json for %s with a JSON error on stdout, exit code 4', async (_name, file, reason) => {
    const run = await chorus(['summarize', at(file), '--json']);
    expect(run.code).toBe(4);
    expect(JSON.parse(run.stdout)).toEqual({
      report: null,
      error: {
        code: 'empty-input',
        message: `expected at least one news article, found none in 1 input (${reason})`,
      },
      inputs: [{ input: at(file), status: 'rejected', reason, warnings: [], articles: 0 }],
    });
    expect(run.stderr).toContain(`chorus: ${at(file)}: rejected: ${reason}\n`);
  });

  it('says a --words budget is below the shortest sentence, and still prints the report', async () => {
    const run = await chorus(['summarize', at('mixed', 'a-post.txt'), '--words', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /## Summary\n\n_no summary: no sentence fits the budget of 1 word: the shortest has \d+ words, so the budget must be at least \d+_\n/,
    );
    expect(run.stdout).toContain('## Sources');
  });

  it('takes its size limit from --max-bytes', async () => {
    const run = await chorus(['summarize', at('huge.txt'), '--max-bytes', '1000']);
    expect(run.stderr).toContain('file is 104,857,600 bytes, larger than the 1,000-byte limit (--max-bytes)');
  });

  it('prints the report as an HTML page with --format html', async () => {
    const run = await chorus([
      'summarize',
      at('mixed', 'a-post.txt'),
      at('mixed', 'b-herald.html'),
      '--format',
      'html',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>/i);
    expect(run.stdout).toContain('Lowmoor Herald');
    expect(run.stdout).toContain('We will keep the reservoir low');
  });

  it('repairs invalid UTF-8 and says so', async () => {
    const run = await chorus(['summarize', at('broken-utf8.txt'), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `chorus: ${at('broken-utf8.txt')}: read with warnings: invalid UTF-8: 1 malformed byte replaced with U+FFFD`,
    );
    const out = JSON.parse(run.stdout) as {
      report: { story: { articles: { title: string; warnings: string[] }[] } };
    };
    expect(out.report.story.articles[0]?.title).toBe('Dam repairs for the café');
    expect(out.report.story.articles[0]?.warnings).toContain(
      'invalid UTF-8: 1 malformed byte replaced with U+FFFD',
    );
  });

  it('reads Latin-1 text as such', async () => {
    const run = await chorus(['summarize', at('latin1.txt'), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as {
      report: { story: { articles: { title: string; text: string }[] } };
    };
    expect(out.report.story.articles[0]?.title).toBe('Café owners welcome dam repairs');
    expect(out.report.story.articles[0]?.text).toContain('René of the Café Rosé agreed.');
  });

  it('keeps a German article, with its language and a warning', async () => {
    const run = await chorus(['summarize', at('german.txt'), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('looks like German (de); summaries are tuned for English');
    const out = JSON.parse(run.stdout) as { report: { story: { articles: { language: string }[] } } };
    expect(out.report.story.articles[0]?.language).toBe('de');
  });

  it('reads a directory of good and bad files: the good ones summarized, each bad one named, exit code 11', async () => {
    const run = await chorus(['summarize', at('mixed'), '--format', 'json']);
    expect(run.code).toBe(11);
    const out = JSON.parse(run.stdout) as {
      report: { story: { articles: unknown[] } };
      inputs: { input: string; status: string }[];
    };
    expect(out.report.story.articles).toHaveLength(2);
    expect(out.inputs.map((o) => [o.input.slice(dir.length + 1), o.status])).toEqual([
      ['mixed/.notes.txt', 'skipped'],
      ['mixed/a-post.txt', 'ingested'],
      ['mixed/b-herald.html', 'ingested'],
      ['mixed/c-empty.txt', 'rejected'],
      ['mixed/d-binary.dat', 'rejected'],
    ]);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `chorus: ${at('mixed', '.notes.txt')}: skipped: hidden file`,
      `chorus: ${at('mixed', 'c-empty.txt')}: rejected: empty file (0 bytes)`,
      `chorus: ${at('mixed', 'd-binary.dat')}: rejected: binary file (it contains NUL bytes), not text`,
    ]);
  });

  it('reads standard input', async () => {
    const run = await chorus(
      ['summarize', '-', '--json'],
      `Title: From a pipe\nSource: Lowmoor Post\n\n${DAM.join('\n\n')}`,
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      report: { story: { articles: { title: string; source: string }[] } };
    };
    expect(out.report.story.articles[0]).toMatchObject({ title: 'From a pipe', source: 'Lowmoor Post' });
  });

  it('reads standard input when given no paths, and says so when it is empty', async () => {
    const piped = await chorus(['summarize'], DAM.join('\n\n'));
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain('## Summary');
    const empty = await chorus(['summarize']);
    expect(empty.code).toBe(4);
    expect(empty.stderr).toContain('chorus: standard input: rejected: empty file (0 bytes)');
  });

  it('exits 3 (not found, as the exit-code table says) for paths that do not exist', async () => {
    const run = await chorus(['summarize', at('missing.txt'), at('nope') + '/']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('rejected: not found: expected a file, a directory or - (standard input)');
  });

  it('answers a bad flag with one short error and a pointer to --help, not the whole help', async () => {
    const run = await chorus(['summarize', '--wordz', '10']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--wordz'");
    expect(run.stderr).toContain('see --help');
    expect(run.stderr).not.toContain('Examples:');
    expect(run.stderr.split('\n').length).toBeLessThan(6);
  });

  it('summarizes 200 articles at once within 60 seconds (2 shared cores)', { timeout: 120_000 }, async () => {
    const run = await chorus(['summarize', at('many'), '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      report: { story: { articles: unknown[] }; summary: { words: number } };
    };
    expect(out.report.story.articles).toHaveLength(200);
    expect(out.report.summary.words).toBeGreaterThan(0);
    expect(run.ms).toBeLessThan(60_000);
  });
});
