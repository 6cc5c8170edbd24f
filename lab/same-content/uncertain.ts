/**
 * Prints Multi-News pairs for hand labelling where the decision is made: cross-article candidates
 * (stem-set cosine at or above the candidate filter) that no contradiction rule refuses and whose
 * model score lies in [LOW, 1], closest to the citation operating point first, up to PER_STORY per
 * story. Stories already in news-labels.json are skipped. As with candidates.ts, the output is for the
 * labeller's eyes only; labels keep story ids and offsets.
 *
 *   npx tsx lab/same-content/uncertain.ts VALIDATION.jsonl.gz [FIRST] [STORIES] [PER_STORY] [LOW]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeStory } from '../../src/core/text/index.js';
import {
  CANDIDATE_COSINE,
  contradiction,
  SAME_CONTENT_THRESHOLDS,
  sameContentProbability,
  sideOf,
} from '../../src/core/match/index.js';
import { readMultiNews } from '../../src/io/multinews.js';
import { candidateLine, candidatePairs } from './candidate-pairs.js';

const [path, firstArg = '50', countArg = '60', perArg = '4', lowArg = '0.35'] = process.argv.slice(2);
if (!path) throw new Error('usage: uncertain.ts VALIDATION.jsonl.gz [FIRST] [STORIES] [PER_STORY] [LOW]');
const here = dirname(fileURLToPath(import.meta.url));
const labelled = new Set(
  (JSON.parse(readFileSync(join(here, 'news-labels.json'), 'utf8')) as { pairs: [string][] }).pairs.map(
    (r) => r[0],
  ),
);
const [first, count, per, low] = [firstArg, countArg, perArg, lowArg].map(Number) as [
  number,
  number,
  number,
  number,
];
const point = SAME_CONTENT_THRESHOLDS.citation;

let n = 0;
let shown = 0;
for await (const example of readMultiNews(path)) {
  if (n++ < first || labelled.has(example.id) || example.story.articles.length < 2) continue;
  const doc = analyzeStory(example.story);
  const scored = candidatePairs(doc, CANDIDATE_COSINE)
    .filter((p) => !contradiction(sideOf(p.a), sideOf(p.b)))
    .map((p) => ({ p, score: sameContentProbability(sideOf(p.a), sideOf(p.b)) }))
    .filter((x) => x.score >= low)
    .sort((x, y) => Math.abs(x.score - point) - Math.abs(y.score - point))
    .slice(0, per);
  for (const { p, score } of scored)
    console.log(`${candidateLine(example.id, p)}\n  score ${score.toFixed(2)}`);
  if (scored.length && ++shown >= count) break;
}
