import { describe, expect, it } from 'vitest';
import { clauseStemsOf } from '../../src/core/compare/clause-stems.js';
import { wordForms } from '../../src/core/text/analyze.js';

/** What find-figures.ts computed before the sentence was read once: each clause tokenised anew. */
const byText = (sentence: string, parts: [number, number][]) =>
  wordForms(
    parts
      .map(([a, b]) => sentence.slice(a, b))
      .join(' ')
      .replace(/\d[\d,.:]*/g, ' '),
  ).stems;

describe('clauseStemsOf', () => {
  const rows: [string, [number, number][], string[]][] = [
    ['', [[0, 5]], []],
    [
      'Crews fixed 12 bridges.',
      [
        [0, 11],
        [14, 23],
      ],
      ['crew', 'fix', 'bridg'],
    ],
    // A part that cuts a word keeps the piece ("e", "covi"); digits split words ("d", "s": stop words).
    [
      'The covid19s waves',
      [
        [2, 8],
        [8, 18],
      ],
      ['e', 'covi', 'wave'],
    ],
    // Bounds as `slice` reads them: reversed, negative, past the end.
    [
      'Rain closed 3 roads today',
      [
        [9, 2],
        [-5, 99],
      ],
      ['today'],
    ],
    // Not ASCII: the general path.
    [
      'Schäfer said 12 Straßen closed',
      [
        [0, 12],
        [15, 30],
      ],
      ['schäfer', 'straßen', 'close'],
    ],
    [
      'The fire\u00a0destroyed 40 homes, officials said',
      [
        [0, 18],
        [22, 28],
      ],
      ['fire', 'destroy', 'home'],
    ],
  ];
  it.each(rows)('%j %j → %j', (sentence, parts, expected) => {
    expect(clauseStemsOf(sentence)(parts)).toEqual(expected);
    expect(clauseStemsOf(sentence)(parts)).toEqual(byText(sentence, parts));
  });

  it('agrees with tokenising each clause anew on hostile text', () => {
    const chars = 'aZ9 ,.:-’é\u00a0”\u0301x';
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      let sentence = '';
      for (let n = next(24); n > 0; n--) sentence += chars[next(chars.length)];
      const at = () => next(sentence.length + 6) - 3;
      const parts: [number, number][] = [
        [at(), at()],
        [at(), at()],
      ];
      expect(clauseStemsOf(sentence)(parts)).toEqual(byText(sentence, parts));
    }
  });
});
