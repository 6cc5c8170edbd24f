import { describe, expect, it } from 'vitest';
import { quoteCandidates } from '../../src/core/quotes/attribute-quotes.js';
import { SPEAKER_FEATURES } from '../../src/core/quotes/speaker-candidates.js';
import { sentenceBefore } from '../../src/core/quotes/clause-subject.js';

/** The candidates on which `feature` fires for the quote whose words start with `words`. */
function firing(text: string, words: string, feature: (typeof SPEAKER_FEATURES)[number]): string[] {
  const f = SPEAKER_FEATURES.indexOf(feature);
  const q = quoteCandidates(text).find((x) => x.quote.text.startsWith(words));
  if (!q) throw new Error(`no quote starting with ${words}`);
  return q.candidates.filter((c) => c.features[f] === 1).map((c) => c.speaker);
}

// Thirteenth round, issue 11 (docs/speakers.md "Thirteenth round: quotes under the threshold"):
// evidence for quotes with no cue that the chooser left under its threshold. Fictional texts.
const INTRO = 'Mayor Lena Ortiz opened the hearing at noon on Tuesday in the city hall of Calder.\n\n';

describe('the subject of the clause a partial quote sits in', () => {
  it.each([
    // After opening phrases that name someone else.
    [
      `${INTRO}Moreover, as part of the exchange with Ortiz, Councilman Raynor Tollick referenced a report that “less than one percent of the money” was spent.`,
      'less than',
      ['Raynor Tollick'],
    ],
    // A party and state in brackets before the verb.
    [
      `${INTRO}Sen. Raynor Tollick (D-Va.) on Saturday criticized the budget as a plan that goes “nowhere near far enough.”`,
      'nowhere near',
      ['Raynor Tollick'],
    ],
    // An apposition with commas of its own, and another person named in it.
    [
      `${INTRO}Councilman Raynor Tollick, founder of the Calder Institute, a member since 1990, endorsed Ortiz last week as a leader who “has consistently shown her commitment.”`,
      'has consistently',
      ['Raynor Tollick'],
    ],
    // A present tense and "himself".
    [
      `${INTRO}Councilman Raynor Tollick himself describes the plan as “a blatant, belligerent abuse of power.”`,
      'a blatant',
      ['Raynor Tollick'],
    ],
  ])('%s', (text, words, speakers) => {
    expect(firing(text, words, 'clauseSubject')).toEqual(speakers);
  });

  it.each([
    // A possessive is no subject.
    [`${INTRO}Councilman Raynor Tollick's office called the plan “a blatant abuse of power.”`, 'a blatant'],
    // The name sits in a subordinate clause.
    [
      `${INTRO}The board met after Councilman Raynor Tollick left, and the vote was “a blatant abuse of power.”`,
      'a blatant',
    ],
    // The name is an object.
    [
      `${INTRO}The board saw Councilman Raynor Tollick as the driver of the “clean streets and safe parks plan” at once.`,
      'clean streets',
    ],
  ])('no subject: %s', (text, words) => {
    expect(firing(text, words, 'clauseSubject')).toEqual([]);
  });

  it('tells whether someone else is named between the subject and the mark', () => {
    const alone = `${INTRO}Councilman Raynor Tollick himself describes the plan as “a blatant abuse of power.”`;
    const other = `${INTRO}Councilman Raynor Tollick himself describes the deal with Ortiz as “a blatant abuse of power.”`;
    expect(firing(alone, 'a blatant', 'clauseSubjectAlone')).toEqual(['Raynor Tollick']);
    expect(firing(other, 'a blatant', 'clauseSubject')).toEqual(['Raynor Tollick']);
    expect(firing(other, 'a blatant', 'clauseSubjectAlone')).toEqual([]);
  });

  it.each([
    // A description, an apposition of its own before the verb.
    [
      `${INTRO}A campaign adviser, who spoke on the condition of anonymity to speak candidly, said of the mayor, “She takes the threat of the strike very seriously.”`,
      'She takes',
      ['A campaign adviser'],
    ],
    // An organisation.
    [
      `${INTRO}The Calder Transit Authority has called the plan “a blatant abuse of public power” in a letter.`,
      'a blatant',
      ['Calder Transit Authority'],
    ],
  ])('a description or organisation opening the sentence: %s', (text, words, speakers) => {
    expect(firing(text, words, 'clauseSubject')).toEqual(speakers);
  });

  it('reads a "he"/"she" opening the sentence as the person before it of that gender', () => {
    const text =
      'Councilman Raynor Tollick spoke first on Monday to the crowd.\n\nAnd he made a point of saying the square “was a place of solidarity and of joy.”';
    expect(firing(text, 'was a place', 'clausePronoun')).toEqual(['Raynor Tollick']);
    expect(
      firing(
        'Mayor Lena Ortiz spoke first on Monday to the crowd.\n\nAnd he made a point of saying the square “was a place of solidarity and of joy.”',
        'was a place',
        'clausePronoun',
      ),
    ).toEqual([]);
  });
});

describe('who reports in the sentence before a quote with no cue', () => {
  it.each([
    // A pronoun reporting across a paragraph break.
    [
      'Speaking in Calder, transit spokesman Raynor Tollick repeated that the city opposed the fare rise.\n\nPeople should provide evidence for their claims, he told reporters.\n\n“This is extremely irresponsible of them.”',
      'This is',
      ['Raynor Tollick'],
    ],
    // A name reporting, the verb after a phrase.
    [
      'Mayor Lena Ortiz spoke at noon.\n\nCouncilman Raynor Tollick wrote in an editorial piece that the fares may rise.\n\n“A rise in Calder would underscore the weakness of the plan in the general budget.”',
      'A rise',
      ['Raynor Tollick'],
    ],
  ])('%s', (text, words, speakers) => {
    expect(firing(text, words, 'previousReporter')).toEqual(speakers);
  });

  it('reads nobody when the sentence before reports nothing', () => {
    const text =
      'Councilman Raynor Tollick walked to the square on Monday.\n\n“This is extremely irresponsible of them.”';
    expect(firing(text, 'This is', 'previousReporter')).toEqual([]);
  });

  it.each([
    ['Ann said it.\n\n  “Go.”', 'Ann said it.'],
    ['First. Then Ann said it. “Go.”', 'Then Ann said it.'],
    ['“Go.”', undefined],
  ])('the sentence before in %j', (text, sentence) => {
    const ends = [...text.matchAll(/[.!?]["”’]?\s+(?=["“‘]?\p{Lu})/gu)].map((m) => m.index + 1);
    const s = sentenceBefore(text, ends, text.indexOf('“'));
    expect(s && text.slice(s.from, s.to).trim()).toBe(sentence);
  });
});

describe('a name and a verb of speech closing the quote’s sentence', () => {
  it('marks the person named after the quote when a verb of speech follows the name', () => {
    const text = `${INTRO}“Boots on the ground” would be appropriate, Councilman Raynor Tollick said after the vote.`;
    expect(firing(text, 'Boots', 'closingSpeaker')).toEqual(['Raynor Tollick']);
  });

  it('not when another quote opens before the name', () => {
    const text = `${INTRO}“Boots on the ground” was the phrase. “We will see,” Councilman Raynor Tollick said after the vote.`;
    expect(firing(text, 'Boots', 'closingSpeaker')).toEqual([]);
  });
});
