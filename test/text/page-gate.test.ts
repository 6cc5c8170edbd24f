import { describe, expect, it } from 'vitest';
import rules from '../../src/core/text/boilerplate-rules.json' with { type: 'json' };
import { branchesOf } from '../../src/core/text/any-of.js';
import { boilerplateCategory, removeBoilerplate } from '../../src/core/text/boilerplate.js';
import { loosened } from '../../src/core/text/loosened.js';
import { mayHoldPageClutter } from '../../src/core/text/page-gate.js';
import { PieceFinder } from '../../src/core/text/piece-finder.js';

describe('loosened', () => {
  it.each<[string, string | undefined]>([
    ['', ''],
    ['^we use cookies\\b', 'we\\s+use\\s+cookies'],
    ['a(?=b)c(?<!x)d$', 'acd'],
    ['[\\p{L} .]{1,40}x', '[\\s\\p{L} .]+x'],
    ['[^()]{0,80}', '[^()]*'],
    ['[^\\s()]{2,5}', '[^\\s()]{2,5}'],
    ['a.b', 'a[^]+b'],
    ['a\\s?b', 'a\\s*b'],
    ['(?:x y){0,3}', '(?:x\\s+y){0,3}'],
    ['(a)\\1', undefined],
    ['(', undefined],
  ])('%j → %j', (pattern, expected) => {
    expect(loosened(pattern)).toBe(expected);
  });

  // The whole point: wherever a rule matches a sentence, its loosened form matches the text around it,
  // line breaks and runs of spaces included.
  const page = new Set(rules.pageCategories);
  it.each(rules.sentences.filter((r) => page.has(r.category)).map((r) => [r.example, r.pattern] as const))(
    '%j',
    (example, pattern) => {
      const lower = example.toLowerCase();
      const spread = `Before it.\n${lower.replace(/ /g, '  \n ')}\nAfter it.`.toLowerCase();
      const hits = branchesOf(pattern).filter((b) => new RegExp(b, 'u').test(lower));
      expect(hits.length).toBeGreaterThan(0);
      for (const b of hits) expect(new RegExp(loosened(b)!, 'u').test(spread)).toBe(true);
    },
  );
});

describe('PieceFinder', () => {
  it.each<[string[], string, string[]]>([
    [[], 'anything', []],
    [['sign', 'signing', 'in'], 'signing in', ['in', 'sign', 'signing']],
    [['ab', 'bc'], 'abc', ['ab', 'bc']],
    [['aa'], 'aaa', ['aa']],
    [['x.y', '('], 'a x.y (b', ['(', 'x.y']],
    [['cookie'], 'no such word', []],
  ])('%j in %j', (pieces, text, expected) => {
    expect([...new PieceFinder(pieces).find(text)].sort()).toEqual(expected);
  });
});

describe('mayHoldPageClutter', () => {
  // Fictional pages: news that needs no split, and every kind of page clutter, which must be let through.
  it.each([
    'The harbor council met on Tuesday and voted to close the pier for repairs.',
    'Ann Lee designed the new sign for the bakery. It went up in March.',
    '',
  ])('no clutter: %j', (text) => {
    expect(mayHoldPageClutter(text)).toBe(false);
  });

  const page = new Set(rules.pageCategories);
  it.each(rules.sentences.filter((r) => page.has(r.category)).map((r) => [r.example] as const))(
    'lets through %j',
    (example) => {
      expect(mayHoldPageClutter(`The council met.\n\n${example}\n\nThe vote failed.`)).toBe(true);
    },
  );

  it.each([
    'Go team! pic.twitter.com/x1Ab',
    'PARIS (AP) —',
    'Some news — Ann Lee (@annlee) March 3, 2018',
    'WASHINGTON — "…"',
  ])('lets through what cleaning may empty: %j', (text) => {
    expect(mayHoldPageClutter(text)).toBe(true);
  });

  // A sentence strip cuts what it needs: each rule's own example must go the slow way.
  it.each(rules.sentenceStrip.map((r) => [r.example] as const))('lets through the strip of %j', (example) => {
    expect(mayHoldPageClutter(example)).toBe(true);
  });

  it('leaves the verdict as it was on a clutter page', () => {
    const page = 'We use cookies to improve your experience. By continuing to use this site you agree.';
    expect(removeBoilerplate(page).dropped).toContain('cookie notice');
    expect(boilerplateCategory('Page not found')).toBe('error');
  });
});
