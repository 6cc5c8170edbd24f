import { describe, expect, it } from 'vitest';
import { MemberTable } from '../../src/core/cluster/member-table.js';
import { PostingList } from '../../src/core/cluster/posting-list.js';
import { dot, type TermWeight } from '../../src/core/cluster/sparse.js';
import { TermSpace } from '../../src/core/cluster/term-space.js';

const ARTICLE: TermWeight[] = [
  ['bridg', 0.7],
  ['harbor', 0.1],
  ['@ortiz', 0.3],
  ['close', 0.2],
];

describe('term space', () => {
  // Sums must be bit for bit those of `dot`: a score one ulp off may flip a join at its threshold.
  it.each([
    ['no shared term', [['pier', 0.9] as const]],
    ['one shared term', [['bridg', 0.123456] as const]],
    [
      'shared terms in another order',
      [
        ['close', 0.1],
        ['x', 0.5],
        ['bridg', 0.3],
        ['@ortiz', 0.7],
      ] as const,
    ],
    ['an empty vector', []],
    [
      'weights that round differently by order',
      [
        ['harbor', 0.1],
        ['close', 0.2],
        ['bridg', 0.3],
      ] as const,
    ],
  ] as const)('sums as dot does: %s', (_name, held) => {
    const space = new TermSpace();
    const article = space.intern(ARTICLE);
    const member = space.intern(held as readonly TermWeight[]);
    space.load(article);
    expect(space.memberOrderDot(member)).toBe(dot(held as readonly TermWeight[], new Map(ARTICLE)));
    expect(space.articleOrderDot(member)).toBe(dot(ARTICLE, new Map(held as readonly TermWeight[])));
    // The held vector's weights and terms read by the article's places, as a map of them gives them.
    const weights = new Map(held as readonly TermWeight[]);
    expect([...space.weightsByPlace(member)]).toEqual(ARTICLE.map(([t]) => weights.get(t) ?? NaN));
    expect([...space.placesHeld(member)]).toEqual(ARTICLE.map(([t]) => (weights.has(t) ? 1 : 0)));
  });

  it('tells the places held afresh on every call, its array reused', () => {
    const space = new TermSpace();
    const article = space.intern(ARTICLE);
    space.load(article);
    const all = [...space.placesHeld(space.intern([...ARTICLE]))];
    const one = [...space.placesHeld(space.intern([['close', 1]]))];
    expect([all, one]).toEqual([
      [1, 1, 1, 1],
      [0, 0, 0, 1],
    ]);
    space.load(space.intern([['pier', 1]]));
    expect([...space.placesHeld(article)]).toEqual([0]);
  });

  it('forgets the previous article when another is loaded', () => {
    const space = new TermSpace();
    const first = space.intern(ARTICLE);
    const second = space.intern([['pier', 1]]);
    space.load(first);
    space.load(second);
    expect(space.memberOrderDot(first)).toBe(0);
    expect(space.articleOrderDot(first)).toBe(0);
    expect([...space.placesHeld(first)]).toEqual([0]);
    expect(space.memberOrderDot(second)).toBe(1);
  });

  it('grows past its first size', () => {
    const space = new TermSpace();
    const many: TermWeight[] = Array.from({ length: 40_000 }, (_, i) => [`t${i}`, 1 / (i + 1)]);
    const held = space.intern(many);
    space.load(space.intern([['t39999', 2]]));
    expect(space.memberOrderDot(held)).toBe(2 / 40_000);
  });
});

describe('member table', () => {
  it('holds values by key and iterates them in key order', () => {
    const table = new MemberTable<string>();
    table.set(3, 'c');
    table.set(7, 'g');
    table.set(5, 'e');
    table.delete(5);
    table.delete(99);
    expect(table.size).toBe(2);
    expect([...table]).toEqual([
      [3, 'c'],
      [7, 'g'],
    ]);
    expect([table.has(3), table.has(5), table.get(-1)]).toEqual([true, false, undefined]);
  });
});

describe('posting list', () => {
  it('keeps its postings in order through growth and sweeps', () => {
    const list = new PostingList(150);
    for (let k = 0; k < 10; k++) list.push(k, k / 10);
    list.keep((k) => k % 3 === 0);
    expect(Array.from({ length: list.length }, (_, i) => [list.key(i), list.weight(i)])).toEqual([
      [0, 0],
      [3, 0.3],
      [6, 0.6],
      [9, 0.9],
    ]);
  });
});
