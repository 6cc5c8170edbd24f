/**
 * Prints sentence pairs of Multi-News stories for hand labelling: pairs from different articles of one
 * story whose stem-set cosine is at least 0.2 (the candidate filter), spread over similarity bands so
 * that near misses and clear matches are both judged. Output is for the labeller's eyes only: the
 * committed labels (news-labels.json) keep story ids and sentence offsets, never the text.
 *
 *   npx tsx lab/same-content/candidates.ts VALIDATION.jsonl.gz [FIRST] [STORIES] [PER_STORY]
 */
import { readMultiNews } from '../../src/io/multinews.js';
import { analyzeStory } from '../../src/core/text/index.js';
import { candidateLine, candidatePairs } from './candidate-pairs.js';

const [path, firstArg = '0', countArg = '30', perArg = '11'] = process.argv.slice(2);
if (!path) throw new Error('usage: candidates.ts VALIDATION.jsonl.gz [FIRST] [STORIES] [PER_STORY]');
const first = Number(firstArg);
const count = Number(countArg);
const per = Number(perArg);
const BANDS = [0.2, 0.3, 0.4, 0.5, 0.65, 1.01];

let n = 0;
for await (const example of readMultiNews(path, { limit: first + count * 3 })) {
  if (n++ < first) continue;
  if (example.story.articles.length < 2) continue;
  const doc = analyzeStory(example.story);
  const pairs = candidatePairs(doc);
  // Round-robin over the bands, most similar of each band first, so every story gives a spread.
  const byBand = BANDS.slice(0, -1).map((lo, k) =>
    pairs
      .filter((p) => p.similarity >= lo && p.similarity < BANDS[k + 1]!)
      .sort((x, y) => y.similarity - x.similarity),
  );
  const picked: typeof pairs = [];
  for (let round = 0; picked.length < per && byBand.some((b) => b.length > round); round++) {
    for (const band of byBand) if (band[round] && picked.length < per) picked.push(band[round]!);
  }
  for (const pair of picked) console.log(candidateLine(example.id, pair));
  if (n - first >= count) break;
}
