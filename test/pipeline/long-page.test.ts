import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { buildStoryReport } from '../../src/core/pipeline.js';
import { analyzeStory, isCut, MAX_ANALYZED_CHARS } from '../../src/core/text/analyze.js';

/** Paragraphs of distinct fictional facts, `chars` characters or a little more. */
function page(chars: number): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const p = `Clerk ${i} of Tarn Ward filed budget report ${i * 7} on day ${i % 31} of the audit.`;
    out.push(p);
    length += p.length + 2;
  }
  return out.join('\n\n');
}

describe('a page far longer than any article', () => {
  const long = makeArticle({ id: 'dump', source: 'Tarn Ledger', text: page(MAX_ANALYZED_CHARS * 3) });
  const short = makeArticle({ id: 'brief', source: 'Ward Courier', text: page(2_000) });

  it('is analysed up to the cap, at a paragraph break, and other articles whole', () => {
    expect(isCut(long.text)).toBe(true);
    expect(isCut(short.text)).toBe(false);
    const doc = analyzeStory({ id: 's', articles: [long, short] });
    const [first, second] = doc.spans;
    const read = doc.sentences.slice(first![0], first![1]);
    expect(read.length).toBeGreaterThan(1000);
    expect(read.reduce((n, s) => n + s.text.length + 2, 0)).toBeLessThanOrEqual(MAX_ANALYZED_CHARS + 2);
    expect(read.at(-1)!.text).toMatch(/audit\.$/);
    expect(second![1] - second![0]).toBe(short.text.split('\n\n').length);
  });

  it('gets a report that says only its start was read', () => {
    const report = buildStoryReport({ id: 's', articles: [long, short] });
    expect(report.warnings).toContainEqual(
      expect.stringMatching(/^read only the first 200,000 characters of Tarn Ledger \(dump\), [\d,]+ in all/),
    );
    expect(report.warnings.join(' ')).not.toMatch(/Ward Courier/);
    expect(report.summary.sentences.length).toBeGreaterThan(0);
  });
});
