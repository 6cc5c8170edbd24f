import { describe, expect, it } from 'vitest';
import { lostCase, recaseNames } from '../../src/core/quotes/lost-case.js';

const FILLER =
  'the ferry line was shut on monday after a storm hit the coast and the port was closed for two days while crews worked on the pier. ';

describe('lost-case', () => {
  it('tells lowercased news from cased news', () => {
    expect(lostCase(FILLER + FILLER)).toBe(true);
    expect(lostCase('The ferry line was shut on Monday after a storm hit the Calder coast.')).toBe(false);
    expect(lostCase('')).toBe(false);
  });

  it.each([
    [
      'spokeswoman jo penner said the line would reopen.',
      'spokeswoman Jo Penner said the line would reopen.',
    ],
    ['said harbour spokesman tom alder on monday.', 'said harbour spokesman Tom Alder on monday.'],
    ['gov. Steve marrick signed it.', 'gov. Steve Marrick signed it.'],
    ['Mayor anna reyes left.', 'Mayor Anna Reyes left.'],
    // Two role words: the second one's name.
    ['the chief judge anna reyes ruled.', 'the chief judge Anna Reyes ruled.'],
    // An unknown first name, a verb or a function word after the first name, no role before it.
    ['spokeswoman vessa penner said so.', 'spokeswoman vessa penner said so.'],
    ['spokeswoman jo said so.', 'spokeswoman jo said so.'],
    ['spokeswoman jo was there.', 'spokeswoman jo was there.'],
    ['spokeswoman jo returned home.', 'spokeswoman jo returned home.'],
    ['her husband tom smiling at her.', 'her husband tom smiling at her.'],
    ['the ferry jo penner took left.', 'the ferry jo penner took left.'],
    ['', ''],
  ])('recases %s', (text, expected) => {
    const out = recaseNames(text);
    expect(out).toBe(expected);
    expect(out.length).toBe(text.length);
  });

  it('recases the surname where it speaks elsewhere, and only there', () => {
    const text =
      'rep. tom alder will not step down. alder said he was sorry, said mr. alder. alder, 46, told reporters. the alder tree fell.';
    expect(recaseNames(text)).toBe(
      'rep. Tom Alder will not step down. Alder said he was sorry, said mr. Alder. Alder, 46, told reporters. the alder tree fell.',
    );
  });

  it('recases a known first name before a surname that speaks', () => {
    const text = 'spokesman tom alder left. his brother said anna alder wrote to the board.';
    expect(recaseNames(text)).toBe(
      'spokesman Tom Alder left. his brother said Anna Alder wrote to the board.',
    );
  });

  it('leaves the words of quotes as written', () => {
    const text = 'spokeswoman jo penner said: “ask spokesman tom alder.”';
    const open = text.indexOf('“');
    expect(recaseNames(text, [{ open, close: text.length }])).toBe(
      'spokeswoman Jo Penner said: “ask spokesman tom alder.”',
    );
  });
});
