/**
 * Labelled streams are read as users' files are (the gold `story` taken off first), and a dated train
 * stream is built as SOURCE.md builds the validation one: short articles dropped, dates 0-2 days back,
 * sorted by date.
 */
import { describe, expect, it } from 'vitest';
import { HEADLINE_ONLY } from '../../src/core/article.js';
import { datedMultiNewsStream, labelledStream } from '../../src/eval/cluster-streams.js';

const DIR = 'test/fixtures/cluster-streams';

describe('cluster streams', () => {
  it('reads a headline stream with its gold stories, never giving the clusterer the story field', async () => {
    const stream = await labelledStream(`${DIR}/headlines.jsonl`);
    expect(stream.map((x) => x.gold)).toEqual([
      'dam',
      'phone',
      'dam',
      'phone',
      'phone',
      'ferry',
      'ferry',
      'ferry',
      'dam-2',
    ]);
    expect(stream[0]?.article).toMatchObject({
      id: 'h1',
      date: '2026-03-10',
      source: 'Lowmoor Post',
      text: 'Lowmoor council delays dam spillway vote',
      warnings: [HEADLINE_ONLY],
    });
    expect(JSON.stringify(stream.map((x) => x.article))).not.toContain('"story"');
    expect(await labelledStream(`${DIR}/headlines.jsonl`, 3)).toHaveLength(3);
  });

  it('builds a dated train stream in date order, dropping articles under 20 words', async () => {
    const stream = await datedMultiNewsStream(`${DIR}/train.jsonl.gz`, `${DIR}/train.dates.tsv`, 4, 1);
    expect(stream).toHaveLength(6);
    const dates = stream.map((x) => x.article.date ?? '');
    expect([...dates].sort()).toEqual(dates);
    for (const { article, gold } of stream) {
      const day = { 'train-0': '2026-03-10', 'train-1': '2026-03-12', 'train-2': '2026-03-20' }[gold] ?? '';
      const back = (Date.parse(day) - Date.parse(article.date ?? '')) / 86_400_000;
      expect([0, 1, 2]).toContain(back);
    }
  });
});
