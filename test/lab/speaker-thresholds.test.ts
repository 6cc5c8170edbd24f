/**
 * The per-kind threshold pick of the speaker lab (lab/speakers/fit.ts pickThresholds): within the
 * bound on wrong answers, never below 0.5, the same for the same choices.
 */
import { describe, expect, it } from 'vitest';
import { pickThresholds, type HeldChoice } from '../../lab/speakers/fit.js';

const held = (kind: HeldChoice['kind'], p: number, ok: boolean, n = 1): HeldChoice[] =>
  Array.from({ length: n }, () => ({ p, ok, w: 1, kind }));

const wrongAt = (cs: readonly HeldChoice[], t: Record<string, number>) =>
  cs.filter((c) => c.p >= t[c.kind]! && !c.ok).length;

describe('pickThresholds', () => {
  const choices = [
    ...held('named', 0.95, true, 40),
    ...held('named', 0.62, true, 6),
    ...held('named', 0.62, false, 2),
    ...held('named', 0.55, true, 2),
    ...held('named', 0.55, false, 1),
    ...held('pronoun', 0.8, true, 10),
    ...held('pronoun', 0.7, false, 1),
    ...held('pronoun', 0.4, true, 5),
  ];

  it.each([0, 0.02, 0.05, 0.2])('keeps wrong answers within %s of all, thresholds at 0.5 or more', (max) => {
    const t = pickThresholds(choices, max);
    expect(wrongAt(choices, t)).toBeLessThanOrEqual(max * choices.length);
    expect(Object.values(t).every((x) => x >= 0.5)).toBe(true);
  });

  it('names nobody it would get wrong when no wrong answer is allowed, and is deterministic', () => {
    const t = pickThresholds(choices, 0);
    expect(t.named).toBeGreaterThan(0.62);
    expect(t.pronoun).toBeGreaterThan(0.7);
    expect(pickThresholds(choices, 0.05)).toEqual(pickThresholds([...choices], 0.05));
  });

  it.each([0.05, 0.2])('holds the kinds it is told to and picks the rest within %s', (max) => {
    const t = pickThresholds(choices, max, { pronoun: 0.75 });
    expect(t.pronoun).toBe(0.75);
    expect(wrongAt(choices, t)).toBeLessThanOrEqual(max * choices.length);
    expect(t.named).toBeGreaterThanOrEqual(0.5);
    // Held above its own pick, the pronoun kind leaves the named kind no less room.
    expect(t.named).toBeLessThanOrEqual(pickThresholds(choices, max).named);
  });
});
