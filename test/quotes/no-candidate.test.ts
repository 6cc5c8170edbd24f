import { describe, expect, it } from 'vitest';
import { quoteCandidates } from '../../src/core/quotes/attribute-quotes.js';
import { SPEAKER_FEATURES } from '../../src/core/quotes/speaker-candidates.js';

/** The rules' pick (the `rule` feature) for the quote whose words start with `words`. */
function ruleOf(text: string, words: string): string[] {
  const rule = SPEAKER_FEATURES.indexOf('rule');
  const q = quoteCandidates(text).find((x) => x.quote.text.startsWith(words))!;
  return q.candidates.filter((c) => c.features[rule] === 1).map((c) => c.speaker);
}

// Thirteenth round, issue 11 (docs/speakers.md "Thirteenth round: sources with no candidate, and
// pronouns"): sources the rules proposed no one for on PolNeAR train, from general causes. Fictional.
describe('"he" after a subject that follows an opener', () => {
  it.each([
    [
      'Senator Dale Voss is digging in for a floor fight.\n\nOn Monday night, Rob Ansel released a memo on the race.\n\nHe writes that the campaign has “built a lead that cannot be overcome by June.”',
      'built a lead',
      'Rob Ansel',
    ],
    // A subject opening the sentence stays the pick.
    [
      'Rob Ansel released a memo on the race.\n\nDale Voss is digging in for a floor fight.\n\n“We will fight for every delegate in the hall,” he said.',
      'We will fight',
      'Dale Voss',
    ],
  ])('%s', (text, words, speaker) => {
    expect(ruleOf(text, words)).toEqual([speaker]);
  });
});
