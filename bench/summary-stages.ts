/**
 * CPU time of the `chorus` summary's stages and of the comparison, per report, for comparing checkouts
 * in one process where the whole-report bench (report-cpu.ts) cannot see a change of a few per cent:
 *
 *   npx tsx bench/summary-stages.ts /work/shared/data/multi-news/validation.jsonl.gz [--limit 500] \
 *     [--passes 5] [--root /tmp/main-export --root .]
 *
 * Each pass prepares every story afresh with each checkout (`prepareStory`, not timed), so the memos
 * kept on sentence records (pair sides, pair scores, stem sets) start empty as in a report, then times
 * the stages in a report's order: the sentence features (with the stem vectors), the scorer, the choice,
 * the summary's citations (`buildSummary`) and the comparison of the sources (which reuses the pair
 * sides and scores the citations left). The first pass is a warm-up; the checkouts take turns, the
 * order rotating from pass to pass. Prints per checkout and stage the best and the median ms per
 * report, the ratio of the bests to the first checkout, and a SHA-256 of the summaries and
 * comparisons: equal hashes, the same output.
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readMultiNews } from '../src/io/multinews.js';
import type { AnalyzedStory, Article, Story } from '../src/core/model.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    limit: { type: 'string', default: '500' },
    passes: { type: 'string', default: '5' },
    root: { type: 'string', multiple: true },
    words: { type: 'string', default: '250' },
  },
});
const path = positionals[0];
if (!path) {
  console.error('usage: npx tsx bench/summary-stages.ts DATA_PATH [--limit N] [--passes N] [--root DIR]…');
  process.exit(2);
}

interface Stages {
  prepareStory: (s: Story) => { story: Story; analyzed: AnalyzedStory; forSummary: AnalyzedStory };
  sentenceFeatures: (d: AnalyzedStory) => Float64Array[];
  scoreRows: (m: unknown, rows: readonly Float64Array[]) => Float64Array;
  rankSentences: (d: AnalyzedStory, m: unknown) => unknown;
  chooseFromRanking: (d: AnalyzedStory, r: unknown, words: number, p: unknown) => number[];
  CHORUS_PARAMS: unknown;
  buildSummary: (
    method: string,
    d: AnalyzedStory,
    chosen: readonly number[],
    o: { words: number },
  ) => unknown;
  findDuplicates: (a: readonly Article[]) => unknown[];
  compareSources: (d: AnalyzedStory, o: { duplicates: unknown[] }) => unknown;
  model: unknown;
}

async function load(root: string): Promise<Stages> {
  const from = async (file: string) =>
    (await import(pathToFileURL(resolve(root, file)).href)) as Record<string, unknown>;
  const modelFile = await from('src/core/summarize/chorus-model.json');
  return {
    ...(await from('src/core/prepare-story.ts')),
    ...(await from('src/core/summarize/features.ts')),
    ...(await from('src/core/summarize/scorer.ts')),
    ...(await from('src/core/summarize/chorus.ts')),
    ...(await from('src/core/summarize/summary.ts')),
    ...(await from('src/core/dedupe/index.ts')),
    ...(await from('src/core/compare/index.ts')),
    model: modelFile.default,
  } as unknown as Stages;
}

const STAGES = ['features', 'scorer', 'choice', 'citations', 'comparison'] as const;
const roots = (values.root ?? ['.']).map((r) => resolve(r));
const checkouts: Stages[] = [];
for (const root of roots) checkouts.push(await load(root));

const stories: Story[] = [];
for await (const { story } of readMultiNews(path, { limit: Number(values.limit) })) {
  const articles = story.articles.filter((a) => a.text.length > 0);
  if (articles.length > 0) stories.push({ ...story, articles });
}

const words = Number(values.words);
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One pass of checkout `c` over every story: ms per stage (summed), and the outputs' hash. */
function pass(c: Stages): { ms: number[]; hash: string } {
  const ms = STAGES.map(() => 0);
  const h = createHash('sha256');
  for (const story of stories) {
    const { story: kept, analyzed, forSummary } = c.prepareStory(story);
    const duplicates = c.findDuplicates(kept.articles);
    let t = cpuNow();
    const lap = (k: number) => {
      const now = cpuNow();
      ms[k]! += now - t;
      t = now;
    };
    // The features with the stem vectors they read (the default argument): so called, every checkout
    // times the same work whatever the second argument's type.
    const rows = c.sentenceFeatures(forSummary);
    lap(0);
    c.scoreRows(c.model, rows);
    lap(1);
    // The choice from the ranking as `chorus` makes it (the ranking repeats the three stages above).
    const ranking = c.rankSentences(forSummary, c.model);
    t = cpuNow();
    const chosen = c.chooseFromRanking(forSummary, ranking, words, c.CHORUS_PARAMS);
    lap(2);
    const summary = c.buildSummary('chorus', forSummary, chosen, { words });
    lap(3);
    const comparison = c.compareSources(analyzed, { duplicates });
    lap(4);
    h.update(JSON.stringify(summary));
    h.update(JSON.stringify(comparison));
  }
  return { ms: ms.map((m) => m / stories.length), hash: h.digest('hex').slice(0, 12) };
}

const passes = Number(values.passes);
const times = checkouts.map(() => STAGES.map(() => [] as number[]));
const hashes = checkouts.map(() => new Set<string>());
const load0 = loadavg()[0]!;
for (let p = 0; p <= passes; p++)
  for (let k = 0; k < checkouts.length; k++) {
    const r = (p + k) % checkouts.length;
    const { ms, hash } = pass(checkouts[r]!);
    hashes[r]!.add(hash);
    if (p > 0) ms.forEach((m, s) => times[r]![s]!.push(m));
  }
const load1 = loadavg()[0]!;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(
  `${stories.length} stories, load ${load0.toFixed(1)} → ${load1.toFixed(1)}; ms per report, best (median) of ${passes} passes:`,
);
console.log(['stage', ...roots].join('\t'));
for (let s = 0; s <= STAGES.length; s++) {
  const of = (r: number) =>
    s < STAGES.length
      ? times[r]![s]!
      : times[r]![0]!.map((_, p) => times[r]!.reduce((t, st) => t + st[p]!, 0));
  const best0 = Math.min(...of(0));
  const cells = roots.map((_, r) => {
    const best = Math.min(...of(r));
    const ratio = r === 0 ? '' : ` ×${(best / best0).toFixed(3)}`;
    return `${best.toFixed(3)} (${median(of(r)).toFixed(3)})${ratio}`;
  });
  console.log([s < STAGES.length ? STAGES[s] : 'all', ...cells].join('\t'));
}
console.log(['hash', ...hashes.map((h) => [...h].join('/'))].join('\t'));
