import { describe, expect, it } from 'vitest';
import {
  hasLetterOrDigit,
  isCapitalized,
  letterLength,
  letterOrDigitLength,
  startsLowercase,
} from '../../src/core/text/letters.js';

// Each test must answer as the `\p{…}` expression it stands for, ASCII fast path or not.
const SAMPLES = [
  'Élise',
  'élise',
  'Mayor',
  'said',
  '9/11',
  '“Quote',
  '-dash',
  'Ωmega',
  'ωmega',
  '𝐀bc',
  '桥',
  '😀x',
  ' a',
];

describe('letter-class tests', () => {
  it.each(SAMPLES)('%s answers as the expressions do', (s) => {
    expect(isCapitalized(s)).toBe(/^\p{Lu}/u.test(s));
    expect(startsLowercase(s)).toBe(/^\p{Ll}/u.test(s));
    expect(hasLetterOrDigit(s)).toBe(/[\p{L}\p{N}]/u.test(s));
  });

  it.each([
    ['a', 0, 1],
    ['Z9', 1, 1],
    ['-', 0, 0],
    ['é', 0, 1],
    ['桥', 0, 1],
    ['𝐀b', 0, 2],
    ['😀', 0, 0],
    // A lone surrogate is no letter, even before one.
    ['\ud835a', 0, 0],
  ])('letterOrDigitLength(%j, %i) is %i', (s, i, length) => {
    expect(letterOrDigitLength(s, i)).toBe(length);
  });

  it.each([
    ['a', 0, 1],
    ['Z9', 1, 0],
    ['-', 0, 0],
    ['é', 0, 1],
    ['𝐀b', 0, 2],
    ['😀', 0, 0],
    ['\ud835a', 0, 0],
  ])('letterLength(%j, %i) is %i', (s, i, length) => {
    expect(letterLength(s, i)).toBe(length);
  });

  it.each(SAMPLES)('letterLength walks %s into the runs /\\p{L}+/gu finds', (s) => {
    const runs: string[] = [];
    for (let i = 0; i < s.length;) {
      if (letterLength(s, i) === 0) {
        i++;
        continue;
      }
      const start = i;
      while (i < s.length && letterLength(s, i) > 0) i += letterLength(s, i);
      runs.push(s.slice(start, i));
    }
    expect(runs).toEqual(s.match(/\p{L}+/gu) ?? []);
  });
});
