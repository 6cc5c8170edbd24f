import { describe, expect, it } from 'vitest';
import { quoteCandidates } from '../../src/core/quotes/attribute-quotes.js';
import { SPEAKER_FEATURES } from '../../src/core/quotes/speaker-candidates.js';
import { personDescription } from '../../src/core/quotes/described-referent.js';

const RULE = SPEAKER_FEATURES.indexOf('rule');

/** The rules' pick for the quote whose words start with `words` (the candidate the `rule` feature marks). */
function rulePick(text: string, words: string): string | undefined {
  const q = quoteCandidates(text).find((x) => x.quote.text.startsWith(words));
  if (!q) throw new Error(`no quote starting with ${words}`);
  return q.candidates.find((c) => c.features[RULE] === 1)?.speaker;
}

// Fourteenth round, issue 11 (docs/speakers.md "Fourteenth round: descriptions that mean a person"):
// a definite description in a quote's cue refers back to the person the story is about. Fictional texts.
describe('the person a definite description refers back to', () => {
  it.each([
    // The subject of the sentence before, a role the story never gave anyone.
    [
      'Ada Voss said on Friday that her opponent had ignored the port workers of Calder.\n\n“We will not forget who stood with them,” the Republican nominee said at a rally.',
      'We will not',
      'Ada Voss',
    ],
    // The possessor of the description is not its referent.
    [
      'David Tollick spent the week in Calder defending the plan. Governor Lena Ortiz thanked him.\n\n“The numbers were never in doubt,” Ortiz’s former campaign strategist said.',
      'The numbers',
      'David Tollick',
    ],
    // A subject after an opening phrase.
    [
      'On Monday, Maria Quill toured the flooded streets of the harbour district.\n\n“These families need help today,” the Calder businessman said.',
      'These families',
      'Maria Quill',
    ],
    // A person given another office is skipped for the one with none.
    [
      'Maria Quill wants the bridge rebuilt. Sen. Raynor Tollick opposed her plan on Monday.\n\n“It is a fair plan,” the former governor said.',
      'It is a fair',
      'Maria Quill',
    ],
    // A person the story called only a member of the other party is skipped.
    [
      'Maria Quill wants the bridge rebuilt. Republican David Tollick opposed her plan on Monday.\n\n“It is a fair plan,” the Democratic nominee said.',
      'It is a fair',
      'Maria Quill',
    ],
    // A name set off by commas inside its sentence is no subject of it.
    [
      'Maria Quill spoke on Monday, mocking her rival, David Tollick, as a man of no plans.\n\n“He has nothing to offer,” the Democratic nominee said.',
      'He has nothing',
      'Maria Quill',
    ],
    // A possessive opening the sentence before.
    [
      'Ada Voss’s plan for the port drew rebukes from the unions on Monday.\n\n“We will not forget who stood with them,” the Republican nominee said.',
      'We will not',
      'Ada Voss',
    ],
    // Further back over paragraphs that name nobody, a run of quotes cued by "she said".
    [
      'Ada Voss said on Friday that her opponent had ignored the port workers.\n\n“They built this city,” she said.\n\n“They deserve better,” she said.\n\n“We will not forget who stood with them,” the Republican nominee said.',
      'We will not',
      'Ada Voss',
    ],
  ])('%#: %s', (text, words, expected) => {
    expect(rulePick(text, words)).toBe(expected);
  });

  it.each([
    // "A" description is someone new.
    [
      'Ada Voss said on Friday that her opponent had ignored the port workers.\n\n“We will not forget who stood with them,” a Republican strategist said.',
      'a Republican strategist',
    ],
    // "Her" spokesman is not the one the pronoun owns.
    [
      'Ada Voss said on Friday that her opponent had ignored the port workers.\n\n“We will not forget who stood with them,” her spokesman said.',
      'her spokesman',
    ],
    // Nobody is a subject in reach: the paragraph before names someone else, as an object.
    [
      'Ada Voss said on Friday that her opponent had ignored the port workers.\n\nThe port closed.\n\nThe vote on the plan of Mayor Lena Ortiz is on Monday.\n\n“We will not forget who stood with them,” the Republican nominee said.',
      'the Republican nominee',
    ],
    // The description was introduced as someone of its own after the person.
    [
      'Ada Voss will meet the mayor, the governor’s spokesman said.\n\n“We will not forget who stood with them,” the spokesman said.',
      'the spokesman',
    ],
  ])('the description stays for %#', (text, expected) => {
    expect(rulePick(text, 'We will not')).toBe(expected);
  });
});

describe('personDescription', () => {
  it.each([
    ['the Florida senator', 'senator'],
    ['the presumptive Republican presidential nominee', 'nominee'],
    ['Obama’s former campaign strategist', 'strategist'],
    ['the man who built his career', 'man'],
    ['the 46-year-old', '46-year-old'],
    ['a campaign spokeswoman', undefined],
    ['the campaign', undefined],
    ['his wife', undefined],
    ['the supporters', undefined],
    ['senator', undefined],
  ])('%s → %s', (phrase, head) => {
    expect(personDescription(phrase)).toBe(head);
  });
});
