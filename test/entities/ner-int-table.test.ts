import { describe, expect, it } from 'vitest';
import { IntTable } from '../../src/core/entities/ner/int-table.js';

describe('IntTable', () => {
  const table = new IntTable([
    [0, 5],
    [42, 0],
    [2 ** 31 - 1, -7],
    [16, 3],
  ]);
  it.each([
    [0, 5],
    [42, 0],
    [2 ** 31 - 1, -7],
    [16, 3],
    [1, -1],
    [43, -1],
    [2 ** 30, -1],
  ])('%i → %i', (key, expected) => {
    expect(table.get(key)).toBe(expected);
  });

  it('answers as a Map does on many colliding keys', () => {
    const map = new Map<number, number>();
    for (let i = 0; i < 5000; i++) map.set(i * 65536, i);
    const big = new IntTable(map);
    for (let k = 0; k < 5000 * 65536; k += 4099) expect(big.get(k)).toBe(map.get(k) ?? -1);
  });

  it('works empty', () => {
    expect(new IntTable([]).get(3)).toBe(-1);
  });
});
