/**
 * Why a fact is listed as one source's: for each fact of one source in the reports of the given story
 * folders (as `cased-audit.ts --out` writes them), the two sentences of other articles the decision
 * scores highest, with the score, the stem cosine and the rule that refuses the pair, if any. A fact
 * another source does report shows here as a score under the citation point, a rule, or a copy (an
 * article of the same outlet: `independence.ts` counts it as no second source).
 *
 *   npx tsx lab/same-content/single-source.ts /tmp/chorus-cased-clusters/d30028t …
 *
 * The lines hold sentences of the data: keep them out of the repository.
 */
import { contradiction, sameContentProbability, sideOf, stemSetCosine } from '../../src/core/match/index.js';
import { buildStoryReport } from '../../src/core/pipeline.js';
import { prepareStory } from '../../src/core/prepare-story.js';
import { readInputs } from '../../src/io/index.js';

/** Other-article sentences below this cosine are not shown: they share too little to carry the fact. */
const SHOWN_COSINE = 0.2;

for (const dir of process.argv.slice(2)) {
  const read = await readInputs([dir]);
  const story = { id: 'cli', articles: read.articles };
  const report = buildStoryReport(story);
  const doc = prepareStory(story).analyzed;
  const copies = new Map(report.duplicates.map((d) => [d.article, d.original]));
  for (const { article, facts } of report.comparison.unique) {
    for (const fact of facts) {
      const i = doc.sentences.findIndex((s) => s.article === article && s.text === fact.text);
      console.log(`${dir} [${article}] ${fact.text}`);
      if (i < 0) continue;
      const s = doc.sentences[i]!;
      const best = doc.sentences
        .map((o) => ({ o, cosine: stemSetCosine(s.stems, o.stems) }))
        .filter((x) => x.o.article !== article && x.cosine >= SHOWN_COSINE)
        .map((x) => ({ ...x, p: sameContentProbability(sideOf(s), sideOf(x.o)) }))
        .sort((a, b) => b.p - a.p)
        .slice(0, 2);
      for (const b of best) {
        const rule = contradiction(sideOf(s), sideOf(b.o)) ?? '';
        const copy = copies.get(b.o.article) === article || copies.get(article) === b.o.article ? 'copy' : '';
        console.log(
          `    score ${b.p.toFixed(3)} cosine ${b.cosine.toFixed(2)} ${rule} ${copy} [${b.o.article}] ${b.o.text}`,
        );
      }
    }
  }
}
