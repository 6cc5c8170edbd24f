/**
 * A quotation the splitter cut into several summary sentences gets one citation marker, after the
 * piece that closes it, and only when the pieces are consecutive sentences of one article citing the
 * same sources; anything else keeps each sentence's marker where it was. Fictional text.
 */
import { describe, expect, it } from 'vitest';
import type { Citation, SummarySentence } from '../../src/core/model.js';
import { markerSlots } from '../../src/web/marker-slots.js';
import { renderMarkdown } from '../../src/web/render-markdown.js';
import { renderReportPage } from '../../src/web/report-page.js';
import { sampleReport } from './fixtures.js';
import { parse, textOf } from './inert.js';

function cite(article: number, sentence: number, origin: boolean): Citation {
  return {
    article,
    articleId: `a${article}`,
    source: `S${article}`,
    sentence,
    similarity: 1,
    score: 1,
    passage: 'p',
    origin,
  };
}

/** Sentence `sentence` of article `article`, also cited by the articles `others`. */
function s(text: string, article: number, sentence: number, others: number[] = []): SummarySentence {
  return { text, citations: [cite(article, sentence, true), ...others.map((o) => cite(o, 0, false))] };
}

/** Each sentence's slots as the summary sentence each marker belongs to ('-' for none). */
function layout(sentences: SummarySentence[]): string {
  return markerSlots(sentences)
    .map((slots) => (slots.length ? slots.map((m) => m.sentence).join('+') : '-'))
    .join(' ');
}

describe('markerSlots', () => {
  it.each<[string, SummarySentence[], string]>([
    ['nothing', [], ''],
    ['one plain sentence', [s('The ferry left.', 0, 0)], '0'],
    ['a whole quotation', [s('"The ferry left," she said.', 0, 0)], '0'],
    ['curly pieces', [s('“The ferry left.', 0, 3, [1]), s('It came back.”', 0, 4, [1])], '- 0'],
    ['straight pieces', [s('She said: "The ferry left.', 0, 3), s('It came back."', 0, 4)], '- 0'],
    [
      'three pieces, the middle without marks',
      [s('"One.', 1, 0), s('Two.', 1, 1), s('Three," he said.', 1, 2), s('Later.', 1, 3)],
      '- - 0 3',
    ],
    ['the closing piece opens another', [s('"One.', 0, 0), s('Two," he said, "and three."', 0, 1)], '- 0'],
    ['sources differ', [s('“The ferry left.', 0, 3, [1]), s('It came back.”', 0, 4, [2])], '0 1'],
    ['one piece cited by more', [s('“The ferry left.', 0, 3, [1]), s('It came back.”', 0, 4)], '0 1'],
    ['a gap in the article', [s('"The ferry left.', 0, 3), s('It came back."', 0, 5)], '0 1'],
    ['another article', [s('"The ferry left.', 0, 3), s('It came back."', 1, 4)], '0 1'],
    ['never closed', [s('"The ferry left.', 0, 3), s('It came back.', 0, 4)], '0 1'],
    [
      'a mark in the middle piece',
      [s('"One.', 0, 0), s('A "word" here.', 0, 1), s('Three."', 0, 2)],
      '0 1 2',
    ],
    ['a closing mark with nothing open', [s('It came back.”', 0, 4), s('Fine.', 0, 5)], '0 1'],
    ['two quotations in a row', [s('"A.', 0, 0), s('B."', 0, 1), s('"C.', 0, 2), s('D."', 0, 3)], '- 0 - 2'],
  ])('%s', (_, sentences, expected) => {
    expect(layout(sentences)).toBe(expected);
  });
});

/** The sample report with its summary replaced by a quotation in two pieces of article 0, both cited by 2. */
function quotedReport() {
  const report = sampleReport();
  const pieces = [s('“We have waited long enough.', 0, 2, [2]), s('Now we build,” she said.', 0, 3, [2])];
  return { ...report, summary: { ...report.summary, sentences: [...pieces, s('The vote was 6-3.', 2, 0)] } };
}

describe('the renderers print a split quotation’s marker after its closing piece', () => {
  it('in Markdown', () => {
    expect(renderMarkdown(quotedReport())).toContain(
      '“We have waited long enough. Now we build,” she said. [1,3] The vote was 6-3. [3]',
    );
  });

  it('in HTML, linking to the first piece’s passages', () => {
    const d = parse(renderReportPage(quotedReport()));
    const cites = (id: string) => [...d.querySelectorAll(`#${id} sup.cite`)].map((m) => textOf(m));
    expect([cites('summary-1'), cites('summary-2'), cites('summary-3')]).toEqual([[], ['[1,3]'], ['[3]']]);
    expect([...d.querySelectorAll('#summary-2 sup.cite a')].map((a) => a.getAttribute('href'))).toEqual([
      '#cite-1-1',
      '#cite-1-3',
    ]);
  });
});
