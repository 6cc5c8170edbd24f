/** People found by personIndex (the person spans speaker attribution reads): appositions. */
import { describe, expect, it } from 'vitest';
import { personIndex } from '../../src/core/entities/person-spans.js';

describe('personIndex', () => {
  it.each([
    // A first name the list does not know, introduced by an apposition that says who it is.
    ['Polls closed. Raynor Tollick, a campaign consultant, spoke.', ['Raynor Tollick']],
    ['The crowd thinned. Breyla Stone, 29, of Huntsville, agreed.', ['Breyla Stone']],
    ['Alixa Lapp, executive director of the Harbour Fund, agreed.', ['Alixa Lapp']],
    ['Wesko Nakamir, who drove all night, spoke.', ['Wesko Nakamir']],
    // A known first name and a place's last word, or an affiliation after "of": still a person.
    ['The class met. Laura Green, director of the club, spoke.', ['Laura Green']],
    ['Another delegate, Michael Brannock of Calder, explained the vote.', ['Michael Brannock']],
    ['The fair moved to Laura Green on Monday.', []],
    // An apposition that says it is a group or a thing: no person.
    ['Later Blue Heron Promise, a group of parents, met.', []],
    ['Then Harbour Light, the new ferry, sailed.', []],
    // Tenth round: a party word before a known first name, a descriptor the role list lacks, "named",
    // a first name alone after a role, a surname alone that acts, a generational suffix.
    ['Democrat Anna Olsby won the county. Olsby spoke.', ['Anna Olsby', 'Olsby']],
    ['Republican pollster Whitby Arlen warned of a close race.', ['Whitby Arlen']],
    ['The delegates met. A resident named Corla spoke up.', ['Corla']],
    ['On radio, his wife, Jane, called for calm.', ['Jane']],
    ['It was a long night. Varnow openly admitted that his plan had failed.', ['Varnow']],
    ['Joseph R. Tamsett II, a lawyer, spoke.', ['Joseph R Tamsett II']],
    // Not people: a word opening a sentence with no pronoun after it, a company, a party word alone.
    ['It was a long night. Congress passed the bill.', []],
    ['The vote came. Harlow Industries announced that its plan failed.', []],
    ['The result pleased every Republican voter.', []],
    ['', []],
  ])('%s', (text, names) => {
    expect(personIndex(text).mentions.map((m) => m.name)).toEqual(names);
  });
});

describe('personIndex gender', () => {
  it.each([
    // Tenth round: "Talbot's ex-wife said… her" is about the ex-wife, not a vote for Talbot.
    [
      'Mayor Talbot was not in court on Friday. In a statement, Mayor Talbot’s ex-wife said doctors told her a problem with her heart caused her to faint.',
      undefined,
    ],
    [
      'Mayor Talbot was not in court on Friday. Later, Mayor Talbot said her heart problem caused her to faint.',
      'female',
    ],
  ])('%s → %s', (text, gender) => {
    expect(personIndex(text).gender('Talbot')).toBe(gender);
  });
});

describe('personIndex fullName', () => {
  it.each([
    // Fourteenth round: a particle capitalised at a sentence start is still the surname's.
    ['Mayor Tomas de Varga spoke on Monday. De Varga said the city was ready.', 'De Varga', 'Tomas de Varga'],
    [
      'The pianist Lotte van Dalen played. Van Dalen said it was her last concert.',
      'Van Dalen',
      'Lotte van Dalen',
    ],
    // Not a particle: a two-word name stays as written.
    ['Mayor Tomas de Varga spoke on Monday. Dena Varga said the city was ready.', 'Dena Varga', 'Dena Varga'],
  ])('%s: %s → %s', (text, name, full) => {
    expect(personIndex(text).fullName(name)).toBe(full);
  });
});

describe('personIndex sentence openers', () => {
  it.each([
    // Fourteenth round: a word opening the sentence is no part of the name after it.
    [
      'Sen. Orla Kaltby spoke on Monday. Though Kaltby said she would vote no, the bill passed.',
      ['Orla Kaltby', 'Kaltby'],
    ],
    ['Rep. Dane Morrow spoke. Former Morrow aides said the former staff left.', ['Dane Morrow', 'Morrow']],
    // A known first name opening a sentence stays ("Mark" is a word too).
    ['It rained. Mark Dalby spoke. He said the mark was clear.', ['Mark Dalby']],
  ])('%s', (text, names) => {
    expect(personIndex(text).mentions.map((m) => m.name)).toEqual(names);
  });
});

describe('personIndex gender from an honorific before the surname', () => {
  it.each([
    // Fourteenth round: "Mr. Tresk" gives the full name's gender when the first name is unknown.
    ['Justice Orvald Tresk spoke. “We will decide soon,” Mr. Tresk said.', 'Orvald Tresk', 'male'],
    ['Justice Orvald Tresk spoke. “We will decide soon,” Ms. Tresk said.', 'Orvald Tresk', 'female'],
    // Not when the surname is another person's: two Tresks, "Ms." for the one named most.
    [
      'Ilsabet Tresk spoke. Ilsabet Tresk left. Orvald Tresk stayed. “We will decide soon,” Ms. Tresk said.',
      'Orvald Tresk',
      undefined,
    ],
  ])('%s: %s → %s', (text, name, gender) => {
    expect(personIndex(text).gender(name)).toBe(gender);
  });
});

describe('personIndex families', () => {
  const text =
    'Officer Dale Wren stopped Walter Lamar Ostby on Tuesday. Walter Lamar Ostby was 43. ' +
    'Corlissa Ostby later spoke to a neighbour. Ostby had parked his van near the school, police said.';
  it('takes a first word before a known surname for a relative', () => {
    expect(personIndex(text).mentions.map((m) => m.name)).toContain('Corlissa Ostby');
  });
  it('gives a bare surname the relative named in full most often, not the latest', () => {
    const p = personIndex(text);
    expect(p.fullName('Ostby', text.lastIndexOf('Ostby'))).toBe('Walter Lamar Ostby');
    expect(p.gender('Ostby')).toBe('male');
  });
  it('gives it the first introduced on a tie', () => {
    const tie = 'Mara Dunlow and Petr Dunlow ran the farm. Dunlow said it was hard.';
    expect(personIndex(tie).fullName('Dunlow', tie.indexOf('Dunlow said'))).toBe('Mara Dunlow');
  });
});
