import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTacDocument, readTac2011 } from '../../src/eval/datasets/tac2011.js';

const ROOT = fileURLToPath(new URL('../fixtures/eval/tac2011', import.meta.url));

describe('readTac2011', () => {
  it('groups English source texts by topic, with titles, dates and the model summaries', async () => {
    const examples = await readTac2011(ROOT);
    expect(examples.map((e) => [e.id, e.story.articles.length, e.references.length])).toEqual([
      ['M000', 2, 2],
      ['M001', 1, 1],
    ]);
    const [bridge, frost] = examples;
    expect(bridge?.story.articles.map((a) => [a.id, a.source, a.date, a.title])).toEqual([
      ['M0000', 'WikiNews', '2026-03-14', 'Meridian harbor bridge closed after beam cracks'],
      ['M0001', 'WikiNews', '2026-03-15', 'Ferries replace closed Meridian bridge'],
    ]);
    // The dateline is dropped, also when it is glued to the first sentence.
    expect(bridge?.story.articles[1]?.text).toBe(
      'Ferries began running every twenty minutes across Meridian harbor on Sunday.\n\n' +
        'Commuters said the crossing took twice as long.',
    );
    expect(bridge?.references[1]).toBe(
      'A cracked beam shut the Meridian bridge for six weeks.\nFerries run every twenty minutes.\n',
    );
    // A caption before the dateline stays; the dateline without weekday is read.
    expect(frost?.story.articles[0]).toMatchObject({
      date: '2026-04-01',
      text: "Map of the valley orchards\n\nA late frost damaged most of the valley's apricot blossoms overnight.",
    });
  });

  it('also takes the dataset folder itself', async () => {
    const inner = await readTac2011(join(ROOT, 'TAC 2011 MultiLing Pilot Dataset'));
    expect(inner).toHaveLength(2);
  });

  it('refuses folders that are not TAC 2011', async () => {
    await expect(readTac2011(join(ROOT, 'nope'))).rejects.toMatchObject({ code: 'not-found' });
    const empty = await mkdtemp(join(tmpdir(), 'chorus-tac-'));
    await expect(readTac2011(empty)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('parseTacDocument', () => {
  it.each([
    ['', { title: '', text: '' }],
    ['Only a title', { title: 'Only a title', text: '' }],
    ['2005/01/08 Dated title\n\nBody.', { title: 'Dated title', date: '2005-01-08', text: '\nBody.' }],
    ['Title\n\nMay 5, 2005\n\nBody.', { title: 'Title', date: '2005-05-05', text: '\n\n\nBody.' }],
    ['Title\n\nMaybe 5, 2005 was a year.', { title: 'Title', text: '\nMaybe 5, 2005 was a year.' }],
  ])('%j', (raw, expected) => {
    const fields = parseTacDocument(raw, 'M0000');
    expect({ title: fields.title, text: fields.text, ...(fields.date && { date: fields.date }) }).toEqual(
      expected,
    );
  });
});
