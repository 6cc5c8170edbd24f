/**
 * Conformance of our ROUGE pieces against independent references. Takes data paths, prints agreement.
 *
 *   npx tsx bench/rouge-conformance.ts --stems ../shared/data/rouge-score-testdata/nltk-porter-stems.tsv
 *
 * `--stems PATH`: a TSV `word  nltk_default  original_algorithm`; prints how many of our stems equal
 * NLTK's default-mode column (the stemmer rouge-score uses).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { porterStem } from '../src/core/text/stem.js';

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

const { values } = parseArgs({ options: { stems: { type: 'string' }, tac: { type: 'string' } } });
if (!values.stems && !values.tac) {
  console.error('usage: bench/rouge-conformance.ts [--stems nltk-porter-stems.tsv] [--tac TAC2011_DIR]');
  process.exitCode = 2;
}
if (values.stems) checkStems(values.stems);
