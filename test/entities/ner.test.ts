import { describe, expect, it } from 'vitest';
import { textEntities } from '../../src/core/entities/index.js';
import { parseConll, scoreSpans, tagSpans, tagText, tokenizeNer } from '../../src/core/entities/ner/index.js';
import type { SpanCounts } from '../../src/core/entities/ner/index.js';

describe('NER tokenizer', () => {
  it.each<[string, string[][]]>([
    ['Mr. Major left the U.S. on Monday.', [['Mr.', 'Major', 'left', 'the', 'U.S.', 'on', 'Monday', '.']]],
    [
      "Dovey's aide, Anglo-Dutch, 1996-08-22!",
      [['Dovey', "'s", 'aide', ',', 'Anglo-Dutch', ',', '1996-08-22', '!']],
    ],
    ['One.\n\nTwo', [['One', '.'], ['Two']]],
    ['', []],
  ])('%j', (text, expected) => {
    expect(tokenizeNer(text).map((s) => s.map((t) => t.text))).toEqual(expected);
  });
});

describe('tagText', () => {
  it('returns spans whose offsets slice the text', () => {
    const text = 'Reuters said John Major flew to New York. 😀 Tiger Woods won.';
    const spans = tagText(text);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(spans.map((s) => [s.text, s.type])).toEqual([
      ['Reuters', 'ORG'],
      ['John Major', 'PER'],
      ['New York', 'LOC'],
      ['Tiger Woods', 'PER'],
    ]);
  });

  it('never starts or ends a name on a curly quote it was not trained on', () => {
    const spans = tagText('“We disagree on nearly everything,” Marsh said.');
    expect(spans.map((s) => s.text)).toEqual(['Marsh']);
  });

  it.each(['', '   ', '!!!', '\u0000\u0001', 'x'.repeat(5000)])('survives %j', (text) => {
    expect(() => tagText(text)).not.toThrow();
  });

  it('tags a sentence the same before and after longer ones (reused arrays) and past their size', () => {
    const one = 'Reuters said John Major flew to New York with Tiger Woods';
    const first = tagText(`${one}.`);
    // A page without full stops: one "sentence" of 1,100 names, longer than the arrays the tagger keeps.
    const long = tagText(Array.from({ length: 100 }, () => one).join(', '));
    expect(long).toHaveLength(400);
    tagText(Array.from({ length: 40 }, () => one).join(', '));
    expect(tagText(`${one}.`)).toEqual(first);
    expect(first.map((s) => s.text)).toEqual(['Reuters', 'John Major', 'New York', 'Tiger Woods']);
  });

  it('gives code-point offsets in textEntities', () => {
    const [e] = textEntities('😀 John Major spoke.');
    expect(e).toMatchObject({ name: 'John Major', kind: 'person', mentions: [{ start: 2, end: 12 }] });
  });
});

describe('CoNLL spans and scores', () => {
  it.each<[string[], [number, number, string][]]>([
    [
      ['I-PER', 'I-PER', 'O', 'I-LOC'],
      [
        [0, 2, 'PER'],
        [3, 4, 'LOC'],
      ],
    ],
    [
      ['I-ORG', 'B-ORG', 'I-ORG'],
      [
        [0, 1, 'ORG'],
        [1, 3, 'ORG'],
      ],
    ],
    [
      ['B-PER', 'I-LOC'],
      [
        [0, 1, 'PER'],
        [1, 2, 'LOC'],
      ],
    ],
    [[], []],
  ])('%j', (tags, spans) => {
    expect(tagSpans(tags).map((s) => [s.start, s.end, s.type])).toEqual(spans);
  });

  it('counts exact span and type matches only', () => {
    const counts = new Map<string, SpanCounts>();
    scoreSpans(['I-PER', 'I-PER', 'O', 'I-LOC'], ['B-PER', 'O', 'O', 'B-LOC'], counts);
    expect(counts.get('ALL')).toEqual({ correct: 1, predicted: 2, gold: 2 });
  });

  it('rejects a line without a CoNLL tag', () => {
    expect(() => parseConll('word NN X-FOO\n')).toThrow(/CoNLL-2003 tag on line 1/);
  });
});
