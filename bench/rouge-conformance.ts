/**
 * Conformance of our ROUGE pieces against independent references. Takes data paths, prints agreement.
 *
 *   npx tsx bench/rouge-conformance.ts --stems ../shared/data/rouge-score-testdata/nltk-porter-stems.tsv
 *
 *   npx tsx bench/rouge-conformance.ts --tac ../shared/data/tac2011-multiling-english
 *
 * `--stems PATH`: a TSV `word  nltk_default  original_algorithm`; prints how many of our stems equal
 * NLTK's default-mode column (the stemmer rouge-score uses).
 *
 * `--tac PATH`: the TAC 2011 MultiLing English folder. Rescores its 100 peer summaries (10 systems × 10
 * topics) against the 3 model summaries with our `rouge155` (the official run used ROUGE-1.5.5
 * `-n 2 -f A`, no stemming, no stop-word removal, no length limit) and prints the mean and largest
 * absolute difference from the published per-summary ROUGE-1/ROUGE-2 R, P and F (given to 5 decimals).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { porterStem } from '../src/core/text/stem.js';
import { readTacModels, tacDatasetRoot } from '../src/eval/datasets/tac2011.js';
import { rouge155 } from '../src/eval/rouge.js';

function checkStems(path: string): void {
  const rows = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  let agree = 0;
  let modesDiffer = 0;
  const wrong: string[] = [];
  for (const row of rows) {
    const [word = '', nltk = '', original = ''] = row.split('\t');
    if (nltk !== original) modesDiffer++;
    const ours = porterStem(word);
    if (ours === nltk) agree++;
    else wrong.push(`${word}: ours ${ours}, nltk ${nltk}`);
  }
  const pct = ((100 * agree) / Math.max(rows.length, 1)).toFixed(3);
  console.log(`stems: ${agree}/${rows.length} agree with NLTK default mode (${pct} %)`);
  console.log(`stems: the NLTK and original-algorithm columns differ on ${modesDiffer} words`);
  for (const w of wrong.slice(0, 20)) console.log(`  ${w}`);
}

/**
 * The published file numbers its evaluations "Eval 1" … "Eval 10" without naming the topics. Each
 * number matches exactly one topic (found by scoring every peer against every topic: the right topic
 * agrees to the last printed digit, every other one is off by ≥ 0.03 R-1 on average), giving this order.
 */
const EVAL_TOPICS = ['M002', 'M003', 'M001', 'M000', 'M007', 'M005', 'M004', 'M006', 'M008', 'M009'];
const OFFICIAL = 'PublishedEvaluation/AutomaticEvaluation/ROUGE/Detailed/englishDetailed.txt';
const LINE = /^(ID\d+) ROUGE-([12]) Eval (\d+)\.ID\d+ R:([\d.]+) P:([\d.]+) F:([\d.]+)/gm;

async function checkTac(root: string): Promise<void> {
  const dataset = await tacDatasetRoot(root);
  const official = await readFile(join(dataset, OFFICIAL), 'utf8');
  const models = new Map<string, string[]>();
  const diffs: Record<string, number[]> = {};
  const sameDigits: Record<string, number> = {};
  let worst = { diff: 0, what: '' };
  for (const [, system = '', n = '', evalNumber = '', ...published] of official.matchAll(LINE)) {
    const topic = EVAL_TOPICS[Number(evalNumber) - 1] ?? '';
    if (!models.has(topic)) models.set(topic, await readTacModels(dataset, topic));
    const peer = await readFile(join(dataset, 'correctedSubmissions', system, 'English', topic), 'utf8');
    const ours = rouge155(peer, models.get(topic) ?? [])[n === '1' ? 'rouge1' : 'rouge2'];
    [ours.recall, ours.precision, ours.f].forEach((value, i) => {
      const key = `ROUGE-${n} ${'RPF'[i]}`;
      const diff = Math.abs(value - Number(published[i]));
      (diffs[key] ??= []).push(diff);
      if (value.toFixed(5) === published[i]) sameDigits[key] = (sameDigits[key] ?? 0) + 1;
      if (diff > worst.diff)
        worst = {
          diff,
          what: `${system} ${topic} ${key}: ours ${value.toFixed(5)}, published ${published[i]}`,
        };
    });
  }
  for (const [key, list] of Object.entries(diffs)) {
    const mean = list.reduce((a, b) => a + b, 0) / list.length;
    console.log(
      `tac: ${key}: ${list.length} summaries, mean |ours − ROUGE-1.5.5| = ${mean.toExponential(2)}, ` +
        `same 5 printed decimals on ${sameDigits[key] ?? 0}`,
    );
  }
  console.log(`tac: largest difference ${worst.diff.toExponential(2)} (${worst.what})`);
  console.log(
    'tac: published values have 5 decimals, so differences up to 5e-6 are rounding; the published F' +
      ' was computed from the already rounded R and P, hence its slightly larger differences',
  );
}

const { values } = parseArgs({ options: { stems: { type: 'string' }, tac: { type: 'string' } } });
if (!values.stems && !values.tac) {
  console.error('usage: bench/rouge-conformance.ts [--stems nltk-porter-stems.tsv] [--tac TAC2011_DIR]');
  process.exitCode = 2;
}
if (values.stems) checkStems(values.stems);
if (values.tac) await checkTac(values.tac);
