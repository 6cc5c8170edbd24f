/** The summary lab's kinds of broken sentences, on a fictional story and hand-built summaries. */
import { describe, expect, it } from 'vitest';
import { classify, markersInsideQuotes } from '../../lab/summarize/broken-sentences.js';
import { buildSummary } from '../../src/core/summarize/summary.js';
import { analyzed } from '../summarize/story.js';

const DOC = analyzed([
  [
    'Dover Ledger',
    'Dover Falls (KDVF) she taught at the school for nine years before the board let her go. ' +
      'Parent Ruth Okafor spoke at the meeting for ten minutes. "We were never asked about it." ' +
      'Nor did the board explain its vote. After the meeting ended without a vote on the matter. ' +
      'The board said: "We acted within our rules. We will say no more." The school reopens in May on',
  ],
]);
const at = (text: string) => DOC.sentences.findIndex((s) => s.text.startsWith(text));
const kindsOf = (first: string[], raw: string[] = []) =>
  classify(DOC, buildSummary('test', DOC, first.map(at), { words: 500 }), raw);

describe('classify', () => {
  it('names each kind of broken sentence', () => {
    expect(
      kindsOf(['Dover Falls', 'Nor did', 'After the meeting', 'We will say', 'The school reopens']),
    ).toEqual([['dangling'], ['dangling'], ['fragment'], ['split quote'], ['cut off']]);
    expect(kindsOf(['Dover Falls', '"We were'])).toEqual([['dangling'], ['bare quote']]);
  });

  it('forgives a sentence read right after the one before it, and a quotation taken whole', () => {
    expect(kindsOf(['Parent Ruth', '"We were', 'The board said', 'We will say'])).toEqual([
      [],
      [],
      ['quote in pieces'],
      ['quote in pieces'],
    ]);
  });

  it('finds a caption run on into the story after its credit in the raw text', () => {
    const raw = ['Parent Ruth Okafor spoke at ( photo: jo park ) the meeting for ten minutes.'];
    expect(kindsOf(['Parent Ruth'], raw)).toEqual([['fused caption']]);
  });
});

describe('classify: sentences that need context, and subheadings', () => {
  const story = analyzed([
    [
      'Marsh Herald',
      'Councillor Ada Quist opened the hearing on the harbour wall at nine.\n\n' +
        'For the next two years, she will chair the harbour board. "We will rebuild it," she said. ' +
        'Now, that wall has been left without a budget. The storms of March were blamed for those repairs.\n\n' +
        'Did the storms break the wall?\n\n' +
        'Harbour Road, Quay Street and Mill Lane, Marsh.\n\n' +
        'Boats stay away.\n\n' +
        'The wall will be closed to walkers until the end of the summer season.',
    ],
  ]);
  const find = (text: string) => story.sentences.findIndex((s) => s.text.startsWith(text));
  const kinds = (texts: string[]) =>
    classify(story, buildSummary('test', story, texts.map(find), { words: 500 }));

  it.each<[string, string]>([
    ['For the next', 'unnamed person'],
    ['"We will', 'unnamed person'],
    ['Now, that', 'refers back'],
    ['The storms', 'refers back'],
    ['Did the', 'subheading'],
    ['Harbour Road', 'subheading'],
    ['Boats stay', 'subheading'],
  ])('%j alone is of the kind %s', (text, kind) => {
    expect(kinds([text])).toEqual([[kind]]);
  });

  it('forgives them right after the sentence before, and a short last paragraph', () => {
    expect(kinds(['Councillor Ada', 'For the next', '"We will', 'Now, that', 'The wall will'])).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
  });
});

describe('markersInsideQuotes', () => {
  it.each<[string, string[], number[], number]>([
    ['none', [], [], 0],
    ['after each piece of a quotation', ['"One.', 'Two.', 'Three."', 'Four.'], [1, 1, 1, 1], 2],
    ['after the closing piece only', ['"One.', 'Two.', 'Three."'], [0, 0, 1], 0],
    ['curly marks, two markers on a piece', ['“One.', 'Two.”'], [2, 1], 2],
    ['a stray mark closes nothing later', ['Fine.', 'A "stray.', 'Later.'], [1, 1, 1], 0],
    ['inside before a stray mark', ['"One.', 'Two."', 'A "stray.'], [1, 1, 1], 1],
  ])('%s', (_, texts, markers, expected) => {
    expect(markersInsideQuotes(texts, markers)).toBe(expected);
  });
});
