import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/core/compare/dates.js';
import { findFigures } from '../../src/core/compare/find-figures.js';
import {
  compareSources,
  corroborationLabel,
  independentRoots,
  matchSentences,
} from '../../src/core/compare/index.js';
import { headingLike, standsAlone } from '../../src/core/compare/facts.js';
import { MAX_JUDGED } from '../../src/core/compare/sentence-matches.js';
import { readNumber } from '../../src/core/compare/read-number.js';
import type { DuplicateLink } from '../../src/core/model.js';
import { bestMatchIn } from '../../src/core/match/index.js';
import { COURIER, GAZETTE, LEDGER, analyzed, type Source } from './story.js';

const link = (article: number, original: number): DuplicateLink => ({ article, original, similarity: 0.9 });

describe('standsAlone', () => {
  it.each<[string, boolean]>([
    ['The ferry line cut its Sunday crossings, the harbor board said.', true],
    ['It started out as a single desk in a rented room above a bakery.', false],
    ['They are now checking whether the pilot had slept.', false],
    ['His record in the port authority was mixed.', false],
    ['Last month, it closed two of its three piers.', false],
    ['In Brackwater, they have blamed the storm.', false],
    ['However, the mayor was away at the time.', false],
    ['But Oskar Lindqvist, a pilot, said the crew acted well.', true],
    ['"It was the worst tide in years," Lindqvist said.', true],
    ['It is unlikely that the ferry will sail before June.', true],
    ['This weekend, divers will inspect the hull.', true],
    ['[Quillon] said the fire was out by dawn.', true],
    ['"My search ended at the breakwater," he said.', false],
    ['The ferry will run again on Sunday, she said in an interview.', false],
    ['The ferry will run again on Sunday, Marsh said in an interview.', true],
    ['Marsh denied that she said the ferry was unsafe.', true],
    // Any verb the speaker rules read as a cue, not only "said".
    ['"We will keep sailing," she continued, waving from the deck.', false],
    ['The pier is unsafe, he warned.', false],
    ['The pier is unsafe, Marsh warned.', true],
  ])('%s → %s', (text, expected) => {
    expect(standsAlone(text)).toBe(expected);
  });
});

describe('headingLike', () => {
  it.each<[string, boolean]>([
    ['Story Filed By Harbor Wire Service', true],
    ['For Use By Subscribers of the Quay Courier Wire', true],
    ['XXXX END OF STORY', true],
    ['Ferry fares', true],
    ['(Ada Marsh can be reached at 555-0100 or amarsh at quaycourier.example)', true],
    ['The ferry board voted to raise fares by ten cents on Monday.', false],
    ['The ferry board voted to raise fares by ten cents and said the', false],
    ['The Harbor Board Met On Monday.', false],
  ])('%s → %s', (text, expected) => {
    expect(headingLike(text)).toBe(expected);
  });
});

describe('independentRoots', () => {
  it.each<[number, DuplicateLink[], number[]]>([
    [0, [], []],
    [3, [], [0, 1, 2]],
    [3, [link(2, 0)], [0, 1, 0]],
    [3, [link(0, 2)], [0, 1, 0]],
    [4, [link(3, 2), link(2, 1)], [0, 1, 1, 1]],
    [2, [link(0, 1), link(1, 0)], [0, 0]],
    [2, [link(5, 0), link(1, -1)], [0, 1]],
  ])('%i articles, links %j → %j', (n, links, roots) => {
    expect(independentRoots(n, links)).toEqual(roots);
  });
});

describe('findDates', () => {
  it.each<[string, number | undefined, string[]]>([
    ['The bridge reopens on March 28.', 2026, ['2026-03-28']],
    ['The bridge reopens on March 28.', undefined, ['--03-28']],
    ['Voting ended Saturday 9 May 2026 at noon.', undefined, ['2026-05-09']],
    ['It was logged on Sept. 15, 2025 and on 2026-03-14.', 2026, ['2025-09-15', '2026-03-14']],
    ['The plant opened in April 2024.', 2026, ['2024-04']],
    ['Crews may 5 times a day check it.', 2026, []],
    ['No date here, only 12 people.', 2026, []],
    ['March 45 is not a date.', 2026, []],
  ])('%s (%s) → %j', (text, year, values) => {
    expect(findDates(text, year).map((d) => d.value)).toEqual(values);
  });
});

describe('readNumber', () => {
  it.each<[string, number | undefined]>([
    ['12 people', 12],
    ['3,400 residents', 3400],
    ['3.2 million dollars', 3_200_000],
    ['twelve people', 12],
    ['forty-six residents', 46],
    ['one hundred and three patients', 103],
    ['2.5bn euros', 2_500_000_000],
    ['constructor of', undefined],
    ['people', undefined],
  ])('%s → %s', (text, value) => {
    expect(readNumber(text.split(' '), 0)?.value).toBe(value);
  });
});

describe('findFigures', () => {
  const figures = (text: string) =>
    findFigures(text, 2026)
      .filter((f) => f.listed)
      .map((f) => [f.kind, f.value, f.context, f.hedged]);
  it.each<[string, unknown[]]>([
    ['Twelve people were injured.', [['number', '12', 'people injured', false]]],
    ['The fire injured 12 people overnight.', [['number', '12', 'people injured', false]]],
    ['About 3,400 residents were told to stay inside.', [['number', '3400', 'residents', true]]],
    ['The council approved the $412 million tram line.', [['money', 'USD 412000000', 'tram line', false]]],
    ['Turnout reached 62% of registered voters.', [['percent', '62%', 'registered voters', false]]],
    ['The bridge will reopen on March 28.', [['date', '2026-03-28', 'bridge reopen', false]]],
    ['Repairs take three to four weeks.', [['number', '4', 'weeks', true]]],
    // Times, labels, years, ages, scores, fractions, addresses and bare numbers are not figures.
    ['The fire started at 11 p.m. near Pier 4 in 1961.', []],
    ['The 65-year-old bridge passed 7-4 after 27 3/4 hours.', []],
    ['Police were called to the 4300 block of Main Street.', []],
    ['Thirteen were released by Saturday.', []],
    ['', []],
  ])('%s', (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });
});

describe('matchSentences', () => {
  it('finds exactly the pairs the quadratic loop finds, best per article, by the same-content decision', () => {
    const sources: Source[] = [GAZETTE, LEDGER, COURIER, [GAZETTE[0], `${LEDGER[1]}\n\n${COURIER[1]}`]];
    const doc = analyzed(sources);
    const fast = matchSentences(doc);
    doc.sentences.forEach((s, i) => {
      const slow = new Map<number, number>();
      doc.spans.forEach(([start, end], a) => {
        const m = a === s.article ? undefined : bestMatchIn(s, doc.sentences, start, end);
        if (m) slow.set(a, m.score);
      });
      expect(new Map(fast[i]!.map((m) => [m.article, m.score]))).toEqual(slow);
    });
    expect(fast.flat().length).toBeGreaterThan(0);
  });

  it('scores at most MAX_JUDGED candidates per sentence in a big headline story, keeping real matches', () => {
    // 180 headlines of one story from 180 outlets, as a headline stream's big stories are: each meets
    // all the others above the cosine filter, so the cap is what bounds the model's work.
    const openings = [
      'Harbor bridge shut',
      'Harbor bridge closed',
      'Tarn harbor bridge shut',
      'Old harbor bridge closed',
    ];
    const endings = [
      'after ferry strikes pier',
      'after ferry hits pier in fog',
      'as ferry strikes pier in fog',
      'after ferry strikes old pier',
      'after foggy ferry crash at pier',
      'after ferry strikes pier, crews inspect',
    ];
    const sources: Source[] = Array.from({ length: 180 }, (_, i) => [
      `Outlet ${i}`,
      `${openings[i % openings.length]} ${endings[Math.floor(i / openings.length) % endings.length]}.`,
    ]);
    const doc = analyzed(sources);
    const fast = matchSentences(doc);
    let matched = 0;
    doc.sentences.forEach((s, i) => {
      // One sentence an article: every match kept is a pair the exact loop accepts (checked on a few).
      for (const m of i < 20 ? fast[i]! : []) {
        const exact = bestMatchIn(s, doc.sentences, ...doc.spans[m.article]!);
        expect(exact?.score).toBe(m.score);
      }
      matched += fast[i]!.length;
    });
    expect(fast.length).toBe(180);
    // Each headline still reaches most of the story (the cap is on scoring, not on what is kept).
    expect(matched / fast.length).toBeGreaterThan(MAX_JUDGED);
  });
});

describe('corroborationLabel', () => {
  const copy = (article: number, original: number): DuplicateLink => ({ article, original, similarity: 0.9 });
  it.each<[number[], DuplicateLink[], string]>([
    [[0], [], '1 source'],
    [[0, 1, 2], [], '3 sources'],
    [[0, 1, 2], [copy(2, 1)], '2 sources and 1 copy'],
    [[0, 2], [copy(2, 1)], '2 sources'],
    [[1, 2, 3], [copy(2, 1), copy(3, 2)], '1 source and 2 copies'],
  ])('%j with copies %j', (articles, duplicates, expected) => {
    expect(corroborationLabel(articles, duplicates, 4)).toBe(expected);
  });
});

describe('sentences stating other figures', () => {
  it('are not matched, so they are never an agreed fact', () => {
    const doc = analyzed([
      ['Quay Post', 'Twelve people were injured in the warehouse fire on Pier Road late on Tuesday.'],
      ['Dock Radio', 'Fifteen people were injured in the warehouse fire on Pier Road late on Tuesday.'],
    ]);
    expect(matchSentences(doc).flat()).toEqual([]);
    expect(compareSources(doc, { duplicates: [] }).agreed).toEqual([]);
  });
});

describe('name disagreements', () => {
  const chief = (name: string, extra = ''): Source => [
    `Outlet for ${name}`,
    `Fire Chief ${name} said crews had the warehouse fire under control by dawn on Wednesday.${extra}`,
  ];
  it.each<[string, Source[], string[][]]>([
    [
      'one role, two holders',
      [chief('Marta Quillon'), chief('Marta Quillon'), chief('Bram Okafor')],
      [['Marta Quillon', 'Bram Okafor']],
    ],
    ['the same holder', [chief('Marta Quillon'), chief('Marta Quillon')], []],
    [
      'an article naming both is naming two people',
      [chief('Marta Quillon'), chief('Bram Okafor', ' Former Fire Chief Marta Quillon praised them.')],
      [],
    ],
  ])('%s', (_, sources, expected) => {
    const c = compareSources(analyzed(sources), { duplicates: [] });
    const names = c.disagreements.filter((d) => d.topic === 'name of the fire chief');
    expect(names.map((d) => d.sides.map((s) => s.value))).toEqual(expected);
  });

  const vote = (name: string): Source => [
    `Outlet for ${name}`,
    `The city council approved the tram line on Tuesday night.\n\nCouncil member ${name} cast the deciding vote after a change to the budget.`,
  ];
  it.each<[string, string, boolean]>([
    ['Dana Whitfield', 'Dana Whitford', true],
    ['Dana Whitfield', 'Dana Whitfield', false],
    ['Dana Whitfield', 'Omar Whitford', false],
    ['Dana Whitfield', 'Dana Okafor', false],
  ])('%s vs %s → %s', (a, b, flagged) => {
    const c = compareSources(analyzed([vote(a), vote(a), vote(b)]), { duplicates: [] });
    const names = c.disagreements.filter((d) => d.topic.startsWith('name'));
    expect(names.length > 0).toBe(flagged);
    if (flagged)
      expect(names[0]!.sides.map((s) => [s.value, s.articles])).toEqual([
        [a, [0, 1]],
        [b, [2]],
      ]);
  });
});
