import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ChorusError } from '../../src/core/errors.js';
import { ducDate, parseDucDocument } from '../../src/eval/datasets/duc-document.js';
import { readDuc2003 } from '../../src/eval/datasets/duc2003.js';
import { detokenizedReference } from '../../src/eval/datasets/reference-text.js';

const ROOT = fileURLToPath(new URL('../fixtures/eval/duc2003', import.meta.url));

describe('readDuc2003', () => {
  it('reads task 2 clusters only, articles in date order with date and source, references per cluster', async () => {
    const examples = await readDuc2003(ROOT);
    expect(examples.map((e) => e.id)).toEqual(['d90001t', 'd90002t']);
    const [bridge, frost] = examples;
    expect(bridge?.story.articles.map((a) => [a.id, a.source, a.date])).toEqual([
      ['NYT20260313.0107', 'New York Times', '2026-03-13T21:12:00'],
      ['APW20260314.0042', 'Associated Press', '2026-03-14T09:20:00'],
    ]);
    expect(bridge?.references).toEqual([
      'Port Meridian closed its old swing bridge, after inspectors found a cracked support beam.\n' +
        'Repairs will take six weeks, and ferries run every twenty minutes.',
      "A cracked beam closed the harbor's swing bridge.\n" +
        'The director said "it will not reopen" until the beam is replaced.',
    ]);
    // The document with an empty <TEXT> is dropped, not kept as an empty article.
    expect(frost?.story.articles.map((a) => a.id)).toEqual(['APW20260401.0003']);
    expect(frost?.references).toHaveLength(1);
  });

  it('cleans the newswire body: codes, sign-offs, annotations, TeX quotes, paragraphs', async () => {
    const [bridge] = await readDuc2003(ROOT);
    const [nyt, apw] = bridge?.story.articles ?? [];
    expect(apw?.text).toBe(
      'PORT MERIDIAN (AP) — The old swing bridge over the Meridian harbor was closed on Saturday after ' +
        "inspectors found a cracked support beam, the city's transport office said.\n\n" +
        '"We will not reopen it until the beam is replaced," said transport director Alma Reyes. ' +
        'She said repairs would take six weeks.\n\n' +
        'Ferries will run every twenty minutes while the bridge is closed.',
    );
    expect(nyt?.text.split('\n\n')).toEqual([
      "PORT MERIDIAN — Engineers checking the harbor's swing bridge found a crack in a support beam on " +
        'Friday, and the city said it would close the crossing to traffic.',
      'The bridge carries about 9,000 cars a day. Dow & Sons, the firm that built it in 1961, said it was ' +
        '"surprised" by the damage.',
      'The harbor has had no other crossing since the tunnel was sealed.',
    ]);
  });

  it('refuses a missing folder, a folder with no clusters and other tasks', async () => {
    await expect(readDuc2003(join(ROOT, 'nope'))).rejects.toMatchObject({ code: 'not-found' });
    const empty = await mkdtemp(join(tmpdir(), 'chorus-duc-'));
    await expect(readDuc2003(empty)).rejects.toMatchObject({ code: 'empty-input' });
    await expect(readDuc2003(ROOT, { task: 4 as 2 })).rejects.toBeInstanceOf(ChorusError);
  });
});

describe('DUC pieces', () => {
  it.each([
    ['10/17/1998 05:50:00', '1998-10-17T05:50:00'],
    ['1998-10-18 17:52', '1998-10-18T17:52:00'],
    ['19981018', '1998-10-18'],
    ['no date', undefined],
    [undefined, undefined],
  ])('ducDate(%j) = %j', (raw, expected) => {
    expect(ducDate(raw)).toBe(expected);
  });

  it('keeps the file name as id when DOCNO is missing, and an unknown agency code as source', () => {
    const fields = parseDucDocument('<DOC><TEXT>Some words are here.</TEXT></DOC>', 'XYZ1');
    expect(fields).toMatchObject({ id: 'XYZ1', source: 'XYZ', text: 'Some words are here.' });
    expect(parseDucDocument('<TEXT>Words.</TEXT>', '42').source).toBe('unknown source');
    expect(parseDucDocument('garbage', 'f').text).toBe('');
  });

  it.each([
    ['', ''],
    ['One clause ,\nand its end .\n', 'One clause, and its end.'],
    ["First .\nSecond , with `` a quote . ''\n", 'First.\nSecond, with "a quote."'],
    ['No final stop', 'No final stop'],
  ])('detokenizedReference(%j)', (raw, expected) => {
    expect(detokenizedReference(raw)).toBe(expected);
  });
});
