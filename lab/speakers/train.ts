/**
 * Trains the speaker chooser on PolNeAR train and writes src/core/quotes/speaker-model.json (byte for
 * byte the same from the same data), printing the figures it was chosen on.
 *
 *   npx tsx lab/speakers/train.ts POLNEAR_DIR [--out FILE] [--max-wrong 0.05]
 *
 * The threshold is the lowest at which, over five folds of articles (each fold scored by a model fitted
 * on the other four), wrong speakers are at most --max-wrong of the matched quotes. Wrong is counted
 * against the stand-in for pronoun sources (examples.ts), so it reads higher than on dev's hand key.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { SpeakerModel } from '../../src/core/quotes/choose-speaker.js';
import { readPolnear } from '../../src/eval/datasets/polnear.js';
import { speakerExamples, type SpeakerExample } from './examples.js';
import { fitChooser, outcome, pickThreshold, topChoices } from './fit.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MODEL_PATH = join(root, 'src', 'core', 'quotes', 'speaker-model.json');
export const FOLDS = 5;

/** The model file's text for `examples`; `log` receives the figures. */
export function buildModel(
  examples: readonly SpeakerExample[],
  maxWrong: number,
  log: (line: string) => void,
): string {
  const held: { p: number; ok: boolean }[] = [];
  const kinds: SpeakerExample['kind'][] = [];
  for (let f = 0; f < FOLDS; f++) {
    const fit = fitChooser(examples.filter((e) => e.article % FOLDS !== f));
    const test = examples.filter((e) => e.article % FOLDS === f);
    held.push(...topChoices(fit, test));
    kinds.push(...test.map((e) => e.kind));
  }
  // Pronoun sources are scored against a stand-in that is often wrong where the chooser is right
  // (examples.ts): the threshold is chosen on the quotes whose source is named or described.
  const threshold = pickThreshold(
    held.filter((_, i) => kinds[i] !== 'pronoun'),
    maxWrong,
  );
  const pct = (x: number) => ((100 * x) / Math.max(1, held.length)).toFixed(1);
  for (const t of [0, 0.3, 0.5, threshold]) {
    const o = outcome(held, t);
    log(
      `${FOLDS}-fold, threshold ${t.toFixed(2)}: right ${pct(o.right)} %, wrong ${pct(o.wrong)} %, none ${pct(o.none)} %`,
    );
  }
  for (const kind of ['named', 'pronoun', 'described'] as const) {
    const sub = held.filter((_, i) => kinds[i] === kind);
    const o = outcome(sub, threshold);
    const p = (x: number) => ((100 * x) / Math.max(1, sub.length)).toFixed(1);
    log(`  ${kind} (${sub.length}): right ${p(o.right)} %, wrong ${p(o.wrong)} %, none ${p(o.none)} %`);
  }
  const model: SpeakerModel = { ...fitChooser(examples), threshold };
  return `${JSON.stringify(model, null, 1)}\n`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, 'max-wrong': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length !== 1) {
    console.error('usage: npx tsx lab/speakers/train.ts POLNEAR_DIR [--out FILE] [--max-wrong 0.05]');
    process.exit(values.help ? 0 : 2);
  }
  const examples = speakerExamples(readPolnear(positionals[0]!, 'train'));
  console.log(`PolNeAR train: ${examples.length} matched quotes`);
  const text = buildModel(examples, Number(values['max-wrong'] ?? 0.05), (l) => console.log(l));
  const out = values.out ?? MODEL_PATH;
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
