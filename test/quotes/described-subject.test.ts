import { describe, expect, it } from 'vitest';
import { describedSubject } from '../../src/core/quotes/described-subject.js';
import { quoteCandidates } from '../../src/core/quotes/attribute-quotes.js';
import { SPEAKER_FEATURES } from '../../src/core/quotes/speaker-candidates.js';

/** The description describedSubject reads for the first quote mark of `text`. */
const subjectOf = (text: string) => describedSubject(text, text.search(/[“"]/))?.phrase;

describe('a description opening the sentence of a quote with no cue', () => {
  it.each([
    ['One strategist described the race as “a slow crawl to the line.”', 'One strategist'],
    [
      'A spokesman for Dunmore Plastics declined to comment but said in a statement that “the plant is safe.”',
      'A spokesman for Dunmore Plastics',
    ],
    [
      'Attorneys for the mayor appeared to oppose the move, saying that the account “was never city property.”',
      'Attorneys for the mayor',
    ],
    ['Her campaign quickly sent an email stating that Voss was “wrong on the harbour.”', 'Her campaign'],
    [
      'A 2019 harbour authority report found “no sign of a leak in the hull.”',
      'A 2019 harbour authority report',
    ],
    [
      'Two dock workers, Ada Voss and Omar Teague, said the crane was “never safe to use at all.”',
      'Two dock workers',
    ],
    [
      'In a statement, a spokeswoman for the port called the delay “regrettable but short.”',
      'a spokeswoman for the port',
    ],
    [
      'Shortly after the vote ended, his office put out a note calling it “a win for the town.”',
      'his office',
    ],
    ['The 30-second ad ends with a voice saying “Voss is wrong for Calder.”', 'The 30-second ad'],
    [
      'Hundreds of dock workers marched to the pier, chanting “no deal, no ships.”',
      'Hundreds of dock workers',
    ],
    [
      'The ferry sailed late.\n\nA friend of the captain wrote:\n\n“He never missed a tide.”',
      'A friend of the captain',
    ],
    // A clause after a semicolon is nearer the quote; "for" inside a name; a present verb before a name.
    [
      'The plan prompted a debate in Calder; one lawmaker called Voss “the harbour’s worst enemy.”',
      'one lawmaker',
    ],
    [
      'One Friends for Calder ad, airing this week, argues that “only Voss can fix the pier.”',
      'One Friends for Calder ad',
    ],
    ['The Voss ad hits Teague for calling the pier “a waste of money.”', 'The Voss ad'],
    // A head that names no source (source-nouns.json): what the sentence is about, not who speaks.
    ['The comments came as Voss called the pier “a waste of good money.”', undefined],
    ['An internal power struggle erupted as the board accused Voss of a “breach of trust.”', undefined],
    // No word reporting speech: the description is spoken about.
    ['The board saw Mayor Lena Ortiz as the driver to speed the “move to the coast.”', undefined],
    ['The plan drew a crowd to the “harbour day at the pier.”', undefined],
    // A contraction is no possessive; a role a person was given names that person, not a description.
    ['It’s become so loud that people call it “the harbour monster.”', undefined],
    ['The Calder senator called the plan “a dead end for us all.”', undefined],
    // An apposition after a name describes the name; a time is no source.
    ['Lena Ortiz, a former harbour pilot, called the plan “a dead end for us all.”', undefined],
    ['One week later, Voss called the plan “a dead end for us all.”', undefined],
    // A name is the person rules' and the organisation rules' business.
    ['The Harbour Gazette called the plan “a dead end for us all.”', undefined],
    // A noun or a name that begins like a reporting word reports nothing ("foundation", "Warnock", "Bragg").
    ['One official at the foundation, “we will not stand for this in our city.”', undefined],
    ['One aide to the Warnock campaign, “we will not stand for this in our city.”', undefined],
    ['A few supporters of Alvin Bragg, “we will not stand for this in our city.”', undefined],
    ['The foundation described the pier as “a waste of good money.”', 'The foundation'],
    [
      'One aide to the Warnock campaign warned that “the pier will fail.”',
      'One aide to the Warnock campaign',
    ],
    ['', undefined],
  ])('%s → %s', (text, phrase) => {
    expect(subjectOf(text)).toBe(phrase);
  });

  it('is a candidate of a quote with no cue, marked definite after "the" or a possessive', () => {
    const f = SPEAKER_FEATURES.indexOf('describedSubject');
    const d = SPEAKER_FEATURES.indexOf('describedSubjectDefinite');
    const pick = (text: string) =>
      quoteCandidates(text)[0]!
        .candidates.filter((c) => c.features[f] === 1)
        .map((c) => [c.speaker, c.features[d]]);
    expect(
      pick('The vote was close. One strategist described the race as “a slow crawl to the line.”'),
    ).toEqual([['One strategist', 0]]);
    expect(
      pick('The vote was close. Her campaign quickly sent an email calling it “a slow crawl to the line.”'),
    ).toEqual([['Her campaign', 1]]);
    // A quote with a cue of its own keeps the cue's speaker: no description candidate.
    expect(pick('One strategist described the race: “It is a slow crawl to the line,” Voss said.')).toEqual(
      [],
    );
  });
});
