import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../src/core/summarize/summary.js';
import { quoteUnits } from '../../src/core/summarize/quote-units.js';
import {
  endsComplete,
  hasBalancedQuotes,
  hasFinalPunctuation,
  isSubheading,
  lintSummary,
  pointsBack,
} from '../../src/core/summarize/readability.js';
import { selectGreedy } from '../../src/core/summarize/select.js';
import { readingOrder } from '../../src/core/summarize/order.js';
import { analyzed } from './story.js';

// Fictional text written for these tests.
describe('readability rules', () => {
  it.each<[string, boolean]>([
    ['The ferry left at noon.', true],
    ['"We will sail," the captain said.', true],
    ['" we will sail, " the captain said .', true],
    ['"We will sail.', false],
    ['We will be back," she said.', false],
    ['“We will sail,” she said.', true],
    ['“We will sail.', false],
    ["It's the captain's boat.", true],
    ['', true],
  ])('hasBalancedQuotes(%j) is %s', (text, expected) => {
    expect(hasBalancedQuotes(text)).toBe(expected);
  });

  it.each<[string, boolean, boolean]>([
    ['The ferry left at noon.', true, true],
    ['Who sank it?', true, true],
    ['He called it "a disgrace. "', true, true],
    ['He called it “a disgrace.”', true, true],
    ['The ferry company is suing the port for more than', false, false],
    ['The plan had three parts:', false, false],
    ['And then the lights went out...', true, false],
    ['Harbor news', false, false],
    ['', false, false],
    ['  ', false, false],
    ['"', false, false],
    ['.', true, true],
    ['Done. ” ) ]  ', true, true],
    ['Done ”.', true, true],
    ['Then… ”', true, false],
    ['It went on, ”', false, false],
    ['Two dots.. ', true, true],
    ['So it was – ', false, false],
    ['完了。', true, true],
    ['Done!\u00a0’', true, true],
  ])('%j: final punctuation %s, complete %s', (text, final, complete) => {
    expect(hasFinalPunctuation(text)).toBe(final);
    expect(endsComplete(text)).toBe(complete);
  });

  it.each<[string, string | undefined]>([
    ['He said the ferry was late.', 'person'],
    ['"She was late," he said.', 'person'],
    ['"It was late," she said.', 'previous'],
    ['Their boat sank.', 'previous'],
    ['But the port stayed open.', 'previous'],
    ['However, nobody was hurt.', 'previous'],
    ['This was the third delay.', 'previous'],
    ['Helen Marsh said the ferry was late.', undefined],
    ['Theirs is a small town.', undefined],
    ["That's where the ferry comes in.", 'previous'],
    ['For the next two years, she will run the ferry.', 'person'],
    ['Now, that pier has no ferry.', 'previous'],
    ['Now it runs twice a day.', 'previous'],
    ['In 1990, for example, the ferry ran twice a day.', 'previous'],
    ['On the other is the old pier.', 'previous'],
    ['The captain was blamed for those delays.', 'previous'],
    ['The clinic treated those injured and those who waited.', undefined],
    ['Helen Marsh, her deputy, said the ferry was late.', undefined],
    ['In June, the pier reopened.', undefined],
    ['Ferries ran as they always had.', undefined],
    ['', undefined],
  ])('pointsBack(%j) is %s', (text, expected) => {
    expect(pointsBack(text)).toBe(expected);
  });

  it.each<[string, boolean, string | undefined]>([
    ['Dover Falls (KDVF) she had taught there for nine years.', true, 'person'],
    ['Dover Falls, Del. ( kdvf ) — they closed the school on Friday.', true, 'previous'],
    ['Dover Falls — however, the school reopened.', true, 'previous'],
    ['Dover Falls (KDVF) she had taught there for nine years.', false, undefined],
    ['Dover Falls (KDVF) — The school reopened on Friday.', true, undefined],
    ['Ann Lee (left) and her son opened the school.', true, undefined],
    ['Nor did the board explain its vote.', false, 'previous'],
    ['"Nobody told us anything about the vote."', false, 'previous'],
    ['“Nobody told us anything.”', false, 'previous'],
    ['"Nobody told us," the teacher said.', false, undefined],
    ['"Nobody told us," she said.', false, 'person'],
    ['"Nobody told us," they said.', false, 'previous'],
    ['"Nobody told us," said Ruth Okafor.', false, undefined],
  ])('pointsBack(%j, opens a paragraph: %s) is %s', (text, opensParagraph, expected) => {
    expect(pointsBack(text, opensParagraph)).toBe(expected);
  });
});

const FERRY = analyzed([
  [
    'Harbor Gazette',
    `The Gull Island ferry ran aground on Tuesday near the north pier. Captain Ivo Brandt said the tide was lower than the charts showed. He said no passenger was hurt.

"We did everything by the book. The charts were simply wrong," Brandt said. The port authority will review the charts

Repairs will take two weeks.`,
  ],
  [
    'Island Courier',
    `But the port stayed open for fishing boats. The ferry company said it would run a bus service instead.`,
  ],
]);
const at = (text: string) => FERRY.sentences.findIndex((s) => s.text.startsWith(text));

describe('isSubheading', () => {
  const pier = analyzed([
    [
      'Pier Post',
      'The pier reopened on Friday after a winter of repairs. Who paid for the work? ' +
        '"Who pays?" the mayor asked at the ceremony.\n\n' +
        'Tolls rise in June\n\n' +
        'Crane Street, Dock Road and the Mole, Westhaven.\n\n' +
        'Anglers return.\n\n' +
        'Fishing from the end of the pier is allowed again from six in the morning. Boats wait.',
    ],
  ]);
  it.each<[string, boolean]>([
    ['The pier reopened', false],
    ['Who paid', true],
    ['"Who pays?"', false],
    ['Crane Street', true],
    ['Anglers return.', true],
    ['Fishing from', false],
    ['Boats wait.', false],
  ])('%j: %s', (text, expected) => {
    expect(
      isSubheading(
        pier.sentences,
        pier.sentences.findIndex((s) => s.text.startsWith(text)),
      ),
    ).toBe(expected);
  });

  it('is never taken by readable selection (nor a heading without a stop, as before)', () => {
    const ranked = pier.sentences.map((_, i) => i).reverse();
    const chosen = selectGreedy(pier, ranked, { words: 1000, readable: true, minWords: 1 });
    expect(chosen.map((i) => pier.sentences[i]!.text.split(' ')[0])).toEqual([
      'Boats',
      'Fishing',
      '"Who',
      'The',
    ]);
  });
});

describe('quoteUnits', () => {
  it('joins a quotation over two sentences and leaves the rest alone', () => {
    const units = quoteUnits(FERRY);
    const open = at('"We did');
    expect(units[open]).toEqual([open, open + 1]);
    expect(units[open + 1]).toEqual([open, open + 1]);
    expect(units[0]).toEqual([0, 0]);
  });

  it('leaves a quotation the source never closes without a unit', () => {
    const doc = analyzed([
      ['Solo', 'The mayor said: "We will rebuild. Nobody leaves. The end.\n\nNext paragraph.'],
    ]);
    const units = quoteUnits(doc);
    expect(units[0]).toBeUndefined();
    expect(units[units.length - 1]).toEqual([units.length - 1, units.length - 1]);
  });

  it('copes with no sentences', () => {
    expect(quoteUnits(analyzed([]))).toEqual([]);
  });
});

describe('readable selection', () => {
  const pick = (first: string) =>
    selectGreedy(FERRY, [at(first), ...FERRY.sentences.map((_, i) => i)], { words: 30, readable: true });

  it('takes a quotation over two sentences whole', () => {
    const chosen = pick('"We did');
    expect(chosen.slice(0, 2)).toEqual([at('"We did'), at('The charts')]);
  });

  it('never takes a cut-off sentence when complete ones are there', () => {
    const chosen = selectGreedy(FERRY, [at('The port authority'), at('Repairs')], {
      words: 50,
      readable: true,
    });
    expect(chosen).toEqual([at('Repairs')]);
  });

  it('brings the sentence a pronoun points back to along', () => {
    const chosen = pick('He said');
    expect(chosen.slice(0, 2)).toEqual([at('Captain Ivo'), at('He said')]);
  });

  it('brings a "he" the sentence before it, though an earlier one of its article is chosen', () => {
    const wreck = analyzed([
      [
        'Pier Post',
        'Officials said the ferry sank near the north pier on Monday. The crew of six swam to shore in the dark. ' +
          'Harbor master Tom Reyes counted them on the beach. He said nobody was missing.',
      ],
    ]);
    const chosen = selectGreedy(wreck, [0, 3, 1, 2], { words: 30, readable: true });
    expect(chosen).toEqual([0, 2, 3]);
    const lint = (ids: number[]) =>
      lintSummary(wreck, buildSummary('test', wreck, ids, { words: 500 })).danglingOpenings;
    expect(lint([0, 3])).toBe(1);
    expect(lint([2, 3])).toBe(0);
  });

  it('drops a connective opening an article: it points back to nothing', () => {
    expect(pick('But the port')).not.toContain(at('But the port'));
  });

  describe('with flaw penalties', () => {
    // Keys: the cut-off sentence far ahead, then the rest in their order.
    const keys = FERRY.sentences.map((_, i) => (i === at('The port authority') ? 10 : -i));
    const ranked = FERRY.sentences.map((_, i) => i).sort((a, b) => keys[b]! - keys[a]!);
    const take = (cutOff: number, words = 12) =>
      selectGreedy(FERRY, ranked, {
        words,
        readable: true,
        keys,
        flawPenalties: { cutOff, unclosedQuote: Infinity, dangling: Infinity, floor: -Infinity },
      });

    it.each<[string, number, boolean]>([
      ['never with an infinite penalty', Infinity, false],
      ['when the key stays ahead of the rest after the penalty', 5, true],
      ['not when the penalty puts it behind what fills the budget', 20, false],
    ])('takes a cut-off sentence %s', (_, cutOff, taken) => {
      expect(take(cutOff).includes(at('The port authority'))).toBe(taken);
    });

    it('takes a flawed sentence last when nothing clean is left, unless under the floor', () => {
      expect(take(20, 1000).at(-1)).toBe(at('The port authority'));
      const floored = selectGreedy(FERRY, ranked, {
        words: 1000,
        readable: true,
        keys,
        flawPenalties: { cutOff: 20, unclosedQuote: Infinity, dangling: Infinity, floor: -5 },
      });
      expect(floored).not.toContain(at('The port authority'));
      expect(floored.length).toBeGreaterThan(0);
    });

    it.each<[number, string[]]>([
      [Infinity, ['Repairs']],
      [1, ['Repairs', 'But the port']],
    ])(
      'with a dangling penalty of %s, takes a sentence pointing back to nothing alone',
      (dangling, expected) => {
        const chosen = selectGreedy(FERRY, [at('Repairs'), at('But the port')], {
          words: 50,
          readable: true,
          keys,
          flawPenalties: { cutOff: Infinity, unclosedQuote: Infinity, dangling, floor: -Infinity },
        });
        expect(chosen).toEqual(expected.map(at));
      },
    );
  });

  it('reads a pronoun behind a dateline, and brings a bare quotation its speaker', () => {
    const school = analyzed([
      [
        'Dover Ledger',
        'Dover Falls (KDVF) she had taught at the school for nine years before the board let her go. ' +
          'The board met for three hours on Thursday. Parent Ruth Okafor spoke at the meeting for ten minutes. ' +
          '"We were never asked about the decision."',
      ],
    ]);
    const find = (text: string) => school.sentences.findIndex((s) => s.text.startsWith(text));
    const choose = (first: string) =>
      selectGreedy(school, [find(first), ...school.sentences.map((_, i) => i)], {
        words: 30,
        readable: true,
      });
    expect(choose('Dover Falls')).not.toContain(find('Dover Falls'));
    expect(choose('"We were').slice(0, 2)).toEqual([find('Parent Ruth'), find('"We were')]);
  });

  it('brings a bare quotation over several sentences the sentence naming its speaker', () => {
    const pier = analyzed([
      [
        'Pier Post',
        'The new pier opened on Saturday. Harbor master Tom Reyes walked its length first. ' +
          '"We waited nine years for this. It was worth every one."',
      ],
    ]);
    const quote = pier.sentences.findIndex((s) => s.text.startsWith('"We waited'));
    expect(selectGreedy(pier, [quote, 0], { words: 30, readable: true }).slice(0, 3)).toEqual([
      quote - 1,
      quote,
      quote + 1,
    ]);
  });

  it('falls back to the first candidate that fits when nothing reads well', () => {
    expect(selectGreedy(FERRY, [at('But the port')], { words: 50, readable: true })).toEqual([
      at('But the port'),
    ]);
  });
});

describe('readingOrder', () => {
  it('keeps a sentence right after the one it points back to', () => {
    const order = readingOrder(FERRY, [at('The ferry company'), at('He said'), at('Captain Ivo')]);
    expect(order).toEqual([at('Captain Ivo'), at('He said'), at('The ferry company')]);
  });
});

describe('lintSummary', () => {
  const lint = (chosen: number[]) => lintSummary(FERRY, buildSummary('test', FERRY, chosen, { words: 500 }));

  it('counts nothing in a summary that reads well', () => {
    expect(lint([at('The Gull'), at('Captain Ivo'), at('He said'), at('"We did'), at('The charts')])).toEqual(
      {
        sentences: 5,
        unbalancedQuotes: 0,
        noFinalPunctuation: 0,
        danglingOpenings: 0,
      },
    );
  });

  it('counts half a quotation, a cut-off sentence and openings with nothing to point to', () => {
    expect(lint([at('The charts'), at('The port authority'), at('But the port'), at('He said')])).toEqual({
      sentences: 4,
      unbalancedQuotes: 1,
      noFinalPunctuation: 1,
      danglingOpenings: 2,
    });
  });

  it('lints an empty summary', () => {
    expect(lint([])).toEqual({
      sentences: 0,
      unbalancedQuotes: 0,
      noFinalPunctuation: 0,
      danglingOpenings: 0,
    });
  });
});
