import { describe, expect, it } from 'vitest';
import { personIndex } from '../../src/core/entities/person-spans.js';
import { attributeQuotes } from '../../src/core/quotes/index.js';
import { speakerCue } from '../../src/core/quotes/speaker-cue.js';

/** The cue phrase of the quote whose words start with `words`. */
function cueOf(text: string, words: string): string | undefined {
  const open = text.indexOf(words) - 1;
  const close = text.indexOf(text[open] === '“' ? '”' : '"', open + 1) + 1;
  return speakerCue(text, open, close)?.phrase;
}

// Twelfth round, issue 11 (docs/speakers.md "Twelfth round: named sources left unnamed"): named
// sources the cue rules cut or missed on PolNeAR train, each from a general cause. Fictional texts.
describe('no subject inside another quote', () => {
  it.each([
    [
      '“We did the polling in this district, Bo Lund is in a strong position,” said Ann Kale. “We want to make sure of it.”',
      'We want',
    ],
    ['“It is a cause. It is much bigger than him,” said Ann Kale. “We want to make sure of it.”', 'We want'],
    [
      '“The group hid the facts in 2014. It covered up this email from the court,” Ann Kale said. “Judge Ruiz was wrong.”',
      'Judge Ruiz',
    ],
  ])('a quote after another reads no subject quoted there: %s', (text, words) => {
    expect(cueOf(text, words)).toBeUndefined();
  });
});

describe('an opener that is no subject', () => {
  it.each([
    [
      'Hours later, Ann Kale returned the favour to Bo Lund, telling reporters, “He is a great man.”',
      'He is',
      'Ann Kale',
    ],
    [
      'Earlier this week, Ann Kale shared her worry with an audience at a fundraiser, “I do not know which Lund will show up.”',
      'I do not',
      'Ann Kale',
    ],
    [
      'Fifteen minutes after Lund was picked, campaign chairman Ann Kale called the governor “the most extreme pick in a generation.”',
      'the most',
      undefined,
    ],
  ])('%s', (text, words, phrase) => {
    expect(cueOf(text, words)).toBe(phrase);
  });
});

describe('a time between the subject and its verb', () => {
  it.each([
    'Ann Kale on Thursday told Fox News: “Both of them are meeting next week.”',
    'Ann Kale later Thursday told Fox News: “Both of them are meeting next week.”',
    'Ann Kale, 60, on Monday told Fox News: “Both of them are meeting next week.”',
    'Ann Kale last week told Fox News: “Both of them are meeting next week.”',
    '“Both of them are meeting next week,” Ann Kale on Monday told Fox News.',
    '“Both of them are meeting next week,” Ann Kale earlier this week told Fox News.',
  ])('%s', (text) => {
    expect(cueOf(text, 'Both')).toBe('Ann Kale');
  });

  it('never names a weekday', () => {
    const text =
      'A person who asked not to be named said Wednesday, “Certainly there are talks between them.”';
    expect(cueOf(text, 'Certainly')).toBeUndefined();
  });
});

describe('a place and its state inside an apposition', () => {
  it.each([
    [
      'Bo Lund, a 55-year-old salesman from Sumter, South Carolina, says Kale will “leave here with momentum.”',
      'Bo Lund',
    ],
    [
      'Kale, during a town hall meeting in Columbus, Ohio, said she was “going to put a lot of miners out of work.”',
      'Kale',
    ],
  ])('%s', (text, phrase) => {
    expect(cueOf(text, text.slice(text.indexOf('“') + 1, text.indexOf('“') + 6))).toBe(phrase);
  });
});

describe('a surname that is also a word or a month', () => {
  it.each([
    ['Pfizer chief executive Ian Read said the deal was good.', 'Ian Read'],
    ['The columnist Ai Jun wrote in the paper.', 'Ai Jun'],
  ])('keeps the surname in the name: %s', (text, name) => {
    expect(personIndex(text).mentions.map((m) => m.name)).toContain(name);
  });

  it('keeps a month abbreviation written with its stop out of the name', () => {
    expect(personIndex('Ann Kale met Bo Lund Jun. 5 in Ohio.').mentions.map((m) => m.name)).not.toContain(
      'Bo Lund Jun',
    );
  });

  it.each([
    [
      'Columnist George Will wrote a column on Monday. Citing the attack, Will urged voters to leave. “The war is here and now,” Will wrote.',
      'The war',
      'George Will',
    ],
    [
      'Former aide Al From spoke on Monday. “The times have changed since then,” From said.',
      'The times',
      'Al From',
    ],
    [
      '“Many of his ideas are bad for us,” columnist Ai Jun wrote in the paper. “The people have had enough of it,” Jun wrote.',
      'Many of',
      'Ai Jun',
    ],
    [
      '“Many of his ideas are bad for us,” columnist Ai Jun wrote in the paper. “The people have had enough of it,” Jun wrote.',
      'The people',
      'Ai Jun',
    ],
    [
      'Pfizer chief executive Ian Read said the deal was good. “We assessed this deal under the present rules,” Read said.',
      'We assessed',
      'Ian Read',
    ],
    [
      'Rep. Steve Israel spoke on Monday. “When Trump comes, Republicans will have to recruit interns,” Israel said.',
      'When Trump',
      'Steve Israel',
    ],
  ])('names the person the text named in full: %s', (text, words, speaker) => {
    expect(attributeQuotes(text).find((q) => q.text.startsWith(words))?.speaker).toBe(speaker);
  });

  it('keeps a place a place when no person has its name', () => {
    const text = 'Israel and Egypt met in Cairo. “We will talk again about it,” Israel said.';
    expect(personIndex(text).mentions.map((m) => m.name)).toEqual([]);
  });

  it('does not take the word alone for the person without a verb after it', () => {
    const text =
      'Columnist George Will wrote a column. Will voters care? “The war is here and now,” he said.';
    expect(personIndex(text).mentions.map((m) => m.name)).toEqual(['George Will']);
  });
});

describe('cues the rules read in the wrong place', () => {
  it.each([
    [
      'Kale praised the rivals. GOP nominees Sen. John Ruiz and former Gov. Ann Lee “were stiff. They were not fun. There was no joy” in comparison to Obama, Gingrich said.',
      'were stiff',
      'Gingrich',
    ],
    [
      'Strategists are more skeptical. "He can assert it, but it seems extremely unlikely" that Sanders can catch Clinton, said Steve Elmendorf, deputy campaign manager for Kerry.',
      'He can',
      'Steve Elmendorf',
    ],
    [
      'Michael Seaman, who lives in an area outside of the state capital, Sacramento, said he still “prays that Bernie ends up the nominee.”',
      'prays',
      'Michael Seaman',
    ],
    [
      'Trump, who met Kale on Monday, and Bo Lund, a strategist, said the race was “rigged against them all.”',
      'rigged',
      'Bo Lund',
    ],
    [
      'Sen. Ted Cruz, a candidate, tweeted a warning. "Missouri: Remember in November the Democrats who filibustered over 30 hours."',
      'Missouri',
      'Sen. Ted Cruz',
    ],
    [
      'Democratic presidential candidate Sen. Bernie Sanders (I-Vt.) on Saturday criticized the climate accord adopted after two weeks of talks in Paris, saying the agreement goes “nowhere near far enough.”',
      'nowhere',
      undefined,
    ],
  ])('%s', (text, words, phrase) => {
    expect(cueOf(text, words)).toBe(phrase);
  });
});
