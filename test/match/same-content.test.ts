/**
 * The same-content decision on the cases issue 13 names and the contradictions it must refuse. All
 * sentences are fictional, written in the style of the bundled samples.
 */
import { describe, expect, it } from 'vitest';
import type { AnalyzedStory } from '../../src/core/model.js';
import { opensWithPronoun, pairSide, sameContent, standAloneText } from '../../src/core/match/index.js';
import { analyzeStory, wordForms } from '../../src/core/text/index.js';
import { findEntityMentions } from '../../src/core/entities/index.js';
import { parseTextPairs } from '../../src/io/msrp-pairs.js';

const side = (text: string) => pairSide({ text, ...wordForms(text) });
const judge = (a: string, b: string) => sameContent(side(a), side(b));

describe('sameContent', () => {
  it.each<[string, string, boolean, string?]>([
    [
      'The state fire marshal’s office is investigating the cause of the fire.',
      "The cause of the fire is under investigation by the state fire marshal's office.",
      true,
    ],
    [
      'The council meets Thursday to approve money for repairs.',
      'The council meets Thursday to approve money for repairs.',
      true,
    ],
    [
      'The city has not said when it will reopen.',
      'The city does not expect to reopen the bridge before April 4, Brennick said, and only if load tests after the repair pass.',
      false,
    ],
    [
      'Mayor Lena Ortiz said the decision had not been a hard one.',
      'Mayor Lena Ortiz said the city would waive fares on the Pier 4 ferry while the bridge is closed.',
      false,
    ],
    [
      'The city has not said when it will reopen.',
      'Mayor Lena Ortiz said the city would keep the Pier 4 ferry free of charge until the bridge reopens.',
      false,
    ],
    [
      'Twelve people were injured in the warehouse fire on Pier Road.',
      'Fifteen people were injured in the warehouse fire on Pier Road.',
      false,
      'figures',
    ],
    [
      'Inspectors found cracks in two steel girders of the bridge.',
      'Inspectors found no cracks in the steel girders of the bridge.',
      false,
      'negation',
    ],
    [
      'The council will vote on Monday on the tram line.',
      'The council will vote on Friday on the tram line.',
      false,
      'dates',
    ],
    ['', 'Anything at all.', false],
    // One shared word is a topic, not a fact (a page cut off after "Later" scored 0.71 here).
    ['Later', 'The harbor board will meet later to vote on the ferry fares.', false],
    ['Updated', 'The ferry timetable was updated on the harbor board site.', false],
    ['He was 89.', 'He was 89.', true],
  ])('%s | %s → %s', (a, b, same, why) => {
    const verdict = judge(a, b);
    expect(verdict.same).toBe(same);
    expect(verdict.score).toBeGreaterThanOrEqual(0);
    expect(verdict.score).toBeLessThanOrEqual(1);
    if (why) expect(verdict.contradiction).toBe(why);
  });

  it.each<[string, string, string | undefined]>([
    // A verb of denial denies what "not" denies (the rule; the model's feature is as trained).
    [
      'Harbor board spokesman Tomas Reyd denied the board was involved in the sale.',
      'Harbor board spokesman Tomas Reyd said the board was not involved in the sale.',
      undefined,
    ],
    [
      'Council member Ada Quill refused to recuse herself from the vote.',
      'Council member Ada Quill said she would not recuse herself from the vote.',
      undefined,
    ],
    ['The harbor board denied the report.', 'The harbor board did not deny the report.', 'negation'],
    // "Oct." and "October" name one month; another month still contradicts.
    ['The ferry resumes service Oct. 25.', 'The ferry resumes service on October 25.', undefined],
    ['The ferry resumes service Oct. 25.', 'The ferry resumes service on November 25.', 'dates'],
    // A question reports nothing: it never corroborates a statement, another question may.
    [
      'Will the Pier 4 ferry resume service in May?',
      'The Pier 4 ferry will resume service in May.',
      'question',
    ],
    [
      'Ortiz asked: "Will the ferry resume in May?"',
      'The Pier 4 ferry will resume service in May.',
      'question',
    ],
    ['Will the Pier 4 ferry resume service in May?', 'Will the Pier 4 ferry resume in May?', undefined],
    [
      '"Why wait?" Ortiz asked the board on Monday.',
      'Ortiz asked the board on Monday why it should wait.',
      undefined,
    ],
  ])('contradiction: %s | %s → %s', (a, b, why) => {
    expect(sameContent(side(a), side(b)).contradiction).toBe(why);
    expect(sameContent(side(b), side(a)).contradiction).toBe(why);
  });

  it('is symmetric', () => {
    const a = 'Engineer Rosa Villanueva said the new posts were set deeper into the seabed.';
    const b = 'Engineer Rosa Villanueva said the replacements go deeper into the seabed than the originals.';
    expect(judge(a, b)).toEqual(judge(b, a));
  });
});

describe('facts that stand alone', () => {
  it.each<[string, boolean]>([
    ['She said the city had not yet settled on a date.', true],
    ['"It was a hard night," he said.', true],
    ['Shelter said the order was lifted.', false],
    ['The order was lifted at 11 a.m.', false],
    ['', false],
  ])('opensWithPronoun(%j) = %s', (text, expected) => {
    expect(opensWithPronoun(text)).toBe(expected);
  });

  const story = (texts: string[]): AnalyzedStory =>
    analyzeStory({
      id: 's',
      articles: texts.map((text, i) => ({ id: `a${i}`, source: `Outlet ${i}`, text, warnings: [] })),
    });

  /** The persons the entity tagger finds in each sentence, as the comparison passes them. */
  const peopleOf = (doc: AnalyzedStory) => {
    const mentions = findEntityMentions(doc).filter((m) => m.kind === 'person');
    return (k: number) => mentions.filter((m) => m.sentence === k).map((m) => m.name);
  };

  it('resolves "she" to the person named just before, in brackets', () => {
    const doc = story([
      '"We will not send a single car across that bridge," Mayor Lena Ortiz told reporters. She said the city had not yet settled on a date to reopen it.',
    ]);
    expect(standAloneText(doc, [1], peopleOf(doc)).text).toBe(
      '[Ortiz] said the city had not yet settled on a date to reopen it.',
    );
  });

  it.each([
    'Although he insisted he was not ready for the race, he kept the crowd waiting. He was the last speaker of the night.',
    'Harbor Police said the ferry would run on Monday. He said the fares would stay as they are.',
    'On Friday, Monday said, the ferry resumed. She said the fares would stay as they are.',
  ])('names no one when no person is named just before: %s', (text) => {
    const doc = story([text]);
    expect(standAloneText(doc, [1], peopleOf(doc)).text).toBe(doc.sentences[1]!.text);
  });

  it('prefers a member that does not open with a pronoun', () => {
    const doc = story(['She said the bridge would stay shut.', 'The bridge will stay shut, the mayor said.']);
    expect(standAloneText(doc, [0, 1])).toEqual({
      sentence: 1,
      text: 'The bridge will stay shut, the mayor said.',
    });
  });

  it('leaves "it" as written when nothing better exists', () => {
    const doc = story(['It closed at 2 p.m. on Tuesday.']);
    expect(standAloneText(doc, [0]).text).toBe('It closed at 2 p.m. on Tuesday.');
  });
});

describe('parseTextPairs', () => {
  it('reads MSRP layout, BOM and CRLF included', () => {
    const text =
      '\uFEFFQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n1\t11\t12\tA cat sat.\tA cat was sitting.\r\n\r\n';
    expect(parseTextPairs(text)).toEqual([
      { quality: '1', id1: '11', id2: '12', a: 'A cat sat.', b: 'A cat was sitting.' },
    ]);
  });

  it('names the line of a row with too few fields', () => {
    expect(() => parseTextPairs('header\n1\t2\t3\tonly one sentence')).toThrow(/line 2, found 4/);
  });

  it('gives no pairs for a header alone or nothing', () => {
    expect(parseTextPairs('')).toEqual([]);
    expect(parseTextPairs('Quality\t#1 ID\t#2 ID\t#1 String\t#2 String')).toEqual([]);
  });
});
