/**
 * The Markdown report carries article text, which is untrusted: raw HTML in a headline or a source name
 * must come out inert, and Markdown punctuation must not restyle it. A one-source story must not claim
 * that nothing is reported by one source alone.
 */
import { describe, expect, it } from 'vitest';
import { mdText, renderMarkdown } from '../../src/web/render-markdown.js';
import { makeArticle } from '../../src/core/article.js';
import { buildStoryReport } from '../../src/core/pipeline.js';
import { renderReportPage } from '../../src/web/report-page.js';

// Fictional.
const HOSTILE = makeArticle({
  id: 'h',
  source: 'Evil <img src=x onerror=alert(1)> Times',
  title: 'Ferry *returns* to <b>Gull Point</b>',
  url: 'https://example.org/a?b=<script>',
  text: 'The ferry to Gull Point returned on Monday after <script>alert(2)</script> repairs.\n\nIts crew of 12 cheered.',
});

describe('mdText', () => {
  it.each([
    ['plain words', 'plain words'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['Halvorsen & Pike', 'Halvorsen & Pike'],
    ['&lt;b&gt;', '&amp;lt;b&amp;gt;'],
    ['*bold* _em_ [link](x) `code`', '\\*bold\\* \\_em\\_ \\[link\\](x) \\`code\\`'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(mdText(input)).toBe(expected);
  });
});

describe('renderMarkdown on hostile text', () => {
  const md = renderMarkdown(buildStoryReport({ id: 's', articles: [HOSTILE] }));

  it('copies no raw HTML from the articles', () => {
    expect(md).not.toMatch(/<img|<script|<b>/i);
    expect(md).toContain('**Evil &lt;img src=x onerror=alert(1)&gt; Times**');
    expect(md).toContain('<https://example.org/a?b=%3Cscript%3E>');
  });

  it('says a one-source story has one source, not that nothing is reported by one source alone', () => {
    expect(md).not.toContain('nothing is reported by one source alone');
    const page = renderReportPage(buildStoryReport({ id: 's', articles: [HOSTILE] }));
    expect(page).not.toContain('Nothing is reported by one source alone');
  });
});
