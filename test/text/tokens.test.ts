import { describe, expect, it } from 'vitest';
import { countWords, isStopWord, STOP_WORDS, tokenize } from '../../src/core/text/index.js';
import { hasSpacelessScript, isPlainMark } from '../../src/core/text/tokens.js';

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
    [
      '“Ortiz’s” bridge — closed… «again» 5°C, €12 ©2024',
      ['ortiz', 's', 'bridge', 'closed', 'again', '5', 'c', '12', '2024'],
    ],
    ['Mayor ÉLISE Roe — “no”', ['mayor', 'élise', 'roe', 'no']],
    ['大桥 “closed”', ['大', '桥', 'closed']],
  ])('%j', (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });

  // The character-code path skips these as separators: they must be what the expressions skip.
  it('treats as separators only characters that are neither letters, digits nor marks', () => {
    const plain: string[] = [];
    for (let c = 128; c < 0x10000; c++) if (isPlainMark(c)) plain.push(String.fromCharCode(c));
    expect(plain.length).toBe(41);
    for (const ch of plain) {
      expect(/[\p{L}\p{N}\p{M}]/u.test(ch)).toBe(false);
      expect(ch.toLowerCase()).toBe(ch);
      expect(hasSpacelessScript(ch)).toBe(false);
    }
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

describe('scripts written without spaces', () => {
  // Exact word breaks come from the runtime's ICU dictionary and may shift between versions, so these
  // check what must hold whatever the dictionary: several words, in order, covering every letter.
  it.each<[string, string]>([
    ['Chinese', '港口大桥周一关闭，市长说维修需要三周。'],
    ['Japanese', '港湾橋は月曜日に閉鎖された。'],
    ['Thai', 'สะพานปิดในวันจันทร์'],
  ])('%s is split into words', (_, text) => {
    const words = tokenize(text);
    expect(words.length).toBeGreaterThan(3);
    expect(words.join('')).toBe(text.replace(/[，。\s]/g, ''));
    expect(countWords(text)).toBe(words.length);
  });

  it('leaves Latin words around them whole', () => {
    const words = tokenize('Harbor大桥 closed on 2024年');
    expect(words.slice(0, 1)).toEqual(['harbor']);
    expect(words).toContain('closed');
    expect(words).toContain('2024');
    expect(words.join('')).toBe('harbor大桥closedon2024年');
  });

  it('counts a Chinese sentence as its words, not as one', () => {
    expect(countWords('市长说维修需要三周。')).toBeGreaterThan(3);
  });
});
