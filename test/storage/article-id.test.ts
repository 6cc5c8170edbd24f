import { describe, expect, it } from 'vitest';
import { articleIdCandidate } from '../../src/storage/store.js';

describe('articleIdCandidate: the one rule for a free article id', () => {
  it.each([
    ['a-1', 'f00dcafe99', 1, 'a-1'],
    ['a-1', 'f00dcafe99', 2, 'a-1~f00dcafe'],
    ['a-1', 'f00dcafe99', 3, 'a-1~f00dcafe-3'],
    ['x', 'ab', 2, 'x~ab'],
  ])('(%s, %s, %i) → %s', (id, hash, n, expected) => {
    expect(articleIdCandidate(id, hash, n)).toBe(expected);
  });
});
