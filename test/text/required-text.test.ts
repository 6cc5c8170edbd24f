import { describe, expect, it } from 'vitest';
import rules from '../../src/core/text/boilerplate-rules.json' with { type: 'json' };
import { requiredText, requiredTexts } from '../../src/core/text/required-text.js';

describe('requiredTexts', () => {
  it.each<[string, string[][]]>([
    ['', []],
    ['cookies', [['cookies']]],
    ['\\bcookies? (?:policy|settings)\\b', [['cookie'], ['policy', 'settings']]],
    ['\\(\\s*@\\w+\\)', [['@'], ['('], [')']]],
    // Whitespace never goes into a piece: a split text has one space where the page had a line break.
    ['we use cookies', [['cookies'], ['use'], ['we']]],
    ['(?:ab|cd)+e', [['ab', 'cd'], ['e']]],
    ['[xy]z', [['xz', 'yz']]],
    ['(?=abc)d', [['abc'], ['d']]],
    // What may match nothing, or anything, needs nothing.
    ['a|', []],
    ['x*', []],
    ['.+', []],
    ['(?!abc)', []],
    ['(a)\\1', [['a']]],
    ['\\p{L}+x', [['x']]],
    // Hostile or broken patterns: nothing, never an error.
    ['(', []],
    ['a)', []],
    ['[abc', []],
    ['\\', []],
  ])('%j → %j', (pattern, expected) => {
    expect(requiredTexts(pattern)).toEqual(expected);
  });

  it('gives the rarest set first', () => {
    expect(requiredText('\\(\\s*@\\w+\\)')).toEqual(['@']);
    expect(requiredText('a|')).toBeUndefined();
  });

  // Every rule's own example holds a piece of each set found for the rule: the sets are needed.
  const all = [...rules.strip, ...rules.sentenceStrip, ...rules.sentences, ...rules.lines];
  it.each(all.map((r) => [r.example, r.pattern] as const))('%j', (example, pattern) => {
    const text = example.toLowerCase();
    expect(new RegExp(pattern, 'u').test(text)).toBe(true);
    for (const set of requiredTexts(pattern)) expect(set.some((piece) => text.includes(piece))).toBe(true);
  });
});
