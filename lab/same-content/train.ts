/**
 * Trains the same-content model and writes src/core/match/same-content-model.json (byte for byte the
 * same from the same data), printing the ten-fold cross-validated figures it was chosen on.
 *
 *   npx tsx lab/same-content/train.ts MSRP_TRAIN.txt MULTINEWS_VALIDATION.jsonl.gz [--out FILE] [--samples DIR]
 *
 * e.g. npx tsx lab/same-content/train.ts /work/shared/data/msrp/msr_paraphrase_train.txt \
 *        /work/shared/data/multi-news/validation.jsonl.gz
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FEATURE_NAMES } from '../../src/core/match/features.js';
import { msrpPairs, newsPairs, samplePairs, type LabelledPair } from './data.js';
import {
  accuracy,
  citationThreshold,
  counts,
  crossValidate,
  f1,
  nestedCitationCounts,
  nestedParaphraseCounts,
  paraphrasePoint,
  precision,
  recall,
  atWeight,
  train,
  type CitationPoint,
  type OperatingPoint,
  type Scored,
} from './cross-validate.js';

/** Pairs under this stem-set cosine are never scored: the candidate filter of the all-pairs search. */
export const CANDIDATE_COSINE = 0.3;

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

export interface TrainInputs {
  readonly msrp: string;
  readonly validation: string;
  readonly samples: string;
  readonly newsLabels: string;
  readonly sampleLabels: string;
}

export async function loadPairs(inputs: TrainInputs): Promise<LabelledPair[]> {
  return [
    ...msrpPairs(inputs.msrp),
    ...(await newsPairs(inputs.validation, inputs.newsLabels)),
    ...(await samplePairs(inputs.samples, inputs.sampleLabels)),
  ];
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Cross-validates, picks the operating points, trains on everything; returns the model file's text. */
export function buildModel(pairs: readonly LabelledPair[], log: (line: string) => void): string {
  const scored = crossValidate(pairs, CANDIDATE_COSINE);
  const paraphrase = paraphrasePoint(scored);
  const citation = citationThreshold(scored);
  report(scored, paraphrase, citation, log);
  const model = train(pairs);
  const head = {
    about:
      'The same-content model (src/core/match): a logistic regression and boosted trees, log-odds blended. Rebuilt byte for byte by lab/same-content/train.ts; figures in docs/citations.md.',
    trainedOn: Object.fromEntries(
      (['msrp', 'news', 'samples'] as const).map((g) => [g, pairs.filter((p) => p.group === g).length]),
    ),
    features: FEATURE_NAMES,
    logistic: {
      mean: model.logistic.mean.map(round),
      scale: model.logistic.scale.map(round),
      weights: model.logistic.weights.map(round),
      bias: round(model.logistic.bias),
    },
    treeWeight: { citation: citation.treeWeight, paraphrase: paraphrase.treeWeight },
    thresholds: { citation: citation.threshold, paraphrase: paraphrase.threshold },
    candidateCosine: CANDIDATE_COSINE,
  };
  // One tree per line: a few hundred short lines rather than thousands of one-number lines.
  const trees = model.trees.trees
    .map((t) => `      ${JSON.stringify(t.map((node) => node.map(round)))}`)
    .join(',\n');
  const text = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${text},\n  "trees": {\n    "bias": ${round(model.trees.bias)},\n    "trees": [\n${trees}\n    ]\n  }\n}\n`;
}

export function report(
  scored: readonly Scored[],
  paraphrase: OperatingPoint,
  citation: CitationPoint,
  log: (l: string) => void,
) {
  const msrp = scored.filter((s) => s.pair.group === 'msrp');
  const m = counts(atWeight(msrp, paraphrase.treeWeight), paraphrase.threshold, false);
  const nested = nestedParaphraseCounts(scored);
  const chosen = [...new Set(nested.points.map((p) => `${p.treeWeight}/${p.threshold}`))].join(' ');
  log(
    `MSRP 10-fold CV (${msrp.length} pairs) at ${paraphrase.threshold} (tree weight ${paraphrase.treeWeight}): ` +
      `accuracy ${accuracy(m).toFixed(4)}, F1 ${f1(m).toFixed(4)}; ` +
      `point chosen on the other folds (${chosen}): accuracy ${accuracy(nested).toFixed(4)}, F1 ${f1(nested).toFixed(4)}`,
  );
  for (const group of ['news', 'samples'] as const) {
    const g = scored.filter((s) => s.pair.group === group);
    const c = counts(atWeight(g, citation.treeWeight), citation.threshold, true);
    const n = nestedCitationCounts(scored, group);
    const chosen = [...new Set(n.points.map((p) => `${p.treeWeight}/${p.threshold}`))].join(' ');
    log(
      `${group} (${g.length} pairs, ${g.filter((s) => s.pair.y).length} same) at citation ${citation.threshold} ` +
        `(tree weight ${citation.treeWeight}): ` +
        `precision ${precision(c).toFixed(4)}, recall ${recall(c).toFixed(4)} (tp ${c.tp}, fp ${c.fp}, fn ${c.fn}); ` +
        `point chosen on the other folds (${chosen}): precision ${precision(n).toFixed(4)}, recall ${recall(n).toFixed(4)} (tp ${n.tp}, fp ${n.fp}, fn ${n.fn})`,
    );
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, samples: { type: 'string' } },
  });
  const [msrp, validation] = positionals;
  if (!msrp || !validation) {
    console.error(
      'usage: train.ts MSRP_TRAIN.txt MULTINEWS_VALIDATION.jsonl.gz [--out FILE] [--samples DIR]',
    );
    process.exit(2);
  }
  const pairs = await loadPairs({
    msrp,
    validation,
    samples: values.samples ?? join(root, 'samples'),
    newsLabels: join(here, 'news-labels.json'),
    sampleLabels: join(here, 'sample-labels.json'),
  });
  const out = values.out ?? join(root, 'src/core/match/same-content-model.json');
  writeFileSync(
    out,
    buildModel(pairs, (l) => console.log(l)),
  );
  console.log(`wrote ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
