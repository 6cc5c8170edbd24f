/**
 * What each stage's own reading of a sentence costs per report: the stages that split a sentence into
 * words (the analysis, the NER tagger, capitalised runs, figures, pair sides) each do it their own way,
 * and this asks how much one shared reading could save before building it.
 *
 *   npx tsx bench/sentence-readings.ts /work/shared/data/multi-news/validation.jsonl.gz [--limit 600] [--passes 9]
 *
 * Every sentence of the first `--limit` stories (as a report sees them: `prepareStory`) goes through
 * each reading in turn, `--passes` times; the first pass is the warm-up (the JIT and the per-word memos
 * are then filled, so new words cost nothing here: bench/report-cpu.ts measures whole reports). Prints
 * the median CPU ms per report of each reading, and how many sentences are plain ASCII (the fast paths
 * of several readers).
 */
import { parseArgs } from 'node:util';
import { capitalizedRuns } from '../src/core/entities/capitalized-runs.js';
import { tagText } from '../src/core/entities/ner/tag.js';
import { tokenizeNer } from '../src/core/entities/ner/tokenize.js';
import { findFigures } from '../src/core/compare/find-figures.js';
import { pairSide } from '../src/core/match/features.js';
import type { Sentence } from '../src/core/model.js';
import { prepareStory } from '../src/core/prepare-story.js';
import { wordForms } from '../src/core/text/analyze.js';
import { tokenize } from '../src/core/text/tokens.js';
import { readMultiNews } from '../src/io/multinews.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string', default: '600' }, passes: { type: 'string', default: '9' } },
});
const path = positionals[0];
if (!path) {
  console.error('usage: npx tsx bench/sentence-readings.ts DATA_PATH [--limit N] [--passes N]');
  process.exit(2);
}

const sentences: Sentence[] = [];
let stories = 0;
for await (const { story } of readMultiNews(path, { limit: Number(values.limit) })) {
  const articles = story.articles.filter((a) => a.text.length > 0);
  if (articles.length === 0) continue;
  stories++;
  sentences.push(...prepareStory({ ...story, articles }).analyzed.sentences);
}

const readings: [string, (s: Sentence) => unknown][] = [
  ['tokenize (analysis)', (s) => tokenize(s.text)],
  ['wordForms (analysis: tokens, stems)', (s) => wordForms(s.text)],
  ['tokenizeNer (tagger)', (s) => tokenizeNer(s.text)],
  ['tagText (tagger, whole)', (s) => tagText(s.text)],
  ['capitalizedRuns (entities)', (s) => capitalizedRuns(s.text)],
  ['findFigures (figures, whole)', (s) => findFigures(s.text)],
  ['pairSide (match, every sentence)', (s) => pairSide(s)],
];

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const times = new Map<string, number[]>(readings.map(([name]) => [name, []]));
for (let pass = 0; pass < Number(values.passes); pass++)
  for (const [name, read] of readings) {
    const c = cpuNow();
    for (const s of sentences) read(s);
    if (pass > 0) times.get(name)!.push(cpuNow() - c);
  }

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const isAscii = (text: string) => [...text].every((c) => c.charCodeAt(0) < 128);
const ascii = sentences.filter((s) => isAscii(s.text)).length;
console.log(
  `${stories} stories, ${sentences.length} sentences (${((100 * ascii) / sentences.length).toFixed(1)} % ASCII); ` +
    `CPU ms per report, median of ${Number(values.passes) - 1} passes after one of warm-up:`,
);
for (const [name, ms] of times) console.log(`  ${name.padEnd(36)} ${(median(ms) / stories).toFixed(3)}`);
