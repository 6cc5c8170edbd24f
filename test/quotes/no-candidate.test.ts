import { describe, expect, it } from 'vitest';
import { personIndex } from '../../src/core/entities/person-spans.js';
import { quoteCandidates } from '../../src/core/quotes/attribute-quotes.js';
import { SPEAKER_FEATURES } from '../../src/core/quotes/speaker-candidates.js';
import { speakerCue } from '../../src/core/quotes/speaker-cue.js';

/** The cue phrase of the quote whose words start with `words`. */
function cueOf(text: string, words: string): string | undefined {
  const open = text.indexOf(words) - 1;
  const close = text.indexOf(text[open] === '“' ? '”' : '"', open + 1) + 1;
  return speakerCue(text, open, close)?.phrase;
}

/** The rules' pick (the `rule` feature) for the quote whose words start with `words`. */
function ruleOf(text: string, words: string): string[] {
  const rule = SPEAKER_FEATURES.indexOf('rule');
  const q = quoteCandidates(text).find((x) => x.quote.text.startsWith(words))!;
  return q.candidates.filter((c) => c.features[rule] === 1).map((c) => c.speaker);
}

// Thirteenth round, issue 11 (docs/speakers.md "Thirteenth round: sources with no candidate, and
// pronouns"): sources the rules proposed no one for on PolNeAR train, from general causes. Fictional.
describe('a cue the rules did not read', () => {
  it.each([
    // A relative clause in an apposition whose closing comma the writer left out.
    [
      '“Kale needs a plan for the third-party voters,” Bo Pruitt, the pollster who founded pruittpolls.com tweeted on Wednesday.',
      'Kale needs',
      'Bo Pruitt',
    ],
    ['“The vote is a mistake,” Ann Kale, a columnist who covers the port said.', 'The vote', 'Ann Kale'],
    // The comma there: as before.
    ['“The vote is a mistake,” Ann Kale, a columnist who covers the port, said.', 'The vote', 'Ann Kale'],
    // A verb of opinion pages.
    [
      'Pages across the state warned of trouble. "Voters should leave their banners at home," opined the Calder Evening Ledger.',
      'Voters should',
      'the Calder Evening Ledger',
    ],
  ])('%s', (text, words, phrase) => {
    expect(cueOf(text, words)).toBe(phrase);
  });
});

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

describe('a party word alone is no person', () => {
  it.each([
    ['The reply came from veteran Democratic strategist Lena Ortiz on Monday.', ['Lena Ortiz']],
    ['Longtime Republican operative Bo Lund said so. The Republican said no more.', ['Bo Lund']],
  ])('%s', (text, names) => {
    expect(personIndex(text).mentions.map((m) => m.name)).toEqual(names);
  });
});
