import { describe, expect, it } from 'vitest';
import { attributeQuotes } from '../../src/core/quotes/index.js';
import { speakerCue } from '../../src/core/quotes/speaker-cue.js';

/** The cue phrase of the quote whose words start with `words`. */
function cueOf(text: string, words: string): string | undefined {
  const open = text.indexOf(words) - 1;
  const close = text.indexOf(text[open] === '“' ? '”' : '"', open + 1) + 1;
  return speakerCue(text, open, close)?.phrase;
}

const speakerOf = (text: string, words: string) =>
  attributeQuotes(text).find((q) => q.text.startsWith(words))?.speaker;

// Eleventh round, issue 11 (docs/speakers.md "Eleventh round: ranks and places"): wrong speakers the
// cased-newswire audit found, each from a general cause in the cue rules. Fictional texts.
describe('ranks and titles in a cue', () => {
  it.each([
    [
      '"We will hold the line," said military spokesman Maj. Gen. Ada Voss.',
      'military spokesman Maj. Gen. Ada Voss',
    ],
    ['"The bridge is closed," said Army Capt. Ben Ruiz.', 'Army Capt. Ben Ruiz'],
    ['"The ship is safe," said Adm. Tom Pell, the fleet commander.', 'Adm. Tom Pell'],
    ['"The ship is safe," said Capt. R.J. Dunmore.', 'Capt. R.J. Dunmore'],
    // A title's "and" joins two roles of one person.
    [
      '"We lost the vote," said former Ohio Gov. and party Chairman Carl Denby.',
      'former Ohio Gov. and party Chairman Carl Denby',
    ],
  ])('reads the whole phrase past the stop: %s', (text, phrase) => {
    expect(cueOf(text, text.slice(1, 8))).toBe(phrase);
  });

  it('never names a rank as the speaker', () => {
    const text = '"We will hold the line," said military spokesman Maj. Gen. Ada Voss.';
    expect(speakerOf(text, 'We will')).toBe('Ada Voss');
  });

  it('does not end a sentence at a rank before the quote', () => {
    const text = 'The order was read out. Capt. Ben Ruiz told the unit: "Hold the line."';
    expect(cueOf(text, 'Hold')).toBe('Capt. Ben Ruiz');
  });
});

describe('a place or a time word read as the speaker', () => {
  it('reads past a place that ends an apposition ("University of Calder, Port Ellis")', () => {
    const text =
      '"The wave is spreading out," Tara Nolan, professor of geology at the University of Calder, Port Ellis said. "Two satellites went over."';
    expect(speakerOf(text, 'Two satellites')).toBe('Tara Nolan');
  });

  it('keeps a name apposed after a place: a known first name is no place', () => {
    const text = 'In a letter to Ann Kale, the envoy of Calderia, Mary Dupont said: "We stay."';
    expect(cueOf(text, 'We stay')).toBe('Mary Dupont');
  });

  it('gives a quote "X was quoted … as saying" to X, not to the subject of an earlier verb', () => {
    const text =
      'On Friday Calderia warned Ostrava that its "patience was running out," and Prime Minister Ivo Marek was quoted Saturday by the daily Vecer as saying, "the army is awaiting an order."';
    expect(cueOf(text, 'the army')).toBe('Prime Minister Ivo Marek');
    expect(speakerOf(text, 'the army')).toBe('Ivo Marek');
  });

  it('takes no time word for the subject of a participle ("Last month, it …, saying")', () => {
    const text =
      'Ostrava has turned up pressure on its neighbour. Last month, it expelled the envoy and recalled its own ambassador, saying that the moves were "in keeping with national interest."';
    expect(cueOf(text, 'in keeping')).toBeUndefined();
    expect(speakerOf(text, 'in keeping')).toBeUndefined();
  });

  it('reads a surname with a lowercase particle as a name ("Samir el-Haddad")', () => {
    const text =
      'Ordinary Calderians say they are resentful. "My message is simple," Samir el-Haddad, the director of the National Museum, said during a visit.';
    expect(cueOf(text, 'My message')).toBe('Samir el-Haddad');
    expect(speakerOf(text, 'My message')).not.toBe('Ordinary Calderians');
  });
});
