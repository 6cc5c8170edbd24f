/**
 * Conformance of our ROUGE pieces against independent references. Takes data paths, prints agreement.
 *
 *   npx tsx bench/rouge-conformance.ts --stems ../shared/data/rouge-score-testdata/nltk-porter-stems.tsv
 *
 *   npx tsx bench/rouge-conformance.ts --tac ../shared/data/tac2011-multiling-english
 *
 *   npx tsx bench/rouge-conformance.ts --perl /work/shared/tools/rouge-1.5.5 \
 *     --duc ../shared/data/duc2003 --tac ../shared/data/tac2011-multiling-english
 *
 * `--perl DIR` (a folder holding `ROUGE-1.5.5.tgz` or the unpacked `RELEASE-1.5.5/`), with `--duc` and/or
 * `--tac`: runs the original Perl ROUGE-1.5.5 (`-n 2 -x -m -l WORDS -d -z SPL`) and our `rouge155` on the
 * same peer and model files and prints, per setting, how many topic scores agree and the largest
 * difference. DUC 2003 (`-l 100`): per topic the lead and chorus summaries, a 200-word lead (longer than
 * the limit) and each human summary against the other three, with the model files as distributed. TAC
 * 2011: the 100 submitted summaries, without a limit and with `-m -l 250`. The script needs the Perl
 * modules XML::DOM (only to parse XML settings, stubbed here when missing, as `-z SPL` never calls it)
 * and DB_File.
 *
 * `--stems PATH`: a TSV `word  nltk_default  original_algorithm`; prints how many of our stems equal
 * NLTK's default-mode column (the stemmer rouge-score uses).
 *
 * `--tac PATH`: the TAC 2011 MultiLing English folder. Rescores its 100 peer summaries (10 systems × 10
 * topics) against the 3 model summaries with our `rouge155` (the official run used ROUGE-1.5.5
 * `-n 2 -f A`, no stemming, no stop-word removal, no length limit) and prints the mean and largest
 * absolute difference from the published per-summary ROUGE-1/ROUGE-2 R, P and F (given to 5 decimals).
 */
import { readFileSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getSummarizer } from '../src/core/summarize/registry.js';
import { analyzeStory } from '../src/core/text/index.js';
import { porterStem } from '../src/core/text/stem.js';
import { readDuc2003 } from '../src/eval/datasets/duc2003.js';
import { readTacModels, tacDatasetRoot } from '../src/eval/datasets/tac2011.js';
import { rouge155, type Rouge155Options } from '../src/eval/rouge.js';
import { runPerlRouge, unpackRouge, workFolder, type PerlEval } from './rouge-perl.js';

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

interface NamedEval extends PerlEval {
  readonly name: string;
}

/** Our `rouge155` against the Perl script on `evals`, with the Perl `flags` and our matching options. */
function comparePerl(
  label: string,
  rougeDir: string,
  work: string,
  evals: readonly NamedEval[],
  flags: readonly string[],
  options: Rouge155Options,
): void {
  const perl = runPerlRouge(rougeDir, work, evals, flags);
  let worst = { diff: 0, what: '' };
  let agree = 0;
  let values = 0;
  evals.forEach((e, i) => {
    const ours = rouge155(e.peer, e.models, options);
    for (const n of ['rouge1', 'rouge2'] as const) {
      const theirs = perl[i]?.[n] ?? { r: NaN, p: NaN, f: NaN };
      const pairs: [string, number, number][] = [
        ['R', ours[n].recall, theirs.r],
        ['P', ours[n].precision, theirs.p],
        ['F', ours[n].f, theirs.f],
      ];
      for (const [what, a, b] of pairs) {
        values++;
        const diff = Math.abs(a - b);
        // Perl prints 5 decimals and computes F from the printed R and P.
        if (diff <= (what === 'F' ? 2e-5 : 6e-6)) agree++;
        if (!(diff <= worst.diff))
          worst = { diff, what: `${e.name} ${n} ${what}: ours ${a.toFixed(5)}, Perl ${b.toFixed(5)}` };
      }
    }
  });
  console.log(
    `${label} [${flags.join(' ')}]: ${evals.length} peer summaries, ${agree}/${values} R/P/F values equal` +
      ` to the Perl script's 5 decimals; largest difference ${worst.diff.toExponential(2)}` +
      (worst.diff > 5e-6 ? ` (${worst.what})` : ''),
  );
}

async function ducEvals(root: string): Promise<NamedEval[]> {
  const evals: NamedEval[] = [];
  const methods = [
    ['lead', 100],
    ['chorus', 100],
    ['lead', 200],
  ] as const;
  for (const example of await readDuc2003(root)) {
    const models = example.rawReferences ?? example.references;
    const doc = analyzeStory(example.story);
    for (const [method, words] of methods) {
      const summary = getSummarizer(method).summarize(doc, { words });
      const peer = summary.sentences.map((s) => s.text).join('\n');
      evals.push({ name: `${example.id} ${method}-${words}`, peer, models });
    }
    models.forEach((model, i) =>
      evals.push({
        name: `${example.id} model ${i + 1}`,
        peer: model,
        models: models.filter((_, j) => j !== i),
      }),
    );
  }
  return evals;
}

async function tacEvals(root: string): Promise<NamedEval[]> {
  const dataset = await tacDatasetRoot(root);
  const evals: NamedEval[] = [];
  const systems = (await readdir(join(dataset, 'correctedSubmissions'))).sort();
  for (const topic of EVAL_TOPICS.slice().sort()) {
    const models = await readTacModels(dataset, topic);
    for (const system of systems) {
      const path = join(dataset, 'correctedSubmissions', system, 'English', topic);
      const peer = await readFile(path, 'utf8').catch(() => undefined);
      if (peer !== undefined) evals.push({ name: `${system} ${topic}`, peer, models });
    }
  }
  return evals;
}

async function checkPerl(perlDir: string, duc?: string, tac?: string): Promise<void> {
  const work = workFolder();
  try {
    const rougeDir = unpackRouge(perlDir, work);
    if (duc) {
      const evals = await ducEvals(duc);
      comparePerl('duc2003', rougeDir, work, evals, ['-m', '-l', '100'], { stem: true, words: 100 });
    }
    if (tac) {
      const evals = await tacEvals(tac);
      comparePerl('tac2011', rougeDir, work, evals, [], {});
      comparePerl('tac2011', rougeDir, work, evals, ['-m', '-l', '250'], { stem: true, words: 250 });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: {
    stems: { type: 'string' },
    tac: { type: 'string' },
    duc: { type: 'string' },
    perl: { type: 'string' },
  },
});
if (!values.stems && !values.tac && !values.duc) {
  console.error(
    'usage: bench/rouge-conformance.ts [--stems nltk-porter-stems.tsv] [--tac TAC2011_DIR]' +
      ' [--perl ROUGE_DIR --duc DUC2003_DIR]',
  );
  process.exitCode = 2;
}
if (values.stems) checkStems(values.stems);
if (values.perl) await checkPerl(values.perl, values.duc, values.tac);
else if (values.tac) await checkTac(values.tac);
