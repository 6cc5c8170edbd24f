/**
 * Tunes the selection of `chorus` (length model, length filters, trigram blocking, flaw penalties) on
 * Multi-News — never on test. Ranks every story once with the model, then scores each setting:
 *
 *   npx tsx lab/summarize/tune-chorus.ts --data ../shared/data/multi-news/validation.jsonl.gz --limit 1500 \
 *       [--skip N] [--model FILE.json] [--cut-ends] [--grid base|small|length|full|stop|lengthPenalty|centrality|slack|flaws|rules|matched|redundancy]
 *
 * `--skip 15000` on the train split reads examples the scorer never trained on. Prints R-1/R-2/R-L/R-Lsum
 * F1, mean words and the readability lint (% unbalanced quotes / no final punctuation / dangling
 * openings) per setting, then the best R-1+R-2. Also prints how the reference length follows the input
 * length (the basis of the length model).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  CHORUS_PARAMS,
  chooseFromRanking,
  rankSentences,
  type ChorusParams,
  type Ranking,
} from '../../src/core/summarize/chorus.js';
import { lintSummary } from '../../src/core/summarize/readability.js';
import { checkModel, type SentenceModel } from '../../src/core/summarize/scorer.js';
import { buildSummary } from '../../src/core/summarize/summary.js';
import type { AnalyzedStory, Story } from '../../src/core/model.js';
import { prepareStory } from '../../src/core/prepare-story.js';
import { countWords } from '../../src/core/text/index.js';
import { rougeScores } from '../../src/eval/rouge.js';
import { readMultiNews } from '../../src/io/multinews.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    limit: { type: 'string', default: '1500' },
    skip: { type: 'string', default: '0' },
    model: { type: 'string', default: 'src/core/summarize/chorus-model.json' },
    grid: { type: 'string', default: 'small' },
    words: { type: 'string', default: '250' },
    'cut-ends': { type: 'boolean', default: false },
  },
});
if (!values.data) throw new Error('usage: tsx lab/summarize/tune-chorus.ts --data VALIDATION.jsonl.gz');
const model = checkModel(JSON.parse(readFileSync(values.model, 'utf8')) as SentenceModel);
const cap = Number(values.words);

/** The text up to its last sentence-final stop followed by a space or the end (with a closing mark). */
const UP_TO_LAST_STOP = /^[\s\S]*[.!?]["'”’)\]]?(?=\s|$)/;

/**
 * `--cut-ends`: each article cut after its last sentence-final stop. Multi-News stores articles cut off
 * mid-sentence; this asks how much of what readable selection costs comes from those ends.
 */
function cutEnds(story: Story): Story {
  return {
    ...story,
    articles: story.articles.map((a) => ({ ...a, text: UP_TO_LAST_STOP.exec(a.text)?.[0] ?? a.text })),
  };
}

interface Item {
  doc: AnalyzedStory;
  ranked: Ranking;
  reference: string;
  inputWords: number;
}
const items: Item[] = [];
const skip = Number(values.skip);
let seen = 0;
for await (const ex of readMultiNews(values.data, { limit: skip + Number(values.limit) })) {
  if (seen++ < skip) continue;
  const doc = prepareStory(values['cut-ends'] ? cutEnds(ex.story) : ex.story).forSummary;
  if (!ex.references[0]) continue;
  const inputWords = doc.sentences.reduce((n, s) => n + s.tokens.length, 0);
  items.push({ doc, ranked: rankSentences(doc, model), reference: ex.references[0], inputWords });
}

// How reference length follows input length: least squares ref = a + b·input.
{
  const xs = items.map((i) => i.inputWords);
  const ys = items.map((i) => countWords(i.reference));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, k) => {
    sxy += (x - mx) * (ys[k]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[k]! - my) ** 2;
  });
  const b = sxy / sxx;
  console.log(
    `${items.length} examples; reference words mean ${my.toFixed(1)}, input words mean ${mx.toFixed(1)}; ` +
      `ref ≈ ${(my - b * mx).toFixed(1)} + ${b.toFixed(3)}·input (r = ${(sxy / Math.sqrt(sxx * syy)).toFixed(3)})`,
  );
}

function evaluate(params: ChorusParams): {
  r1: number;
  r2: number;
  rl: number;
  rlsum: number;
  words: number;
  lint: [number, number, number];
} {
  let r1 = 0;
  let r2 = 0;
  let rl = 0;
  let rlsum = 0;
  let words = 0;
  const lint = { sentences: 0, quotes: 0, final: 0, dangling: 0 };
  for (const it of items) {
    const chosen = chooseFromRanking(it.doc, it.ranked, cap, params);
    // The same reading order, joining and lint as the summary and the evaluation harness.
    const summary = buildSummary('chorus', it.doc, chosen, { words: cap });
    const text = summary.sentences.map((s) => s.text).join('\n');
    const l = lintSummary(it.doc, summary);
    lint.sentences += l.sentences;
    lint.quotes += l.unbalancedQuotes;
    lint.final += l.noFinalPunctuation;
    lint.dangling += l.danglingOpenings;
    const s = rougeScores(text, it.reference);
    r1 += s.rouge1.f;
    r2 += s.rouge2.f;
    rl += s.rougeL.f;
    rlsum += s.rougeLsum.f;
    words += countWords(text);
  }
  const n = items.length / 100;
  const share = (k: number) => (100 * k) / Math.max(1, lint.sentences);
  return {
    r1: r1 / n,
    r2: r2 / n,
    rl: rl / n,
    rlsum: rlsum / n,
    words: words / items.length,
    lint: [share(lint.quotes), share(lint.final), share(lint.dangling)],
  };
}

const grids: Record<string, Partial<ChorusParams>[]> = {
  small: [{}, { targetBase: 230 }, { targetBase: 200 }, { targetBase: 260 }, { maxSharedTrigrams: 2 }],
  length: [150, 180, 200, 215, 230, 245, 1000].flatMap((base) =>
    [0, 0.1, 0.2].map((per) => ({ targetBase: base - per * 420, targetPerInputWord: per })),
  ),
  stop: [-1.5, -1, -0.75, -0.5, -0.25, 0].flatMap((stopBelow) =>
    [0, 120, 160, 200].map((floorWords) => ({ stopBelow, floorWords })),
  ),
  lengthPenalty: [-0.5, -0.25, 0, 0.25, 0.5, 1].map((lengthPenalty) => ({ lengthPenalty })),
  centrality: [0, 1, 3, 6].map((centralityWeight) => ({ centralityWeight })),
  // Readable selection: what each flaw costs in log-odds instead of ruling the sentence out.
  slack: [
    { readable: false },
    {},
    ...[
      [0.5, 0, -0.5],
      [0.5, 0.25, -0.5],
      [0.5, 0.25, -1],
      [0.75, 0.25, -0.75],
    ].map(([cutOff, dangling, floor]) => ({
      flawPenalties: { cutOff: cutOff!, unclosedQuote: 1, dangling: dangling!, floor: floor! },
    })),
  ],
  flaws: [
    { readable: false },
    {},
    ...[-Infinity, -1, -0.5, 0].flatMap((floor) =>
      [Infinity, 1, 0.5].flatMap((cutOff) =>
        [1, 0.5, 0].map((dangling) => ({
          flawPenalties: { cutOff, unclosedQuote: 1, dangling, floor },
        })),
      ),
    ),
  ],
  base: [{ readable: false }, {}],
  // Scorers compared at matched lint: every scorer lets flaws in at its own rate under one setting.
  matched: [0.5, 0.75, 1].flatMap((cutOff) =>
    [0.25, 0.35, 0.5].flatMap((dangling) =>
      [-0.5, -0.25].map((floor) => ({ flawPenalties: { cutOff, unclosedQuote: 1, dangling, floor } })),
    ),
  ),
  redundancy: [
    {},
    ...[2, 3, 5, 6].map((maxSharedTrigrams) => ({ maxSharedTrigrams })),
    ...[0.45, 0.55, 1].map((sameFactCosine) => ({ sameFactCosine })),
  ],
  // What each readability rule costs: the shipped setting, then one flaw (or all) let in freely.
  rules: [
    {},
    ...[
      { dangling: 0 },
      { dangling: 0, floor: -Infinity },
      { cutOff: 0, floor: -Infinity },
      { unclosedQuote: 0 },
      { subheading: 0 },
      { cutOff: 0, unclosedQuote: 0, dangling: 0, subheading: 0, floor: -Infinity },
    ].map((f) => ({ flawPenalties: { ...CHORUS_PARAMS.flawPenalties, ...f } })),
    { minWords: 4 },
    { minWords: 1 },
    { maxWords: 1000 },
  ],
  full: [4, 6, 8, 10].flatMap((minWords) =>
    [50, 80].flatMap((maxWords) =>
      [1, 3, 6, 1000].map((t) => ({ minWords, maxWords, maxSharedTrigrams: t })),
    ),
  ),
};
const results: [string, ReturnType<typeof evaluate>][] = [];
for (const change of grids[values.grid] ?? []) {
  const params = { ...CHORUS_PARAMS, ...change };
  const r = evaluate(params);
  // Infinity would print as null.
  const label = JSON.stringify(change, (_, v: unknown) => (v === Infinity ? 'Inf' : v));
  results.push([label, r]);
  console.log(
    `${label.padEnd(60)} R-1 ${r.r1.toFixed(2)}  R-2 ${r.r2.toFixed(2)}  R-L ${r.rl.toFixed(2)}  R-Lsum ${r.rlsum.toFixed(2)}  words ${r.words.toFixed(1)}  lint ${r.lint.map((x) => x.toFixed(2)).join(' / ')}`,
  );
}
results.sort((a, b) => b[1].r1 + b[1].r2 - (a[1].r1 + a[1].r2));
console.log(`best: ${results[0]?.[0]}`);
