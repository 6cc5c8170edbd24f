/**
 * A word budget smaller than every sentence: the summary is empty, and the report says why (the budget,
 * and how long the shortest sentence is), not that the sources have no usable sentences.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/web/render-markdown.js';
import { makeArticle } from '../../src/core/article.js';
import { buildStoryReport } from '../../src/core/pipeline.js';
import { summarizerNames } from '../../src/core/summarize/registry.js';
import { renderReportPage } from '../../src/web/report-page.js';

// Fictional; the shortest sentence has 4 words.
const ARTICLES = [
  makeArticle({
    id: 'a',
    source: 'Quill Wood Ranger Notes',
    text: 'Rangers counted forty barn owl nests in Quill Wood this spring.\n\nVolunteers logged every nest.',
  }),
  makeArticle({
    id: 'b',
    source: 'Tarn Valley Courier',
    text: 'Quill Wood rangers found forty barn owl nests this spring, a record.\n\nThe survey ended on Monday at noon.',
  }),
];

describe.each(summarizerNames())('a budget below the shortest sentence (%s)', (method) => {
  it.each([
    [1, 'no sentence fits the budget of 1 word: the shortest has 4 words, so the budget must be at least 4'],
    [3, 'no sentence fits the budget of 3 words: the shortest has 4 words, so the budget must be at least 4'],
  ])('says so for --words %i', (words, why) => {
    const report = buildStoryReport({ id: 's', articles: ARTICLES }, { method, words });
    expect(report.summary.sentences).toEqual([]);
    expect(report.summary.warnings).toContain(why);
    expect(report.warnings).toContain(why);
    expect(report.warnings.join(' ')).not.toMatch(/every sentence is longer/);
    expect(renderMarkdown(report)).toContain(`## Summary\n\n_no summary: ${why}_\n`);
    expect(renderReportPage(report)).toContain(`<p class="empty">No summary: ${why}.</p>`);
  });

  it('fits the shortest sentence once the budget reaches it', () => {
    const report = buildStoryReport({ id: 's', articles: ARTICLES }, { method, words: 4 });
    expect(report.summary.sentences.map((s) => s.text)).toEqual(['Volunteers logged every nest.']);
    expect(report.warnings.join(' ')).not.toMatch(/budget/);
  });
});
