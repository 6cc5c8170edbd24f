import { describe, expect, it } from 'vitest';
import { parseRegex, quantifierBounds } from '../../src/core/text/regex-tree.js';

describe('parseRegex', () => {
  it('reads alternations, groups, classes, escapes and quantifiers', () => {
    expect(parseRegex('a|(?:b)[c\\]]\\p{L}+?^')).toEqual({
      kind: 'alternation',
      branches: [
        { kind: 'sequence', items: [{ kind: 'char', char: 'a' }] },
        {
          kind: 'sequence',
          items: [
            {
              kind: 'group',
              opening: '?:',
              inner: { kind: 'sequence', items: [{ kind: 'char', char: 'b' }] },
            },
            { kind: 'class', body: 'c\\]' },
            { kind: 'repeat', atom: { kind: 'escape', source: 'p{L}' }, quantifier: '+?' },
            { kind: 'anchor' },
          ],
        },
      ],
    });
  });

  it.each(['(', 'a)', '[ab', '\\', '\\p{L', '\\k<x'])('gives undefined for %j', (pattern) => {
    expect(parseRegex(pattern)).toBeUndefined();
  });
});

describe('quantifierBounds', () => {
  it.each<[string, number, number]>([
    ['*', 0, Infinity],
    ['+?', 1, Infinity],
    ['?', 0, 1],
    ['{3}', 3, 3],
    ['{2,}', 2, Infinity],
    ['{0,60}?', 0, 60],
  ])('%j → %d..%d', (q, min, max) => {
    expect(quantifierBounds(q)).toEqual({ min, max });
  });
});
