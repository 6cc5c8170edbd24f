/**
 * Writes the fingerprint of every labelled sentence into the two labels files, as read today. Run it
 * only once the offsets point at the sentences labelled (after a re-map by sentence text): from then
 * on data.ts stops when a change to splitting or reading moves one of them.
 *
 *   npx tsx lab/same-content/fingerprints.ts MULTINEWS_VALIDATION.jsonl.gz \
 *     [--samples DIR] [--news-labels FILE] [--sample-labels FILE]
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Sentence } from '../../src/core/model.js';
import {
  fingerprint,
  labelledSentences,
  newsSentences,
  readLabels,
  sampleSentences,
  type LabelsFile,
} from './data.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The labels file's text with `sentences` set from `found`: one row, one fingerprint per line. */
export function withFingerprints(labels: LabelsFile, found: ReadonlyMap<string, Sentence>): string {
  const prints = [...found]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([key, s]) => `    ${JSON.stringify(key)}: ${JSON.stringify(fingerprint(s.text))}`);
  const rows = labels.pairs.map((r) => `    ${JSON.stringify(r).replace(/,/g, ', ')}`);
  return [
    '{',
    `  "about": ${JSON.stringify(labels.about ?? '')},`,
    `  "columns": ${JSON.stringify(labels.columns ?? []).replace(/,/g, ', ')},`,
    `  "pairs": [\n${rows.join(',\n')}\n  ],`,
    `  "sentences": {\n${prints.join(',\n')}\n  }`,
    '}\n',
  ].join('\n');
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      samples: { type: 'string' },
      'news-labels': { type: 'string' },
      'sample-labels': { type: 'string' },
    },
  });
  const [validation] = positionals;
  if (!validation) {
    console.error(
      'usage: fingerprints.ts MULTINEWS_VALIDATION.jsonl.gz [--samples DIR] [--news-labels FILE] [--sample-labels FILE]',
    );
    process.exit(2);
  }
  const jobs = [
    [
      values['news-labels'] ?? join(here, 'news-labels.json'),
      (ids: Set<string>) => newsSentences(validation, ids),
    ],
    [
      values['sample-labels'] ?? join(here, 'sample-labels.json'),
      (ids: Set<string>) => sampleSentences(values.samples ?? join(here, '..', '..', 'samples'), ids),
    ],
  ] as const;
  for (const [path, read] of jobs) {
    const labels = readLabels(path);
    const stories = await read(new Set(labels.pairs.map((r) => r[0])));
    const found = labelledSentences(labels.pairs, (id) => stories.get(id) ?? []);
    writeFileSync(path, withFingerprints(labels, found));
    console.log(`${path}: ${found.size} sentences`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
