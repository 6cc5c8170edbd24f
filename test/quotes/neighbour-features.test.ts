/**
 * The chooser's second reading (neighbour-features.ts): each candidate's features read from the
 * first reading's answers for the quotes around it, on fictional articles of three quotes.
 */
import { describe, expect, it } from 'vitest';
import {
  NEIGHBOUR_FEATURES,
  neighbourFeatures,
  type FirstAnswer,
  type LinkedQuote,
} from '../../src/core/quotes/neighbour-features.js';
import { SPEAKER_FEATURES, type CueKind } from '../../src/core/quotes/speaker-candidates.js';

const blank = () => SPEAKER_FEATURES.map(() => 0);
const withFeature = (name: (typeof SPEAKER_FEATURES)[number]) =>
  SPEAKER_FEATURES.map((n) => (n === name ? 1 : 0));

const quote = (
  paragraph: number,
  namedSincePrevious: string[],
  kind: CueKind = 'none',
  candidates = [
    { speaker: 'Ann Kale', features: blank() },
    { speaker: 'Tom Reyes', features: blank() },
  ],
): LinkedQuote => ({ candidates, kind, links: { paragraph, namedSincePrevious } });

const sure = (speaker: string, p = 0.9): FirstAnswer => ({ speaker, p, named: true });
const unsure = (speaker: string, p = 0.4): FirstAnswer => ({ speaker, p, named: false });
const at = (name: (typeof NEIGHBOUR_FEATURES)[number]) => NEIGHBOUR_FEATURES.indexOf(name);

/** The value of feature `name` for candidate `c` of quote `i`. */
function value(
  quotes: LinkedQuote[],
  answers: FirstAnswer[],
  i: number,
  c: number,
  name: (typeof NEIGHBOUR_FEATURES)[number],
): number {
  return neighbourFeatures(quotes, answers, i)[c]![at(name)]!;
}

describe('neighbourFeatures', () => {
  it('gives one row per candidate, one value per feature', () => {
    const quotes = [quote(0, ['Ann Kale']), quote(0, [])];
    const rows = neighbourFeatures(quotes, [sure('Ann Kale'), unsure('Ann Kale')], 1);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.length === NEIGHBOUR_FEATURES.length)).toBe(true);
  });

  it.each([
    // [what lies between the two quotes, paragraphs, feature of Ann Kale (candidate 0) for quote 1]
    ['nobody named, same paragraph', [], 0, 0.9],
    ['only the same speaker named again', ['Ann Kale'], 0, 0.9],
    ['the next paragraph', [], 1, 0.9],
    ['another person named between', ['Tom Reyes'], 0, 0],
    ['two paragraphs on', [], 2, 0],
  ] as const)('carries the quote before’s answer: %s', (_, between, paragraph, expected) => {
    const quotes = [quote(0, []), quote(paragraph, [...between])];
    expect(value(quotes, [sure('Ann Kale'), unsure('Tom Reyes')], 1, 0, 'previousAnswerP')).toBe(expected);
    expect(value(quotes, [sure('Ann Kale'), unsure('Tom Reyes')], 1, 1, 'previousAnswerP')).toBe(0);
  });

  it('tells a sure first answer before from an unsure one', () => {
    const quotes = [quote(0, []), quote(0, [])];
    expect(value(quotes, [sure('Ann Kale'), sure('Ann Kale')], 1, 0, 'previousAnswerNamed')).toBe(1);
    expect(value(quotes, [unsure('Ann Kale'), sure('Ann Kale')], 1, 0, 'previousAnswerNamed')).toBe(0);
    expect(value(quotes, [unsure('Ann Kale', 0.45), sure('Ann Kale')], 1, 0, 'previousUnsureP')).toBe(0.45);
  });

  it('reads the pronoun’s gender against the speaker carried from the quote before', () => {
    const candidates = [
      { speaker: 'Ann Kale', features: withFeature('pronounMismatch') },
      { speaker: 'Tom Reyes', features: withFeature('pronounMatch') },
    ];
    const quotes = [quote(0, []), quote(0, [], 'pronoun', candidates)];
    // "…," Kale said. "…," he added: the carried speaker clashes with "he".
    expect(value(quotes, [sure('Ann Kale'), sure('Tom Reyes')], 1, 0, 'previousPronounClash')).toBe(1);
    expect(value(quotes, [sure('Ann Kale'), sure('Tom Reyes')], 1, 0, 'previousPronounMatch')).toBe(0);
    expect(value(quotes, [sure('Tom Reyes'), sure('Tom Reyes')], 1, 1, 'previousPronounMatch')).toBe(1);
  });

  it('reads the next quote’s answer when nobody else is named before it', () => {
    const quotes = [quote(0, []), quote(0, [])];
    expect(value(quotes, [unsure('Tom Reyes'), sure('Ann Kale', 0.8)], 0, 0, 'nextAnswerP')).toBe(0.8);
    const named = [quote(0, []), quote(0, ['Tom Reyes'])];
    expect(value(named, [unsure('Tom Reyes'), sure('Ann Kale', 0.8)], 0, 0, 'nextAnswerP')).toBe(0);
  });

  it('marks the paragraph’s one speaker, and candidates who are not it', () => {
    const quotes = [quote(0, []), quote(0, ['Tom Reyes']), quote(0, [])];
    const answers = [sure('Ann Kale'), unsure('Tom Reyes'), sure('Ann Kale')];
    expect(value(quotes, answers, 1, 0, 'paragraphOneSpeaker')).toBe(1);
    expect(value(quotes, answers, 1, 1, 'paragraphOtherSpeaker')).toBe(1);
    const two = [sure('Ann Kale'), unsure('Tom Reyes'), sure('Tom Reyes')];
    expect(value(quotes, two, 1, 0, 'paragraphOneSpeaker')).toBe(0);
    // A quote in the next paragraph is not of this one.
    const split = [quote(0, []), quote(0, []), quote(1, [])];
    expect(
      value(split, [unsure('Tom Reyes'), unsure('Tom Reyes'), sure('Ann Kale')], 1, 0, 'paragraphOneSpeaker'),
    ).toBe(0);
  });

  it('gives nothing to the first quote of an article, nor to an empty one', () => {
    expect(neighbourFeatures([quote(0, [])], [unsure('Ann Kale')], 0)).toEqual([
      NEIGHBOUR_FEATURES.map(() => 0),
      NEIGHBOUR_FEATURES.map(() => 0),
    ]);
    expect(neighbourFeatures([quote(0, [], 'none', [])], [{ p: 0, named: false }], 0)).toEqual([]);
  });
});
