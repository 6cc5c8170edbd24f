/**
 * Near-duplicate detection measured on a labelled set of pairs.
 *
 *   npx tsx bench/dedupe.ts [MULTINEWS_PATH] [--stories N] [--threshold T]
 *
 * Positives: every article turned into a copy by each synthetic edit (exact, reordered paragraphs,
 * changed headline and lead, appended update, trimmed ending, light rewording). Negatives: every pair of
 * different articles of the same story (the hard case: same event, same names), plus pairs across
 * stories. Articles come from the fictional stories of `test/fixtures/dedupe/stories.json` and, when a
 * Multi-News file is given, from its first N examples (whose "different articles" include a few real
 * syndicated copies, so precision there is a lower bound). Prints precision/recall per threshold, for
 * both `findDuplicates` (exact shingles) and the MinHash `DuplicateIndex`.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { makeArticle } from '../src/core/article.js';
import { DuplicateIndex } from '../src/core/dedupe/duplicate-index.js';
import { findDuplicates } from '../src/core/dedupe/find-duplicates.js';
import type { Article } from '../src/core/model.js';
import { readMultiNews } from '../src/io/multinews.js';
import { editArticle, EDITS } from './dedupe-edits.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { stories: { type: 'string', default: '300' }, threshold: { type: 'string' } },
});

interface Pair {
  readonly a: Article;
  readonly b: Article;
  readonly copy: boolean;
  readonly kind: string;
}

const fixture = JSON.parse(
  await readFile(new URL('../test/fixtures/dedupe/stories.json', import.meta.url), 'utf8'),
) as { stories: { id: string; articles: Parameters<typeof makeArticle>[0][] }[] };
const stories: Article[][] = fixture.stories.map((s) => s.articles.map((a) => makeArticle(a)));
if (positionals[0]) {
  for await (const ex of readMultiNews(positionals[0], { limit: Number(values.stories) }))
    if (ex.story.articles.length > 0) stories.push([...ex.story.articles]);
}

const pairs: Pair[] = [];
stories.forEach((articles, s) => {
  articles.forEach((a, i) => {
    const other = articles[(i + 1) % articles.length];
    for (const edit of EDITS)
      pairs.push({ a, b: editArticle(a, edit, other === a ? undefined : other), copy: true, kind: edit });
    for (const b of articles.slice(i + 1)) pairs.push({ a, b, copy: false, kind: 'same story' });
    const next = stories[(s + 1) % stories.length]?.[0];
    if (next && stories.length > 1) pairs.push({ a, b: next, copy: false, kind: 'other story' });
  });
});

function similarities(pair: Pair): { exact: number; minhash: number } {
  const exact = findDuplicates([pair.a, pair.b], { threshold: 0 })[0]?.similarity ?? 0;
  const index = new DuplicateIndex({ threshold: 0 });
  index.add(pair.a);
  const minhash = index.add(pair.b)?.similarity ?? 0;
  return { exact, minhash };
}

const scored = pairs.map((p) => ({ ...p, ...similarities(p) }));
const thresholds = values.threshold ? [Number(values.threshold)] : [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
console.log(
  `${scored.filter((p) => p.copy).length} copies, ${scored.filter((p) => !p.copy).length} non-copies, from ${stories.length} stories`,
);
for (const key of ['exact', 'minhash'] as const) {
  for (const t of thresholds) {
    const tp = scored.filter((p) => p.copy && p[key] >= t).length;
    const fp = scored.filter((p) => !p.copy && p[key] >= t).length;
    const fn = scored.filter((p) => p.copy && p[key] < t).length;
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    const missed = EDITS.map((e) => `${e} ${scored.filter((p) => p.kind === e && p[key] < t).length}`).join(
      ', ',
    );
    console.log(
      `${key.padEnd(7)} threshold ${t.toFixed(2)}: precision ${precision.toFixed(4)} recall ${recall.toFixed(4)} (false positives ${fp}; missed: ${missed})`,
    );
  }
}
const worst = scored.filter((p) => !p.copy).sort((x, y) => y.exact - x.exact)[0];
if (worst)
  console.log(
    `most similar non-copy pair: ${worst.a.id} / ${worst.b.id}, ${worst.exact.toFixed(3)} (${worst.kind})`,
  );
