import { describe, expect, it } from 'vitest';
import { countWords, isStopWord, STOP_WORDS, tokenize } from '../../src/core/text/index.js';

describe('tokenize', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['U.S. Sen. Ortiz, 42', ['u', 's', 'sen', 'ortiz', '42']],
    ["didn't", ['didn', 't']],
    ['$1.2 million (3.5%)', ['1', '2', 'million', '3', '5']],
    ['COVID-19 café', ['covid', '19', 'café']],
    ['cafe\u0301 हिन्दी', ['cafe\u0301', 'हिन्दी']],
    ['Мост открыт 🎉 ✓', ['мост', 'открыт']],
    ['\u0000\u0007 --- ...', []],
  ])('%j', (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });
});

describe('countWords', () => {
  it.each<[string, number]>([
    ['', 0],
    ['The bridge — closed , again .', 4],
    ["it 's a ' pulp ' novel", 5],
    ['3.5 percent', 2],
  ])('%j → %d', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe('stop words', () => {
  it('are lowercase tokens, apostrophe pieces included', () => {
    for (const w of STOP_WORDS) expect(tokenize(w)).toEqual([w]);
    expect(['the', 'didn', 't', 's'].every(isStopWord)).toBe(true);
    expect(['bridge', 'mayor', 'tunnel'].some(isStopWord)).toBe(false);
  });
});
