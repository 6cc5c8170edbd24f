import { describe, expect, it } from 'vitest';
import { anyOf, branchesOf } from '../../src/core/text/any-of.js';
import rules from '../../src/core/text/boilerplate-rules.json' with { type: 'json' };

describe('branchesOf', () => {
  it.each<[string, string[]]>([
    ['', ['']],
    ['a', ['a']],
    ['a|b', ['a', 'b']],
    ['(?:a|b)c|d', ['(?:a|b)c', 'd']],
    ['[|»]x|y', ['[|»]x', 'y']],
    ['a\\|b|c', ['a\\|b', 'c']],
    ['[\\]|]a|b', ['[\\]|]a', 'b']],
    ['\\bx|^y|z', ['\\bx', '^y', 'z']],
  ])('%j → %j', (pattern, expected) => {
    expect(branchesOf(pattern)).toEqual(expected);
  });
});

describe('anyOf', () => {
  it('groups branches by their opening \\b or ^', () => {
    expect(anyOf(['\\bcookies\\b', '^error\\b|\\bnot found\\b', 'x+'], 'u').source).toBe(
      '\\b(?:cookies\\b|not found\\b)|^(?:error\\b)|(?:x+)',
    );
  });

  it('joins patterns as they are when grouping could change the answer', () => {
    expect(anyOf(['^a', '^b'], 'm').source).toBe('(?:^a)|(?:^b)');
    expect(anyOf(['(a)\\1', '\\bb'], 'u').source).toBe('(?:(a)\\1)|(?:\\bb)');
  });

  // Fictional sentences: clutter of each kind, news that mentions the same words, and edge cases.
  const texts = [
    '',
    'we use cookies to improve this site.',
    'the bakery sold cookies to 300 visitors.',
    'page not found',
    'error 404',
    'the 404 bus was late.',
    'subscribe to our newsletter',
    '» subscribe now',
    'please subscribe today',
    'he did not subscribe to the theory.',
    '► related coverage',
    'related: storm closes harbor',
    'photo: ap',
    '(ap photo/jane roe)',
    'sign up!',
    'follow maria delgado (@mdelgado) on twitter',
    'the council voted 7-2 on tuesday night.',
    'sorry, something went wrong.',
    'she said she was sorry, and something went wrong later.',
    'pic.twitter.com/abc123',
    'copyright 2019 the harbor gazette',
    'the crawl data showed nothing.',
    'interested in harbor news?',
  ];
  const one = new RegExp(rules.sentences.map((r) => `(?:${r.pattern})`).join('|'), 'u');
  const grouped = anyOf(
    rules.sentences.map((r) => r.pattern),
    'u',
  );
  it.each(texts)('answers as the plain alternation of the clutter rules: %j', (text) => {
    expect(grouped.test(text)).toBe(one.test(text));
  });
});
