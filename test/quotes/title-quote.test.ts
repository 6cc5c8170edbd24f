import { describe, expect, it } from 'vitest';
import { textQuotes } from '../../src/core/quotes/text-quotes.js';
import { writtenAsTitle } from '../../src/core/quotes/title-quote.js';

/** The quotes textQuotes keeps in `text`. */
const kept = (text: string) => textQuotes(text).map((q) => q.text);

describe('titles and names in quote marks are not quotes', () => {
  it.each([
    ['a show on an outlet', 'Ortiz said on WXRT’s “Harbor Talk With Dana Pruitt” that the pier would open.'],
    ['a naming word, any case', 'The council released a memo titled “Why the pier must open this spring.”'],
    ['dubbed', 'The new group will be dubbed the “Friends of the Old Pier Fund” by its founders.'],
    ['a kind of work before it', 'She starred in the film “The Harbor Master’s Daughter” last year.'],
    ['a thing after it', 'He wore a “Keep the Pier Open Forever” hat to the meeting.'],
    ['a star of a show', '“Tides of Marlow Bay” star Ann Kale spoke at the pier.'],
    [
      'an article with its byline',
      'READ — "Harbor board votes to close the pier early," by Courier’s Ann Kale: more here.',
    ],
    ['a list of titles', 'She had roles in “Salt Road,” “Pier 9” and “The Harbor Master’s Daughter” before.'],
    [
      'a name ending in Project',
      'The authors of the “Harbor Renewal and Safety Project” wrote to the board.',
    ],
    ['a referendum after a dash', 'The party called a referendum — “No to the New Pier Tax” — for June.'],
    ['a translation', 'The sign read “Mare Nostrum,” Latin for “the sea that is ours.”'],
    [
      'a book with its author',
      'According to “Salt and Timber: A History of Marlow Bay” by Ann Kale, the pier is old.',
    ],
  ])('%s', (_, text) => {
    expect(kept(text)).toEqual([]);
  });
});

describe('speech stays a quote', () => {
  it.each([
    [
      'called, but not written as a title',
      'Ortiz called the plan “a disaster for working families.”',
      'a disaster for working families.',
    ],
    [
      'a title-case quote without a naming word',
      '“We Will Win This Vote,” Ortiz told the crowd.',
      'We Will Win This Vote',
    ],
    [
      'by, but no byline',
      'She condemned “the ugliness of his remarks last week” by Berg.',
      'the ugliness of his remarks last week',
    ],
    [
      'a list of quotes, not titles',
      'She said “we win,” and “We Will Never Give Up” too.',
      'We Will Never Give Up',
    ],
    [
      'a title-case quote, then a comma and a role',
      '“We Will Win This Vote,” campaign manager Ann Kale said.',
      'We Will Win This Vote',
    ],
    [
      'a show word inside speech',
      'Ortiz said: “The show must go on for the pier.”',
      'The show must go on for the pier.',
    ],
  ])('%s', (_, text, quote) => {
    expect(kept(text)).toEqual([quote]);
  });
});

describe('writtenAsTitle', () => {
  it.each([
    ['This Week With George Stephanopoulos', true],
    ['Sharknado 3: Oh Hell No!', true],
    ['The Lead with Jake Tapper', true],
    ['Jeb Can Fix It', true],
    ['We can do it', false],
    ['a disaster for working families', false],
    ['1 2 3 4', false],
    ['', false],
  ])('%s', (text, expected) => {
    expect(writtenAsTitle(text)).toBe(expected);
  });
});
