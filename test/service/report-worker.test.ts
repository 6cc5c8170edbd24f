import { afterAll, describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { buildStoryReport } from '../../src/core/pipeline.js';
import { ReportWorker } from '../../src/service/report-worker.js';
import { STORIES } from '../cluster/fixture.js';

const worker = new ReportWorker();
afterAll(() => worker.close());

/** A fictional story far bigger than any real one: 120 outlets, each with its own numbers. */
function hugeStory() {
  const articles = Array.from({ length: 120 }, (_, i) =>
    makeArticle({
      id: `a${i}`,
      source: `Outlet ${i}`,
      text: Array.from(
        { length: 30 },
        (_, k) =>
          `Inspector ${k} of Tarn Ward counted ${i * 31 + k} cracked bolts on span ${k % 7} of the old bridge.`,
      ).join('\n\n'),
    }),
  );
  return { id: 'huge', articles };
}

describe('ReportWorker', () => {
  it('builds the same report as this thread does', async () => {
    for (const story of STORIES) {
      const options = { method: 'chorus', words: 120 };
      expect(await worker.build(story, options)).toEqual(buildStoryReport(story, options));
    }
  });

  it('leaves this thread free while it builds', async () => {
    // Built here, the report would hold the event loop until done and no tick could run before it.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const report = await worker.build(hugeStory(), { method: 'chorus', words: 250 });
    clearInterval(timer);
    expect(report.story.articles).toHaveLength(120);
    expect(ticks).toBeGreaterThan(0);
  });

  it('answers a failed build with its reason and goes on building', async () => {
    const story = STORIES[0]!;
    await expect(worker.build(story, { method: 'no-such-method', words: 100 })).rejects.toThrow(
      /no-such-method/,
    );
    await expect(worker.build(story, { method: 'lead', words: 100 })).resolves.toMatchObject({
      summary: { method: 'lead' },
    });
  });

  it('refuses builds once closed', async () => {
    const closed = new ReportWorker();
    await closed.build(STORIES[0]!, { method: 'lead', words: 50 });
    await closed.close();
    await expect(closed.build(STORIES[0]!, { method: 'lead', words: 50 })).rejects.toThrow(/closed/);
  });
});
