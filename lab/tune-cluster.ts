/**
 * Tunes the chorus clusterer's options on dated streams by grid search: every combination of the given
 * values is run over each stream and scored with BCubed F1; the table is printed best first.
 *
 *   npx tsx lab/tune-cluster.ts STREAM… [--grid key=v1,v2,…]… [--set key=value]… [--examples N]
 *                               [--seed S] [--limit N] [--top K]
 *
 * A STREAM is `train.jsonl.gz:train.dates.tsv` (a dated train stream of N examples drawn with the seed,
 * built as SOURCE.md builds the validation stream: `datedMultiNewsStream`) or a labelled stream file
 * (`uci-news/stream-*.jsonl.gz`, first `--limit` records). Tune on train streams; check on validation.
 */
import { parseArgs } from 'node:util';
import { runClustering, type LabelledArticle } from '../src/eval/cluster-eval.js';
import { datedMultiNewsStream, labelledStream } from '../src/eval/cluster-streams.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    grid: { type: 'string', multiple: true },
    set: { type: 'string', multiple: true },
    examples: { type: 'string', default: '5622' },
    seed: { type: 'string', default: '7' },
    limit: { type: 'string' },
    top: { type: 'string', default: '20' },
    method: { type: 'string', default: 'chorus' },
  },
});

/** `key=a,b,c` pairs → every combination, as option objects. */
export function grid(specs: readonly string[]): Record<string, number>[] {
  let out: Record<string, number>[] = [{}];
  for (const spec of specs) {
    const [key, list] = spec.split('=');
    if (!key || !list) throw new Error(`expected key=v1,v2 in --grid, found "${spec}"`);
    out = out.flatMap((o) => list.split(',').map((v) => ({ ...o, [key]: Number(v) })));
  }
  return out;
}

async function load(spec: string): Promise<LabelledArticle[]> {
  const [data, dates] = spec.split(':');
  if (data && dates) return datedMultiNewsStream(data, dates, Number(values.examples), Number(values.seed));
  return labelledStream(spec, values.limit === undefined ? Infinity : Number(values.limit));
}

if (positionals.length === 0) {
  process.stderr.write('usage: npx tsx lab/tune-cluster.ts STREAM… [--grid key=v1,v2]… [--set key=v]…\n');
  process.exit(2);
}
const base = grid(values.set ?? [])[0] ?? {};
const streams = await Promise.all(positionals.map(load));
const results: { options: Record<string, number>; f1: number[]; p: number[]; r: number[] }[] = [];
for (const options of grid(values.grid ?? [])) {
  const runs = streams.map(
    (s) => runClustering(s, values.method ?? 'chorus', { ...base, ...options }).scores,
  );
  results.push({
    options,
    f1: runs.map((s) => s.bcubed.f1),
    p: runs.map((s) => s.bcubed.precision),
    r: runs.map((s) => s.bcubed.recall),
  });
  process.stderr.write(`${JSON.stringify(options)} ${runs.map((s) => s.bcubed.f1.toFixed(4)).join(' ')}\n`);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
results.sort((a, b) => mean(b.f1) - mean(a.f1));
console.log(`streams: ${positionals.join(' ')}  base: ${JSON.stringify(base)}`);
for (const r of results.slice(0, Number(values.top)))
  console.log(
    `F1 ${mean(r.f1).toFixed(4)} [${r.f1.map((x, i) => `${x.toFixed(4)} P${r.p[i]?.toFixed(3)} R${r.r[i]?.toFixed(3)}`).join('; ')}] ${JSON.stringify(r.options)}`,
  );
