import { describe, expect, it } from 'vitest';
import { alternatives, escapeRegExp } from '../../src/core/text/alternatives.js';

describe('escapeRegExp', () => {
  it.each(['a.b', 'x*y+z?', '^$', '{1}', '(a|b)', '[c]', 'back\\slash', 'AP/Reuters'])(
    '%j matches itself only, with and without the u flag',
    (s) => {
      for (const flags of ['', 'u']) {
        const re = new RegExp(`^${escapeRegExp(s)}$`, flags);
        expect(re.test(s)).toBe(true);
        expect(re.test(`${s}x`)).toBe(false);
      }
    },
  );
});

describe('alternatives', () => {
  it.each<[string[], string, string]>([
    [['ap', 'associated press'], 'the associated press said', 'associated press'],
    [['a.p.', 'ap'], 'a.p. reported', 'a.p.'],
    [['ap', 'a.p.'], 'axp', ''],
    [['(afp)', 'afp'], 'via (afp)', '(afp)'],
  ])('%j in %j finds %j', (words, text, found) => {
    expect(new RegExp(alternatives(words), 'u').exec(text)?.[0] ?? '').toBe(found);
  });
});
