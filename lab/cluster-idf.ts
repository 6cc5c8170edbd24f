/**
 * Builds the prior document-frequency table of the `chorus` clusterer (`src/core/cluster/cluster-idf.json`)
 * from Multi-News train: the terms of every article (as `articleTerms` makes them), counted once per
 * article, kept when at least `--min-df` articles contain them. Rarer terms are left out: for the
 * clusterer they are rare either way, and the table stays small. Only counts are stored, no text.
 *
 *   npx tsx lab/cluster-idf.ts /work/shared/data/multi-news/train.jsonl.gz [--min-df 20] [--out PATH]
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { articleTerms } from '../src/core/cluster/features.js';
import { readMultiNews } from '../src/io/multinews.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'min-df': { type: 'string', default: '20' },
    out: { type: 'string', default: 'src/core/cluster/cluster-idf.json' },
  },
});
const path = positionals[0];
if (!path) {
  process.stderr.write('usage: npx tsx lab/cluster-idf.ts TRAIN_PATH [--min-df N] [--out PATH]\n');
  process.exit(2);
}
const df = new Map<string, number>();
let documents = 0;
for await (const ex of readMultiNews(path)) {
  for (const article of ex.story.articles) {
    documents++;
    for (const term of articleTerms(article).counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
}
const minDf = Number(values['min-df']);
const kept = [...df].filter(([, n]) => n >= minDf).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const table = {
  about: `Document frequencies of clustering terms over ${documents} Multi-News train articles (terms in at least ${minDf}); built by lab/cluster-idf.ts`,
  documents,
  df: Object.fromEntries(kept),
};
await writeFile(values.out, JSON.stringify(table) + '\n');
console.log(`${documents} articles, ${df.size} terms, ${kept.length} kept in ${values.out}`);
