/**
 * Gold quotes read from PolNeAR-shaped annotations (fictional text): which quoted passages of an
 * annotated content count, whatever way the annotator drew the content span.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPolnear, sameSpeaker } from '../../src/eval/datasets/polnear.js';

/** The gold quote texts of `text` annotated with `ann` (brat stand-off lines). */
function goldOf(text: string, ann: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'polnear-'));
  mkdirSync(join(dir, 'train', 'text'), { recursive: true });
  mkdirSync(join(dir, 'train', 'attributions'), { recursive: true });
  writeFileSync(join(dir, 'train', 'text', 'a.txt'), text);
  writeFileSync(join(dir, 'train', 'attributions', 'a_x.ann'), ann);
  return readPolnear(dir, 'train')[0]!.gold.map((g) => g.quote.text);
}

/** One attribution whose content is `part` of `text`. */
const contentOf = (text: string, part: string) =>
  `T1\tContent ${text.indexOf(part)} ${text.indexOf(part) + part.length}\tx\nE1\tAttribution:T2 Content:T1`;

/** The offsets of `part` in `text`. */
const at = (text: string, part: string) => [text.indexOf(part), text.indexOf(part) + part.length] as const;

describe('readPolnear gold quotes', () => {
  it.each([
    ['the content spans the marks', '“We will reopen the pier,” Ortiz said.', '“We will reopen the pier,”'],
    [
      'the content leaves the opening mark out',
      '“We will reopen the pier,” Ortiz said.',
      'We will reopen the pier,”',
    ],
    [
      'straight marks, opening mark left out',
      'Ortiz said: "We will reopen the pier."',
      'We will reopen the pier.',
    ],
    ['single marks (a headline)', 'Ortiz: ‘We Will Reopen The Pier’', '‘We Will Reopen The Pier’'],
    [
      'a mistyped closing mark',
      'Ortiz said it was “the best pier in the world“ then.',
      '“the best pier in the world“',
    ],
  ])('%s', (_, text, content) => {
    expect(goldOf(text, contentOf(text, content))).toEqual([
      expect.stringMatching(
        /^(We will reopen the pier,?\.?|We Will Reopen The Pier|the best pier in the world)$/,
      ),
    ]);
  });

  it.each([
    ['fewer than four words', 'Ortiz called it “a fine pier” today.', '“a fine pier”'],
    ['apostrophes are no marks', 'Ortiz said the city’s pier isn’t ready.', 'the city’s pier isn’t ready'],
    [
      'attribute values of markup left in the text',
      '<tweet author="ortiz" id="12">Pier opens at noon today</tweet>',
      '<tweet author="ortiz" id="12">Pier opens at noon today</tweet>',
    ],
  ])('no gold quote: %s', (_, text, content) => {
    expect(goldOf(text, contentOf(text, content))).toEqual([]);
  });

  it('pairs straight marks within a paragraph, not across its break', () => {
    const text =
      '"The pier is old, and the city knows it.\n\n"And it will close," she said. "We have no money left."';
    expect(goldOf(text, contentOf(text, text))).toEqual([
      'The pier is old, and the city knows it.',
      'And it will close,',
      'We have no money left.',
    ]);
  });

  it('reads a second content piece (Content2) of one attribution', () => {
    const text = '“The pier opens at noon,” she said. “Bring your own chairs and some water.”';
    const first = at(text, '“The pier opens at noon,”');
    const second = at(text, '“Bring your own chairs and some water.”');
    const ann = [
      `T1\tContent ${first[0]} ${first[1]}\tx`,
      `T2\tContent ${second[0]} ${second[1]}\tx`,
      'E1\tAttribution:T3 Content:T1 Content2:T2',
    ].join('\n');
    expect(goldOf(text, ann)).toEqual(['The pier opens at noon,', 'Bring your own chairs and some water.']);
  });

  it('reads a content whose pieces are listed out of text order, but not a quote between its pieces', () => {
    const text =
      '“The pier opens at noon,” she said, “so bring some chairs.” Ortiz, who called it “a waste of good money and time,” left. “Bring your water too.”';
    const piece = (part: string) => `${text.indexOf(part)} ${text.indexOf(part) + part.length}`;
    const ann = `T1\tContent ${piece('“Bring your water too.”')};${piece('“The pier opens at noon,”')}\tx\nE1\tAttribution:T2 Content:T1`;
    expect(goldOf(text, ann)).toEqual(['The pier opens at noon,', 'Bring your water too.']);
  });
});

describe('readPolnear sources', () => {
  /** The source text of the one gold quote of `text`, whose Source is annotated on `source`. */
  const sourceOf = (text: string, content: string, source: string) => {
    const [cs, ce] = at(text, content);
    const [ss, se] = at(text, source);
    const ann = `T1\tContent ${cs} ${ce}\tx\nT2\tSource ${ss} ${se}\tx\nE1\tAttribution:T3 Content:T1 Source:T2`;
    const dir = mkdtempSync(join(tmpdir(), 'polnear-'));
    mkdirSync(join(dir, 'train', 'text'), { recursive: true });
    mkdirSync(join(dir, 'train', 'attributions'), { recursive: true });
    writeFileSync(join(dir, 'train', 'text', 'a.txt'), text);
    writeFileSync(join(dir, 'train', 'attributions', 'a_x.ann'), ann);
    return readPolnear(dir, 'train')[0]!.gold[0]!.source?.text;
  };

  it.each([
    ['the name after the verb', '“We will reopen the pier,” said Nora Quint, a clerk.', 'said', 'Nora Quint'],
    [
      'the name before the verb',
      '“We will reopen the pier,” Quint said in an interview.',
      'said in an interview',
      'Quint',
    ],
    ['a description stays the verb', '“We will reopen the pier,” said the clerk.', 'said', 'said'],
    ['a name is kept', '“We will reopen the pier,” said Nora Quint.', 'Nora Quint', 'Nora Quint'],
    ['a pronoun is kept', '“We will reopen the pier,” she said.', 'she', 'she'],
  ])('a source annotated on its verb reads as %s', (_, text, source, expected) => {
    expect(sourceOf(text, '“We will reopen the pier,”', source)).toBe(expected);
  });
});

describe('sameSpeaker', () => {
  it.each([
    ['Trevor Noah', 'Noah', true],
    ['Lena Ortiz', 'Sen. Lena Ortiz', true],
    // A name after adjectives is that name; a description ending in an organisation is not.
    ['Trevor Noah', 'A flabbergasted Noah', true],
    ['Donald Trump', 'an angry Hollande', false],
    ['officials', 'officials at the State Department', true],
    ['the campaign', 'the campaign', true],
    ['Ann Kale', 'a spokesperson', false],
    // A transcript's capitals name the same person; another surname in capitals does not.
    ['Ann Kale', 'KALE', true],
    ['Ann Kale', 'ORLA', false],
    // A generational suffix is no surname: the same person with or without it, another with it.
    ['Joseph R Tamsett II', 'Joseph R. Tamsett', true],
    ['Ann Kale Jr.', 'Ben Orla Jr.', false],
  ])('%s is %s: %s', (speaker, gold, same) => {
    expect(sameSpeaker(speaker, gold)).toBe(same);
  });
});
