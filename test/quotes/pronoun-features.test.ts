/**
 * The speaker a "he"/"she" quote may continue (pronoun-features.ts): the last speaker a quote's own
 * cue named by name, on fictional articles.
 */
import { describe, expect, it } from 'vitest';
import { quoteCandidates } from '../../src/core/quotes/attribute-quotes.js';
import { lastNamedCues } from '../../src/core/quotes/pronoun-features.js';
import { SPEAKER_FEATURES, type CueKind } from '../../src/core/quotes/speaker-candidates.js';

const ROWS: [string, (string | undefined)[], CueKind[], (string | undefined)[]][] = [
  ['no quotes', [], [], []],
  ['one named quote', ['Ann Kale'], ['named'], [undefined]],
  [
    'a name goes on over a pronoun and a quote with no cue',
    ['Ann Kale', 'Ann Kale', undefined],
    ['named', 'pronoun', 'none'],
    [undefined, 'Ann Kale', 'Ann Kale'],
  ],
  [
    'a pronoun’s or a description’s speaker does not replace it',
    ['Ann Kale', 'Tom Reyes', 'a spokesman', undefined],
    ['named', 'pronoun', 'described', 'pronoun'],
    [undefined, 'Ann Kale', 'Ann Kale', 'Ann Kale'],
  ],
  [
    'a later name does',
    ['Ann Kale', 'Tom Reyes', undefined],
    ['named', 'named', 'pronoun'],
    [undefined, 'Ann Kale', 'Tom Reyes'],
  ],
  [
    'a cue naming nobody the rules resolve',
    [undefined, undefined],
    ['named', 'pronoun'],
    [undefined, undefined],
  ],
];

describe('lastNamedCues', () => {
  it.each(ROWS)('%s', (_, own, kinds, expected) => {
    expect(lastNamedCues(own, kinds)).toEqual(expected);
  });
});

describe('pronounLastNamedCue', () => {
  const f = SPEAKER_FEATURES.indexOf('pronounLastNamedCue');
  const marked = (text: string, quote: number) =>
    quoteCandidates(text)
      .at(quote)!
      .candidates.filter((c) => c.features[f] === 1)
      .map((c) => c.speaker);

  it('marks the last speaker named by a cue for "he" across paragraphs that name another man', () => {
    const text =
      '“We knocked on every door in the county,” Ben Stovall said.\n\n' +
      'Ted Marsh won the county in 2010. Marsh spoke at every event that fall.\n\n' +
      '“He was very sharp and people listened to him,” he said.';
    expect(marked(text, 1)).toEqual(['Ben Stovall']);
  });

  it('marks nobody for a quote whose cue is a name, nor for the first quote', () => {
    const text =
      '“We knocked on every door in the county,” Ben Stovall said.\n\n' +
      '“He was very sharp and people listened,” Ted Marsh said.';
    expect(marked(text, 0)).toEqual([]);
    expect(marked(text, 1)).toEqual([]);
  });
});
