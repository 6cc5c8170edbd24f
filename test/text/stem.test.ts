import { readFileSync } from 'node:fs';
import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { porterStem, stem } from '../../src/core/text/stem.js';

/**
 * Rows of the NLTK 3.8 table (`word`, NLTK default-mode stem, original-algorithm stem): every word of
 * the 30,000 most frequent Multi-News words on which the two modes differ, plus every 150th word.
 */
const TABLE = readFileSync(new URL('../fixtures/eval/nltk-porter-stems.tsv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t') as [string, string, string]);

describe('stem (NLTK Porter, default mode)', () => {
  it('matches NLTK on every table row', () => {
    const wrong = TABLE.filter(([word, nltk]) => stem(word) !== nltk).map(
      ([w, n]) => `${w}: ${stem(w)} ≠ ${n}`,
    );
    expect(wrong).toEqual([]);
  });

  it('the table holds rows where the original algorithm differs, so it can tell the variants apart', () => {
    const differing = TABLE.filter(([, nltk, original]) => nltk !== original);
    expect(differing.length).toBeGreaterThan(600);
    expect(differing.filter(([word, nltk]) => stemmer(word) !== nltk).length).toBeGreaterThan(500);
  });

  it.each([
    ['news', 'news'], // irregular form
    ['says', 'say'], // y after a vowel is not turned into i
    ['tuesday', 'tuesday'],
    ['happy', 'happi'],
    ['dies', 'die'], // four-letter -ies keeps ie
    ['flies', 'fli'],
    ['died', 'die'],
    ['spied', 'spi'],
    ['dying', 'die'],
    ['skies', 'sky'],
    ['geology', 'geolog'], // logi → log
    ['fully', 'fulli'], // one-vowel-consonant stem: fulli rule needs m > 0
    ['reported', 'report'],
    ['generalization', 'gener'],
    ['is', 'is'], // two letters stay
    ['a', 'a'],
    ['', ''],
  ])('stem(%j) = %j', (word, expected) => {
    expect(porterStem(word)).toBe(expected);
    expect(stem(word)).toBe(expected);
  });
});
