import { describe, expect, it } from 'vitest';
import { StringTable } from '../../src/core/text/string-table.js';

const KEYS: readonly [string, number][] = [
  ['the', 0],
  ['th', 9],
  ['', 18],
  ['über', 27],
  ['😀x', 36],
  ['a|b', 45],
];

describe('StringTable', () => {
  const table = new StringTable(KEYS);
  it.each([
    // [string, from, to, expected]
    ['the', 0, 3, 0],
    ['th', 0, 2, 9],
    ['', 0, 0, 18],
    ['über', 0, 4, 27],
    ['😀x', 0, 3, 36],
    ['a|b', 0, 3, 45],
    ['bathe', 2, 5, 0],
    ['bathe', 2, 4, 9],
    ['mother', 2, 4, 9],
    ['x', 0, 0, 18],
    ['they', 0, 4, -1],
    ['t', 0, 1, -1],
    ['Ueber', 0, 5, -1],
    ['😀', 0, 2, -1],
  ] as const)('%s [%i, %i) → %i', (s, from, to, expected) => {
    expect(table.get(s, from, to)).toBe(expected);
  });

  it('answers as a Map does on many keys', () => {
    const map = new Map<string, number>();
    for (let i = 0; i < 5000; i++) map.set(`k${(i * 7919) % 100003}`, i);
    const big = new StringTable(map);
    for (let i = 0; i < 20000; i++) {
      const k = `k${i}`;
      expect(big.get(k)).toBe(map.get(k) ?? -1);
    }
  });

  it('works empty', () => {
    expect(new StringTable([]).get('a')).toBe(-1);
  });
});

describe('StringTable as it grows', () => {
  it('keeps every key through growth, updates, and clearing', () => {
    const table = new StringTable();
    const map = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const key = i % 7 === 0 ? `ü${i}` : `w${(i * 31) % 1000}`;
      table.set(key, i);
      map.set(key, i);
    }
    expect(table.size).toBe(map.size);
    for (let i = 0; i < 4000; i++)
      for (const k of [`w${i}`, `ü${i}`]) expect(table.get(k)).toBe(map.get(k) ?? -1);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.get('w1')).toBe(-1);
    table.set('w1', 3);
    expect(table.get('w1')).toBe(3);
  });
});
