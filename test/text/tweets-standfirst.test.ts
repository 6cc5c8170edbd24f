import { describe, expect, it } from 'vitest';
import { removeBoilerplate } from '../../src/core/text/boilerplate.js';
import { mayRepeat, mayRepeatByTokens, withoutRepeatedStandfirst } from '../../src/core/text/standfirst.js';
import { tokenize } from '../../src/core/text/tokens.js';
import { unwrapTweetTags } from '../../src/core/text/tweet-tags.js';

// Embedded tweets as crawls, page extraction and corpora leave them; people and handles are fictional.
describe('removeBoilerplate: embedded tweets keep their text only', () => {
  it.each<[string, string]>([
    // A page's embed: the tweet, its picture link, then the signature as a paragraph of its own.
    [
      'The mayor answered at once.\n\nThe pier stays open! pic.twitter.com/Ab12Cd34\n\n— Lena Ortiz (@mayorortiz) March 3, 2018\n\nCrews returned on Monday.',
      'The mayor answered at once.\n\nThe pier stays open!\n\nCrews returned on Monday.',
    ],
    // A crawl's one-line text: the signature runs into the next sentence, which starts a paragraph.
    [
      'the pier stays open! https://t.co/x1Y2z3 — lena ortiz ( @mayorortiz ) march 3, 2018 crews returned on monday.',
      'the pier stays open!\n\ncrews returned on monday.',
    ],
    [
      'vote early -ann lee ( @annlee ) jan. 9, 2016 the polls opened at seven.',
      'vote early\n\nthe polls opened at seven.',
    ],
    // A time stamp in milliseconds instead of a date, and a signature closing the text.
    [
      'Deepest condolences to the families — Lena Ortiz ( @mayorortiz ) 1539961804000 the ferry ran aground.',
      'Deepest condolences to the families\n\nthe ferry ran aground.',
    ],
    ['Vote early! — Lena Ortiz (@mayorortiz)', 'Vote early!'],
    // Corpus markup, whole or cut in half.
    [
      'The mayor replied.\n\n<tweet pic="" author="mayorortiz" timestamp="1520000000" tweet_id="970000000000000001">The pier stays open!</tweet>.\n\nCrews returned.',
      'The mayor replied.\n\nThe pier stays open!\n\nCrews returned.',
    ],
    [
      'timestamp="1520000000" tweet_id="970000000000000001">The pier stays open</tweet>. Crews returned.',
      'The pier stays open. Crews returned.',
    ],
  ])('%s', (input, expected) => {
    expect(removeBoilerplate(input).text).toBe(expected);
  });

  it.each([
    'The band played Nine Inch Nails - and Dana Ruiz (guitar) joined them on March 3, 2018.',
    'Scores ranged from 1 - 10 (@ the top end) on May 2, 2019.',
    'Write to the desk at tips@harbor.example or on Twitter at @harborgazette.',
    'Microsoft.co/jobs and t.co links were shown on screen.',
    'She tweeted — to 40,000 followers — that the pier would stay open.',
  ])('leaves news alone: %s', (text) => {
    expect(removeBoilerplate(text).text).toBe(text);
  });
});

describe('unwrapTweetTags', () => {
  it.each<[string, string]>([
    ['<tweet pic="" author="ann" tweet_id="1">Go team!</tweet>.', 'Go team!'],
    ['<tweet pic="" author="ann" tweet_id="1">Go team</tweet>.', 'Go team.'],
    // The picture link's tail, left in the text by the markup, goes with the tag.
    [
      '<tweet pic="pic.twitter.com/f" author="ann" tweet_id="1">pier at dawn x7Kq2LmPz</tweet>.',
      'pier at dawn.',
    ],
    ['<tweet pic="pic.twitter.com/f" author="ann" tweet_id="1">thanks, McCain</tweet>', 'thanks, McCain'],
    ['<tweet pic="pic.twitter.com/f" author="ann" tweet_id="1">a day for NASA</tweet>', 'a day for NASA'],
    ['No tweets here.', 'No tweets here.'],
  ])('%s', (input, expected) => {
    expect(unwrapTweetTags(input)).toBe(expected);
  });
});

describe('withoutRepeatedStandfirst: one copy of a summary line the body repeats', () => {
  it.each<[string, string]>([
    // A standfirst paragraph above the body's first paragraph that says it again.
    [
      'Harbor council votes to close the east pier after storm damage.\n\nThe harbor council voted on Tuesday to close the east pier after storm damage, officials said.\n\nRepairs start in May.',
      'The harbor council voted on Tuesday to close the east pier after storm damage, officials said.\n\nRepairs start in May.',
    ],
    // One line of crawl text: a photo caption, a teaser, then the caption again.
    [
      'In this march 3 photo, fishermen wait at the east pier in port aldous. The pier will close... ( associated press ) in this march 3 photo, fishermen wait at the east pier in port aldous. The council voted 5-2.',
      'The pier will close... ( associated press ) in this march 3 photo, fishermen wait at the east pier in port aldous. The council voted 5-2.',
    ],
  ])('%s', (input, expected) => {
    expect(withoutRepeatedStandfirst(input)).toBe(expected);
  });

  it.each([
    // Different figures: not a repeat.
    'The dime sold at auction for $1.84 million on Friday.\n\nA collector said the dime sold at auction for $1.6 million on Friday.',
    // Rows of a list differ only in their names.
    'Ashgrove Children Hospital in Ashgrove rated above average for cardiac surgery outcomes this year. Port Aldous Medical Center in Port Aldous rated above average for cardiac surgery outcomes this year.',
    // Too short to tell apart.
    'Watch the video. Watch the video.',
    '',
    'One sentence only.',
  ])('keeps: %s', (text) => {
    expect(withoutRepeatedStandfirst(text)).toBe(text);
  });

  it('tells what it removed', () => {
    const removed: string[] = [];
    withoutRepeatedStandfirst(
      'Pier to close for good after the winter storm, harbor council says.\n\nThe pier will close for good after the winter storm, the harbor council said on Tuesday.',
      (s) => removed.push(s),
    );
    expect(removed).toEqual(['Pier to close for good after the winter storm, harbor council says.']);
  });

  it('runs inside removeBoilerplate', () => {
    const out = removeBoilerplate(
      'Pier to close for good after the winter storm, harbor council says.\n\nThe pier will close for good after the winter storm, the harbor council said on Tuesday.',
    );
    expect(out.text).toBe(
      'The pier will close for good after the winter storm, the harbor council said on Tuesday.',
    );
    expect(out.removed).toContain('Pier to close for good after the winter storm, harbor council says.');
  });
});

describe('mayRepeat: words looked up where they stand', () => {
  // The quick path reads ASCII heads without a string per word; it must answer as the words of
  // `tokenize` do, on heads that repeat phrases, hold stop words, digits, marks and other letters.
  const vocabulary = [
    'the',
    'pier',
    'council',
    'votes',
    'to',
    'close',
    'Pier',
    'CLOSE',
    'on',
    'Tuesday',
    '42',
    'x1',
    'and',
    'themselves',
    'harbor',
    'lake',
    'Elsinore',
    '—',
    '“quoted”',
    'don’t',
    'café',
    'İzmir',
    'a.m.',
    '\n\n',
  ];
  /** A small generator (a linear congruence), so that a failure can be replayed. */
  let seed = 5;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 8) % n;
  };

  it('answers as the token path on random heads', () => {
    for (let round = 0; round < 3000; round++) {
      // Mostly plain ASCII heads (the quick path), some with a word past ASCII (the slow one).
      const words = vocabulary.slice(0, round % 4 === 0 ? vocabulary.length : 18);
      const phrase = Array.from({ length: 3 + next(6) }, () => words[next(words.length)]!);
      const parts: string[] = [];
      for (let k = next(30); k > 0; k--)
        parts.push(next(3) === 0 ? phrase.join(' ') : words[next(words.length)]!);
      const head = parts.join(next(2) ? ' ' : ', ');
      expect(mayRepeat(head), head).toBe(mayRepeatByTokens(tokenize(head)));
    }
  });

  it.each<[string, boolean]>([
    ['Harbor council votes to close pier. The harbor council votes to close the pier.', true],
    ['Harbor council votes to close pier. The mayor spoke about the weather today.', false],
    [`${'lake elsinore world record set again '.repeat(700)}`, true],
  ])('%j → %s', (head, expected) => {
    expect(mayRepeat(head)).toBe(expected);
    expect(mayRepeatByTokens(tokenize(head))).toBe(expected);
  });
});
