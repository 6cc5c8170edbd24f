import { describe, expect, it } from 'vitest';
import { blankMarkup, pairDoubleMarks } from '../../src/core/quotes/pair-marks.js';
import { quoteSpans } from '../../src/core/quotes/quote-spans.js';

/** The paired passages of `p`, marks included; an unclosed one ends with `…`. */
const pairs = (p: string) => pairDoubleMarks(p).map((x) => p.slice(x.open, x.close) + (x.closed ? '' : '…'));

describe('pairDoubleMarks', () => {
  it.each([
    ['curly', '“We know,” he said. “We saw.”', ['“We know,”', '“We saw.”']],
    ['straight', '"We know," he said. "We saw."', ['"We know,"', '"We saw."']],
    ['straight opening, curly closing', '"We know,” he said. “We saw.”', ['"We know,”', '“We saw.”']],
    ['curly opening, straight closing', '“We know," he said. "We saw."', ['“We know,"', '"We saw."']],
    ['an opening mark typed as closing', 'she said, ”We know.”', ['”We know.”']],
    ['a format character before the mark', 'she wrote. \u202a”We know.” he said.', ['”We know.”']],
    [
      'a closing mark typed as opening',
      '“We know it well,“ said Ortiz. Then she left.',
      ['“We know it well,“'],
    ],
    ['a mark between spaces', 'She said " we know " twice.', ['" we know "']],
    ['nested marks: the inner pair', '“He said “go now” to us”', ['“go now”']],
    ['left open to the paragraph end', '“We know the pier. We saw it', ['“We know the pier. We saw it…']],
    ['a stray closing mark', 'the end.” Then “We saw.”', ['“We saw.”']],
    ['empty', '', []],
    ['hostile', '"""" " “ ” „', []],
  ])('%s', (_, p, expected) => {
    expect(pairs(p)).toEqual(expected);
  });
});

describe('blankMarkup', () => {
  it.each([
    ['<tweet author="ortiz" id="12">Pier opens</tweet>', '                              Pier opens        '],
    ['a < b and c > d', 'a < b and c > d'],
    ['<tweet author= "Ann" date="', '<tweet               date  '],
    ['opposes.">Here we go', 'opposes. >Here we go'],
  ])('%s', (p, expected) => {
    expect(blankMarkup(p)).toEqual(expected);
  });
});

describe('quoteSpans with mixed or misplaced marks', () => {
  it.each([
    ['"We will reopen the pier,” Ortiz said.', ['We will reopen the pier']],
    [
      '“We will reopen the pier," Ortiz said. "Then the ferry comes back."',
      ['We will reopen the pier', 'Then the ferry comes back.'],
    ],
    ['“We will reopen the pier,“ said Ortiz, who runs the harbor board.', ['We will reopen the pier']],
    ['<tweet pic="" author="ortiz" id="12">Pier opens at noon today</tweet>. Ortiz posted it.', []],
    ['<tweet author="ortiz">“Pier opens at noon today”</tweet>', ['Pier opens at noon today']],
  ])('%s', (paragraph, texts) => {
    expect(quoteSpans(paragraph, 0).map((q) => q.text)).toEqual(texts);
  });
});
