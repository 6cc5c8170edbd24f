import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoryReportSchema } from '../../src/core/schema.js';
import { countWords } from '../../src/core/text/index.js';
import { goldenCases, runCase } from './golden-cases.js';

const cases = goldenCases();

describe('golden pipeline outputs (update with: npm run golden)', () => {
  it('has the sample stories and the edge cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(cases)('$name', (c) => {
    it('matches the expected Markdown and JSON', async () => {
      const { md, json } = await runCase(c);
      const mdPath = join(c.expected, 'expected.md');
      const jsonPath = join(c.expected, 'expected.json');
      expect(existsSync(mdPath), `${mdPath} is missing: run npm run golden`).toBe(true);
      expect(md).toBe(readFileSync(mdPath, 'utf8'));
      expect(json).toBe(readFileSync(jsonPath, 'utf8'));
    });

    it('validates against the published schema, stays in budget and cites every sentence', async () => {
      const { json } = await runCase(c);
      const { report } = JSON.parse(json) as { report: unknown };
      const parsed = StoryReportSchema.parse(report);
      expect(parsed.summary.words).toBeLessThanOrEqual(250);
      expect(countWords(parsed.summary.sentences.map((s) => s.text).join(' '))).toBe(parsed.summary.words);
      for (const s of parsed.summary.sentences) {
        expect(s.citations.length).toBeGreaterThan(0);
        expect(s.citations[0]?.origin).toBe(true);
        const origin = parsed.story.articles[s.citations[0]!.article]!;
        expect(origin.text.replace(/\s+/g, ' ')).toContain(s.text);
      }
    });
  });
});
