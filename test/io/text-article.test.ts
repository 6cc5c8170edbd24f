/**
 * Plain-text articles: header lines, the bare `date …` line, headline and by-line paragraphs, and the
 * "Related:" tails that exports leave at the end.
 */
import { describe, expect, it } from 'vitest';
import { parseTextArticle, textHeader } from '../../src/io/index.js';

const BODY =
  'The Lowmoor county board voted on Monday to repair the dam spillway before the spring rains.\n\n' +
  'Engineers found a leak in the spillway three weeks ago, the county said in a statement.';

describe('textHeader', () => {
  it.each([
    ['Title: Dam vote\nBy: Jo Bell\n\nBody.', { title: 'Dam vote', byline: 'Jo Bell' }, 'Body.'],
    ['TITLE: Dam vote\nDATE: 2026-02-01\n\nBody.', { title: 'Dam vote', date: '2026-02-01' }, 'Body.'],
    [
      'title:Dam vote\nsource: Lowmoor Post\nurl: https://post.example/a\n\nBody.',
      { title: 'Dam vote', outlet: 'Lowmoor Post', url: 'https://post.example/a' },
      'Body.',
    ],
    [
      'Headline: Dam vote\nAuthor: By Jo Bell\nPublished: 2026-02-01\n\nBody.',
      { title: 'Dam vote', byline: 'Jo Bell', date: '2026-02-01' },
      'Body.',
    ],
    ['date 2018-03-22\n\nBody.', { date: '2018-03-22' }, 'Body.'],
    ['\uFEFFTitle: With a BOM\n\nBody.', { title: 'With a BOM' }, 'Body.'],
    ['Title: Windows\r\nBy: Jo Bell\r\n\r\nBody.', { title: 'Windows', byline: 'Jo Bell' }, 'Body.'],
    ['No header at all.\nSecond line.', {}, 'No header at all.\nSecond line.'],
    // A body line that starts like a header but is a sentence is not a header.
    [
      'Source: officials at the county water board said on Monday that the dam would hold through the storm.',
      {},
      'Source: officials at the county water board said on Monday that the dam would hold through the storm.',
    ],
    // A repeated key ends the header.
    ['Title: One\nTitle: Two\n\nBody.', { title: 'One' }, 'Title: Two\n\nBody.'],
  ])('%j', (text, fields, body) => {
    const header = textHeader(text);
    expect(header.fields).toEqual(fields);
    expect(header.body.trim()).toBe(body);
  });
});

describe('parseTextArticle', () => {
  it('takes title, by-line, date, source and URL from the header', () => {
    const a = parseTextArticle(
      `Title: Spillway repairs approved\nBy: Jo Bell\nDate: 2026-02-01\nSource: Lowmoor Post\nURL: https://lowmoorpost.example/dam\n\n${BODY}`,
    );
    expect(a).toMatchObject({
      title: 'Spillway repairs approved',
      byline: 'Jo Bell',
      date: '2026-02-01',
      source: 'Lowmoor Post',
      url: 'https://lowmoorpost.example/dam',
      language: 'en',
    });
    expect(a.text).toBe(BODY);
    expect(a.warnings).toEqual([]);
  });

  it('reads a headline and a by-line written as the first paragraphs, under a bare date line', () => {
    const a = parseTextArticle(
      `date 2026-02-01\n\nSpillway repairs approved\n\nBy Jo Bell, Lowmoor Post\n\n${BODY}`,
      {
        fileName: 'lowmoor-post.txt',
      },
    );
    expect(a).toMatchObject({
      title: 'Spillway repairs approved',
      byline: 'Jo Bell, Lowmoor Post',
      date: '2026-02-01',
    });
    expect(a.text).toBe(BODY);
    expect(a.source).toBe('Lowmoor Post');
  });

  it.each([
    ['By noon, the water had reached the top of the spillway.'],
    ['By Tuesday the county had closed the road.'],
    ['By the time crews arrived, the road was closed.'],
  ])('keeps a first sentence that starts with "By": %s', (first) => {
    const a = parseTextArticle(`${first}\n\n${BODY}`);
    expect(a.byline).toBeUndefined();
    expect(a.text.startsWith(first)).toBe(true);
  });

  it('does not take a first sentence for a headline', () => {
    const a = parseTextArticle(`The dam held overnight.\n\n${BODY}`);
    expect(a.title).toBeUndefined();
    expect(a.text.startsWith('The dam held overnight.')).toBe(true);
  });

  it('cuts a Related list and a credit line from the end, and a time stamp from the start', () => {
    const a = parseTextArticle(
      `Posted Monday, February 2, 2026 at 9:30 a.m.\n\n${BODY}\n\nStaff writer Ann Hale contributed to this report.\n\nRelated:\nCounty approves budget for the new year\nRead more: a short history of the Lowmoor dam`,
    );
    expect(a.text).toBe(BODY);
  });

  it.each([['April 22, 2026 Updated 8:10 a.m.'], ['Saturday, 9 May 2026, 7.05pm'], ['Updated 8:10 a.m.']])(
    'drops a time stamp paragraph above the body: %s',
    (stamp) => {
      expect(parseTextArticle(`${stamp}\n\n${BODY}`).text).toBe(BODY);
    },
  );

  it('keeps a first sentence that starts with a date', () => {
    const first =
      'April 22, 2026 was the day the Lowmoor county board finally voted to repair the dam spillway.';
    expect(parseTextArticle(`${first}\n\n${BODY}`).text).toBe(`${first}\n\n${BODY}`);
  });

  it('normalises written dates and leaves out dates it cannot read, with a warning', () => {
    expect(parseTextArticle(`Date: February 1, 2026\n\n${BODY}`).date).toBe('2026-02-01');
    expect(parseTextArticle(`Date: 1 Feb 2026\n\n${BODY}`).date).toBe('2026-02-01');
    const odd = parseTextArticle(`Date: last Tuesday\n\n${BODY}`);
    expect(odd.date).toBeUndefined();
    expect(odd.warnings).toContain('date "last Tuesday" not understood; left out');
  });

  it('gives an empty article with a warning for a text that is only a header', () => {
    const a = parseTextArticle('Title: Nothing here\n\n');
    expect(a.text).toBe('');
    expect(a.warnings).toContain('no article text');
  });
});

describe('captions, run-on date lines and name-only by-lines', () => {
  const CAPTION = 'Crews inspect the Lowmoor dam spillway, March 21, 2026.';
  it('reads a date line run into a caption, and drops every copy of the caption', () => {
    const text =
      ` date 2026-03-22 ${CAPTION}\nLowmoor dam repairs begin\n\nAda Flint\n\n` +
      `${CAPTION} AP Photo/Jo Bell\n\n${BODY}`;
    const a = parseTextArticle(text, { fileName: '000_ed36d4466021a165.txt' });
    expect(a).toMatchObject({
      date: '2026-03-22',
      title: 'Lowmoor dam repairs begin',
      byline: 'Ada Flint',
      source: 'Ada Flint',
      text: BODY,
    });
  });

  it.each([
    `${CAPTION} Reuters/Jo Bell`,
    `${CAPTION} (AP Photo/Jo Bell)`,
    `${CAPTION} Jo Bell/Getty Images`,
    `${CAPTION} (Photo: Jo Bell)`,
  ])('drops a caption paragraph: %s', (caption) => {
    expect(parseTextArticle(`Title: Dam\n\n${caption}\n\n${BODY}`).text).toBe(BODY);
  });

  it.each(['World News', 'Share This', 'Ada', 'Ada Flint said the dam was safe'])(
    'keeps a line that is not a by-line: %s',
    (line) => {
      const a = parseTextArticle(`Title: Dam\n\n${line}\n\n${BODY}`);
      expect(a.byline).toBeUndefined();
    },
  );
});
