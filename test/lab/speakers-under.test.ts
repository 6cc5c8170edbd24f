/** The speaker lab's sort of quotes with no cue by shape (lab/speakers/under.ts). */
import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../lab/speakers/under.js';
import { SPEAKER_FEATURES } from '../../src/core/quotes/speaker-candidates.js';

/** A held-out quote whose top candidate has the given features set. */
const held = (...on: string[]) => ({
  top: 0,
  e: {
    candidates: [{ speaker: 'Ann Kale', features: SPEAKER_FEATURES.map((n) => (on.includes(n) ? 1 : 0)) }],
  },
});

describe('shapeOf', () => {
  it.each([
    [['chain', 'beforeNearest'], 'the chain from the quote before'],
    [['beforeNearest', 'clauseSubject'], 'the subject of the clause (a name or description)'],
    [['previousReporter'], 'a reporter in the sentence before'],
    [['afterNearest'], 'the nearest person after'],
    [[], 'other'],
  ])('%j → %s', (on, shape) => {
    expect(shapeOf(held(...on) as never)).toBe(shape);
  });

  it('a quote with no candidate', () => {
    expect(shapeOf({ e: { candidates: [] } } as never)).toBe('no candidate');
  });
});
