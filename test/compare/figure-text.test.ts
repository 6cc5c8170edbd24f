/**
 * Figures read as the source wrote them: the figure list and the timeline once showed the normalised
 * value and lowercased topic words ("USD 2000000 brennick put million", "--07-01").
 */
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { findFigures } from '../../src/core/compare/find-figures.js';
import { buildStoryReport } from '../../src/core/pipeline.js';
import { renderReportPage } from '../../src/web/report-page.js';
import { parse, textOf } from '../web/inert.js';

describe('findFigures keeps the source words', () => {
  it.each([
    [
      'The council must approve the repair, which Brennick put at between $1.5 million and $2 million.',
      [
        ['USD 1500000', '$1.5 million', 'brennick put'],
        ['USD 2000000', '$2 million', 'brennick put'],
      ],
      'which Brennick put at between $1.5 million and $2 million',
    ],
    ['The fair opens July 1.', [['--07-01', 'July 1', 'fair opens']], 'The fair opens July 1'],
    ['Twelve people were injured.', [['12', 'Twelve', 'people injured']], 'Twelve people were injured'],
    ['Turnout rose to 61 percent.', [['61%', '61 percent', 'turnout rose']], 'Turnout rose to 61 percent'],
  ])('%s', (sentence, expected, phrase) => {
    const found = findFigures(sentence).filter((f) => f.listed);
    expect(found.map((f) => [f.value, f.written, f.context])).toEqual(expected);
    for (const f of found) expect(f.phrase).toBe(phrase);
  });

  it('cuts a long clause to the words around the figure', () => {
    const long =
      'Officials from the county and the state and the federal agencies and the port and the rail company ' +
      'met for hours and said the repair would cost $9 million in the end after all of the delays were counted';
    const [f] = findFigures(long);
    expect(f?.phrase).toContain('$9 million');
    expect(f?.phrase.split(' ').length).toBeLessThanOrEqual(18);
  });
});

describe('the story page shows figures as written', () => {
  const report = buildStoryReport({
    id: 'tollbridge',
    articles: [
      makeArticle({
        source: 'Tarn Courier',
        title: 'Tollbridge repair approved',
        date: '2031-03-02',
        text:
          'The council must approve the repair, which engineer Osk Brennick put at between $1.5 million and $2 million. ' +
          'The footbridge fair opens July 1 whatever happens, organisers said.',
      }),
    ],
  });
  const doc = parse(renderReportPage(report));

  it('lists money as the source wrote it', () => {
    const figures = textOf(doc.querySelector('#figures'));
    expect(figures).toContain('$2 million');
    expect(figures).toContain('which engineer Osk Brennick put at between');
    expect(figures).not.toContain('USD 2000000');
    expect(figures).not.toMatch(/brennick put million/);
  });

  it('shows a date given without a year in the source words on the timeline', () => {
    const timeline = textOf(doc.querySelector('#timeline'));
    expect(timeline).not.toContain('--07-01');
    expect(timeline).toContain('July 1');
  });
});
