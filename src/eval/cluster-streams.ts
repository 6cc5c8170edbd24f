/**
 * Dated, gold-labelled streams for the clustering evaluation, read the way users' files are read:
 *
 * - a **labelled stream** file (JSON lines, gzip or not): each record an article as `chorus cluster`
 *   reads it plus a gold `story` field, which is taken off before the record reaches the reader. The
 *   dated Multi-News validation stream (`{"id","date","text","story"}`) and the UCI News Aggregator
 *   headlines (`{"id","day","source","url","title","story"}`, no bodies) are both of this form.
 * - a **dated train stream**, built from Multi-News train the way `multi-news/SOURCE.md` builds the
 *   validation stream: each example's estimated day (`train.dates.tsv`), each article of 20 words or
 *   more dated that day minus 0, 1 or 2 days (probabilities 0.5, 0.3, 0.2), sorted by date, ties
 *   shuffled. A seeded sample of examples keeps the stream as sparse per day as validation's.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { readMultiNews } from '../io/multinews.js';
import { parseJsonLines } from '../io/json-articles.js';
import type { LabelledArticle } from './cluster-eval.js';
import { mulberry32, sampleIndices } from './datasets/sample.js';

async function* lines(path: string): AsyncGenerator<string> {
  const input = createReadStream(path);
  const source = path.endsWith('.gz') ? input.pipe(createGunzip()) : input;
  yield* createInterface({ input: source, crlfDelay: Infinity });
}

/**
 * Every record of a labelled stream file, in file order, as the JSON-lines reader makes it (the gold
 * `story` removed first, so the clusterer cannot read it). Records the reader refuses are skipped.
 */
export async function labelledStream(path: string, limit = Infinity): Promise<LabelledArticle[]> {
  const out: LabelledArticle[] = [];
  for await (const line of lines(path)) {
    if (out.length >= limit) break;
    if (!line.trim()) continue;
    const { story, ...record } = JSON.parse(line) as Record<string, unknown>;
    const read = parseJsonLines(JSON.stringify(record));
    for (const article of read.articles) out.push({ article, gold: String(story) });
  }
  return out;
}

/** `id → day` of a Multi-News dates file (`id, newser_id, estimated_day` with a header). */
export async function readDays(path: string): Promise<Map<string, string>> {
  const days = new Map<string, string>();
  for await (const line of lines(path)) {
    const [id, , day] = line.split('\t');
    if (id && day && /^\d{4}-\d\d-\d\d$/.test(day)) days.set(id, day);
  }
  return days;
}

const DAY = 86_400_000;

/**
 * A dated stream of `examples` Multi-News examples drawn with `seed` from `dataPath` (dated by
 * `datesPath`), built as SOURCE.md builds the validation stream. 5,622 examples of train make a stream
 * as dense per day as the validation one.
 */
export async function datedMultiNewsStream(
  dataPath: string,
  datesPath: string,
  examples: number,
  seed: number,
): Promise<LabelledArticle[]> {
  const days = await readDays(datesPath);
  const all: { id: string; texts: string[] }[] = [];
  for await (const ex of readMultiNews(dataPath))
    if (days.has(ex.id)) all.push({ id: ex.id, texts: ex.story.articles.map((a) => a.text) });
  const random = mulberry32(seed + 1);
  const dated: { item: LabelledArticle; time: number; tie: number }[] = [];
  for (const i of sampleIndices(all.length, examples, seed)) {
    const ex = all[i];
    if (!ex) continue;
    const day = Date.parse(days.get(ex.id) ?? '');
    ex.texts.forEach((text, k) => {
      if (text.split(/\s+/).length < 20) return;
      const r = random();
      const back = r < 0.5 ? 0 : r < 0.8 ? 1 : 2;
      const date = new Date(day - back * DAY).toISOString().slice(0, 10);
      const item = {
        article: { id: `${ex.id}#${k}`, source: 'unknown source', text, date, warnings: [] },
        gold: ex.id,
      };
      dated.push({ item, time: day - back * DAY, tie: random() });
    });
  }
  return dated.sort((a, b) => a.time - b.time || a.tie - b.tie).map((d) => d.item);
}
