/**
 * Speed of ingest and text analysis on Multi-News, and what the clutter rules hit.
 *
 *   npx tsx bench/text-speed.ts ../shared/data/multi-news/validation.jsonl.gz [--limit N] [--hits] [--show CATEGORY]
 *
 * Prints examples/s for ingest (JSON parse + makeArticle: entities, clutter, page verdict), for
 * analyzeStory (splitting, clutter filter, tokens, stems) and for splitting alone, with sentences/s and peak
 * memory. `--hits` adds how often each clutter rule fired (and the standfirst rule) and which pages were
 * dropped; `--show` prints a sample of the sentences of one category (or `standfirst`, or `dropped`), to
 * look for false positives.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parseMultiNewsLine, type Example } from '../src/io/multinews.js';
import { analyzeStory } from '../src/core/text/analyze.js';
import { boilerplateCategory, removeBoilerplate } from '../src/core/text/boilerplate.js';
import { splitSentences } from '../src/core/text/sentences.js';
import { withoutRepeatedStandfirst } from '../src/core/text/standfirst.js';
import { normalizeWhitespace } from '../src/core/article.js';
import rules from '../src/core/text/boilerplate-rules.json' with { type: 'json' };

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!path) {
  process.stderr.write(
    'usage: tsx bench/text-speed.ts DATA.jsonl[.gz] [--limit N] [--hits] [--show CATEGORY]\n',
  );
  process.exit(2);
}
const limit = Number(flag('--limit') ?? Infinity);

async function readLines(file: string): Promise<string[]> {
  const raw = createReadStream(file);
  const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const lines: string[] = [];
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim()) lines.push(line);
    if (lines.length >= limit) break;
  }
  raw.destroy();
  return lines;
}

const lines = await readLines(path);
let peak = process.memoryUsage().rss;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));

let t = performance.now();
const examples: Example[] = lines.map((line, i) => parseMultiNewsLine(line, i + 1));
const ingestMs = performance.now() - t;
sample();

t = performance.now();
let sentences = 0;
for (const ex of examples) sentences += analyzeStory(ex.story).sentences.length;
const analyzeMs = performance.now() - t;
sample();

const texts = examples.flatMap((ex) => ex.story.articles.map((a) => a.text));
t = performance.now();
let split = 0;
for (const text of texts) split += splitSentences(text).length;
const splitMs = performance.now() - t;
sample();

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');
console.log(`${examples.length} examples, ${texts.length} articles kept, ${sentences} sentences offered`);
console.log(`ingest (parse + makeArticle):  ${rate(examples.length, ingestMs)} examples/s`);
console.log(
  `analyzeStory:                  ${rate(examples.length, analyzeMs)} examples/s, ${rate(texts.length, analyzeMs)} articles/s, ${rate(sentences, analyzeMs)} sentences/s`,
);
console.log(
  `splitSentences alone:          ${(splitMs / texts.length).toFixed(3)} ms/article, ${rate(split, splitMs)} sentences/s`,
);
console.log(
  `ingest + analysis:             ${rate(examples.length, ingestMs + analyzeMs)} examples/s; peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`,
);

if (args.includes('--hits') || flag('--show')) {
  // Untimed: run the rules once more on the raw documents and count what each one hits.
  const show = flag('--show');
  const strip = rules.strip.map((r) => ({ name: r.name, re: new RegExp(r.pattern, 'giu'), hits: 0 }));
  const perRule = rules.sentences.map((r) => ({ ...r, re: new RegExp(r.pattern, 'iu'), hits: 0 }));
  const perCategory = new Map<string, number>();
  const dropped = new Map<string, number>();
  const shown: string[] = [];
  let documents = 0;
  let raw = 0;
  let standfirsts = 0;
  let standfirstDocuments = 0;
  for (const line of lines) {
    const record = JSON.parse(line) as { documents?: unknown };
    if (!Array.isArray(record.documents)) continue;
    for (const doc of record.documents) {
      if (typeof doc !== 'string') continue;
      documents++;
      const text = normalizeWhitespace(doc);
      for (const r of strip) r.hits += text.match(r.re)?.length ?? 0;
      const before = standfirsts;
      withoutRepeatedStandfirst(text, (sentence) => {
        standfirsts++;
        if (show === 'standfirst' && shown.length < 60) shown.push(sentence.slice(0, 240));
      });
      if (standfirsts > before) standfirstDocuments++;
      const cleaned = removeBoilerplate(text);
      if (cleaned.dropped) {
        dropped.set(cleaned.dropped, (dropped.get(cleaned.dropped) ?? 0) + 1);
        if (show === 'dropped' && shown.length < 40) shown.push(text.slice(0, 300));
      }
      for (const s of splitSentences(cleaned.text || text)) {
        raw++;
        const category = boilerplateCategory(s.text);
        if (!category) continue;
        perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
        for (const r of perRule) if (r.re.test(s.text)) r.hits++;
        if (category === show && shown.length < 60) shown.push(s.text.slice(0, 240));
      }
    }
  }
  console.log(`\nclutter on ${documents} documents, ${raw} sentences before filtering`);
  console.log('pages dropped:');
  for (const [why, n] of [...dropped].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n).padStart(5)}  ${why}`);
  console.log('sentences dropped, by category:');
  for (const [c, n] of [...perCategory].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n).padStart(5)}  ${c}`);
  console.log('phrases stripped:');
  for (const r of strip) console.log(`  ${String(r.hits).padStart(5)}  ${r.name}`);
  console.log(`standfirsts repeated by the body: ${standfirsts} in ${standfirstDocuments} documents`);
  console.log('sentence rules (a sentence can hit several):');
  for (const r of perRule)
    console.log(`  ${String(r.hits).padStart(5)}  ${r.category.padEnd(9)} ${r.pattern.slice(0, 90)}`);
  if (shown.length) console.log(`\nsample (${show}):\n${shown.map((s) => `  | ${s}`).join('\n')}`);
}
