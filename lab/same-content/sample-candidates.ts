/**
 * Prints sentence pairs of the bundled fictional samples for hand labelling, as candidates.ts does for
 * Multi-News: cross-article pairs whose stem-set cosine is at least 0.2, every one of them (the samples
 * are small). Labels go to sample-labels.json as folder, article, sentence offsets.
 *
 *   npx tsx lab/same-content/sample-candidates.ts samples/harbor-bridge-closure [...]
 */
import { basename } from 'node:path';
import { readInputs } from '../../src/io/index.js';
import { analyzeStory } from '../../src/core/text/index.js';
import { candidateLine, candidatePairs } from './candidate-pairs.js';

for (const folder of process.argv.slice(2)) {
  const { articles } = await readInputs([folder]);
  const doc = analyzeStory({ id: basename(folder), articles });
  for (const pair of candidatePairs(doc)) console.log(candidateLine(basename(folder), pair));
}
