/**
 * Page extraction against the article-extraction benchmark's true bodies, with its metric
 * (`src/eval/extraction-score.ts`), beside the published extractors' outputs on the same pages:
 *
 *   npx tsx bench/extract.ts ../shared/data/article-extraction [--pages] [--json]
 *
 * The folder holds `ground-truth.json`, `html/KEY.html.gz` and `output/NAME.json`. Chorus reads each
 * page as `chorus extract` does (bytes decoded, the page's article text after clean-up). Mozilla's Readability
 * (readability.js) is also run here on the same pages, since the folder's own readability.js outputs are
 * empty. `--pages` lists every page, worst first, with readability.js's recall beside Chorus's.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { decodeBytes } from '../src/io/decode.js';
import { parseDocument } from '../src/io/dom.js';
import { readBytes } from '../src/io/read-bytes.js';
import {
  extractionScore,
  matchPage,
  pagePrecision,
  pageRecall,
  type PageMatch,
} from '../src/eval/extraction-score.js';

type Bodies = Record<string, { articleBody?: string; url?: string }>;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { pages: { type: 'boolean' }, json: { type: 'boolean' } },
});
const root = positionals[0];
if (!root) {
  console.error('usage: bench/extract.ts ARTICLE_EXTRACTION_DIR [--pages] [--json]');
  process.exit(2);
}
const truth = JSON.parse(await readFile(join(root, 'ground-truth.json'), 'utf8')) as Bodies;
const keys = Object.keys(truth).sort();

const started = performance.now();
const ours: Record<string, string> = {};
for (const key of keys) {
  const bytes = gunzipSync(await readFile(join(root, 'html', `${key}.html.gz`)));
  try {
    ours[key] = readBytes(bytes, { fileName: `${key}.html` })
      .articles.map((a) => a.text)
      .join('\n\n');
  } catch {
    ours[key] = '';
  }
}
const seconds = (performance.now() - started) / 1000;

/** Mozilla's Readability alone, as readability.js runs it, for the "keeps the body" comparison. */
function readabilityAlone(html: string): string {
  try {
    const document = parseDocument(html);
    const article = new Readability(
      document as unknown as ConstructorParameters<typeof Readability>[0],
    ).parse();
    return article?.textContent ?? '';
  } catch {
    return '';
  }
}
const plainReadability: Record<string, string> = {};
for (const key of keys) {
  const bytes = gunzipSync(await readFile(join(root, 'html', `${key}.html.gz`)));
  plainReadability[key] = readabilityAlone(decodeBytes(bytes).text);
}

const scoreOf = (bodies: Bodies | Record<string, string>) =>
  keys.map((k) => {
    const b = bodies[k];
    return matchPage(truth[k]?.articleBody ?? '', typeof b === 'string' ? b : (b?.articleBody ?? ''));
  });
const rows: { name: string; matches: PageMatch[] }[] = [{ name: 'chorus', matches: scoreOf(ours) }];
rows.push({ name: 'readability.js (run here)', matches: scoreOf(plainReadability) });
const empty: string[] = [];
for (const file of (await readdir(join(root, 'output'))).filter((f) => f.endsWith('.json')).sort()) {
  const bodies = JSON.parse(await readFile(join(root, 'output', file), 'utf8')) as Bodies;
  const name = file.replace(/\.json$/, '');
  if (keys.some((k) => k in bodies)) rows.push({ name, matches: scoreOf(bodies) });
  else empty.push(name);
}
const table = rows.map((r) => ({ name: r.name, ...extractionScore(r.matches) })).sort((a, b) => b.f1 - a.f1);
const chorus = rows[0]!.matches;
const reference = rows[1]!.matches;
const losses = keys
  .map((key, i) => ({
    key,
    url: truth[key]?.url ?? '',
    recall: pageRecall(chorus[i]!),
    precision: pagePrecision(chorus[i]!),
    readabilityRecall: reference ? pageRecall(reference[i]!) : NaN,
  }))
  .filter((p) => values.pages || p.recall < 0.5)
  .sort((a, b) => a.recall + a.precision - b.recall - b.precision);
const lostWhereReadabilityKeeps = losses.filter((p) => p.recall < 0.5 && p.readabilityRecall >= 0.5).length;

if (values.json) {
  console.log(JSON.stringify({ pages: keys.length, seconds, table, losses }, null, 2));
} else {
  console.log(`${keys.length} pages; chorus read them in ${seconds.toFixed(1)} s`);
  console.log('extractor                  F1      precision  recall  accuracy');
  for (const r of table)
    console.log(
      `${r.name.padEnd(26)} ${r.f1.toFixed(4)}  ${r.precision.toFixed(4)}     ${r.recall.toFixed(4)}  ${r.accuracy.toFixed(3)}`,
    );
  if (empty.length) console.log(`(no outputs on these pages in: ${empty.join(', ')})`);
  console.log(
    `chorus keeps less than half the body on ${losses.filter((p) => p.recall < 0.5).length} pages, ${lostWhereReadabilityKeeps} of them` +
      ' where readability.js keeps at least half',
  );
  if (values.pages)
    for (const p of losses)
      console.log(
        `  R ${p.recall.toFixed(2)} P ${p.precision.toFixed(2)} (readability.js R ${p.readabilityRecall.toFixed(2)}) ${p.key.slice(0, 12)} ${p.url}`,
      );
}
