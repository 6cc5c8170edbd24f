/** lab/speakers/missing.ts: why a quote's right speaker is no candidate, read from fictional texts. */
import { describe, expect, it } from 'vitest';
import { missingCause } from '../../lab/speakers/missing.js';
import type { SpeakerExample } from '../../lab/speakers/examples.js';

/** An example whose quote opens at the first quotation mark of `text`, with `target` as its label. */
function example(text: string, target: string): SpeakerExample {
  return {
    article: 0,
    candidates: [],
    right: [],
    file: 'fictional',
    at: text.indexOf('“') + 1,
    target,
    kind: 'pronoun',
    keyed: true,
    cue: 'pronoun',
    unsure: false,
  };
}

describe('missingCause', () => {
  it.each([
    ['The memo went out. “We will not sign this,” it said.', 'memo', 'not a person'],
    [
      'The vote was close, and Pinnet stayed home. “We lost by a hair,” she said.',
      'Orla Pinnet',
      'missed: surname alone',
    ],
    ['The ferry left late. “We will sail again soon,” he said.', 'Tomas Berg', 'not in text'],
    ['Tomas Berg spoke first. “We will sail again soon,” he said.', 'Tomas Berg', 'other name'],
    [
      '“Tomas Berg will sail,” the clerk said. “We will sail again soon,” he said.',
      'Tomas Berg',
      'only in quotes',
    ],
    ['Tomas spoke first. “We will sail again soon,” he said.', 'Tomas Berg', 'first name alone'],
  ])('%s → %s: %s', (text, target, cause) => {
    expect(missingCause(example(text, target), text).cause).toBe(cause);
  });
});
