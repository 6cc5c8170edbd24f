/** lab/speakers/named.ts: why a named-source quote is not named right. */
import { describe, expect, it } from 'vitest';
import { causeOf } from '../../lab/speakers/named.js';
import type { SpeakerExample } from '../../lab/speakers/examples.js';
import type { Held } from '../../lab/speakers/unsure.js';

/** A held-out quote whose top candidate has probability `p`; `right` lists the right candidates. */
function held(p: number, ok: boolean, right: number[]): Held {
  const e: SpeakerExample = {
    article: 0,
    candidates: [
      { speaker: 'Ann Kale', features: [] },
      { speaker: 'Bo Lund', features: [] },
    ],
    right,
    file: 'fictional',
    at: 0,
    kind: 'named',
    keyed: false,
    cue: 'named',
    unsure: false,
  };
  return { e, p, p2: 0, ok, top: 0, ps: [p, 0] };
}

describe('causeOf', () => {
  it.each([
    [held(0.9, true, [0]), undefined],
    [held(0.5, true, [0]), 'under'],
    [held(0.9, false, [1]), 'below'],
    [held(0.5, false, [1]), 'below'],
    [held(0.9, false, []), 'nocand'],
    [held(0.2, false, []), 'nocand'],
  ])('%#', (h, cause) => {
    expect(causeOf(h, 0.65)).toBe(cause);
  });
});
