/**
 * Learns how likely each content stem of the input is to be said in the summary too, P(stem in the
 * reference | stem in the articles), from Multi-News training examples, and writes it for the `chorus`
 * features (`src/core/summarize/word-prior.json`). After Hong and Nenkova, "Improving the estimation of
 * word importance for news multi-document summarization", EACL 2014: some words are summary words
 * whatever the story ("killed", "charged", "announced"), others rarely are ("click", "photo", "via").
 *
 *   npx tsx lab/summarize/word-prior.ts --data ../shared/data/multi-news/train.jsonl.gz [--skip 15000] [--min 30]
 *
 * `--skip N` leaves out the first N examples, so a model trained on those (`npm run train -- --limit N`)
 * never sees a prior fitted on its own references.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyzeStory, wordForms } from '../../src/core/text/index.js';
import { readMultiNews } from '../../src/io/multinews.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    skip: { type: 'string', default: '15000' },
    min: { type: 'string', default: '30' },
    out: { type: 'string', default: 'src/core/summarize/word-prior.json' },
  },
});
if (!values.data) {
  process.stderr.write(
    'usage: npx tsx lab/summarize/word-prior.ts --data PATH/train.jsonl.gz [--skip N] [--min N]\n',
  );
  process.exit(2);
}
const skip = Number(values.skip);
const minCount = Number(values.min);
const inInput = new Map<string, number>();
const inBoth = new Map<string, number>();
let seen = 0;
let used = 0;
let pairs = 0;
let hits = 0;
for await (const ex of readMultiNews(values.data)) {
  if (seen++ < skip || ex.references.length === 0) continue;
  const doc = analyzeStory(ex.story);
  const input = new Set<string>();
  // Stems from `analyzeStory` and `wordForms` already count British spellings as American ones.
  for (const s of doc.sentences) for (const st of s.stems) input.add(st);
  const summary = new Set(ex.references.flatMap((r) => wordForms(r).stems));
  for (const st of input) {
    inInput.set(st, (inInput.get(st) ?? 0) + 1);
    pairs++;
    if (summary.has(st)) {
      inBoth.set(st, (inBoth.get(st) ?? 0) + 1);
      hits++;
    }
  }
  if (++used % 5000 === 0) process.stderr.write(`${used} examples\n`);
}
// Smoothed toward the rate over all stems, worth SMOOTHING observations.
const SMOOTHING = 10;
const base = hits / pairs;
const prior: Record<string, number> = {};
for (const [st, n] of [...inInput].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (n < minCount) continue;
  prior[st] = Math.round((((inBoth.get(st) ?? 0) + SMOOTHING * base) / (n + SMOOTHING)) * 1000) / 1000;
}
const file = {
  trainedOn: `Multi-News train examples ${skip + 1}–${seen} (${used} with references), stems in ≥ ${minCount} inputs`,
  base: Math.round(base * 1000) / 1000,
  prior,
};
writeFileSync(values.out, JSON.stringify(file) + '\n');
process.stderr.write(`${Object.keys(prior).length} stems, base rate ${base.toFixed(3)} → ${values.out}\n`);
