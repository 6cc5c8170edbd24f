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
import { stemSetCosine } from '../../src/core/summarize/cite.js';

for (const folder of process.argv.slice(2)) {
  const { articles } = await readInputs([folder]);
  const doc = analyzeStory({ id: basename(folder), articles });
  for (let i = 0; i < doc.sentences.length; i++) {
    for (let j = i + 1; j < doc.sentences.length; j++) {
      const a = doc.sentences[i]!;
      const b = doc.sentences[j]!;
      if (a.article === b.article || new Set(a.stems).size < 3 || new Set(b.stems).size < 3) continue;
      const sim = stemSetCosine(a.stems, b.stems);
      if (sim < 0.2) continue;
      console.log(
        `${basename(folder)}\t${a.article}\t${a.index}\t${b.article}\t${b.index}\t${sim.toFixed(2)}`,
      );
      console.log(`  A: ${a.text}`);
      console.log(`  B: ${b.text}`);
    }
  }
}
