/**
 * The contradiction rules checked on the labelled pairs the model is measured with: for each rule,
 * how many pairs of MSRP, the hand-labelled news pairs and the sample pairs it refuses, and how many of
 * those are labelled "same" (a rule that refuses a labelled paraphrase costs recall). Rules are counted
 * alone, in `contradiction()`'s order (and the pairs the rule's readings of months and denials free,
 * which the model's features still read as before), among candidates (stem cosine at the candidate filter) and among
 * the pairs the shipped model accepts at the citation point.
 *
 *   npx tsx lab/same-content/veto-labels.ts /work/shared/data/msrp/msr_paraphrase_train.txt \
 *     /work/shared/data/multi-news/validation.jsonl.gz
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  attachedConflict,
  datesConflict,
  datesContradict,
  figuresConflict,
  negationConflict,
  negationContradicts,
  type PairSide,
} from '../../src/core/match/features.js';
import {
  CANDIDATE_COSINE,
  SAME_CONTENT_THRESHOLDS,
  sameContentProbability,
  stemSetCosine,
} from '../../src/core/match/index.js';
import { loadPairs } from './train.js';

const [msrp, validation] = process.argv.slice(2);
if (!msrp || !validation)
  throw new Error('usage: veto-labels.ts MSRP_TRAIN.txt MULTINEWS_VALIDATION.jsonl.gz');
const lab = dirname(fileURLToPath(import.meta.url));
const pairs = await loadPairs({
  msrp,
  validation,
  samples: join(lab, '..', '..', 'samples'),
  newsLabels: join(lab, 'news-labels.json'),
  sampleLabels: join(lab, 'sample-labels.json'),
});

const disjoint = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));
const RULES: readonly [string, (a: PairSide, b: PairSide) => boolean][] = [
  ['figures (counted word)', figuresConflict],
  ['figures (attached, new)', (a, b) => attachedConflict(a, b) && !figuresConflict(a, b)],
  ['dates', datesContradict],
  ['negation', negationContradicts],
  ['dates freed (Oct. / October)', (a, b) => datesConflict(a, b) && !datesContradict(a, b)],
  ['negation freed (a verb of denial)', (a, b) => negationConflict(a, b) && !negationContradicts(a, b)],
  ['speaker', (a, b) => disjoint(a.speakers, b.speakers)],
];

for (const group of ['msrp', 'news', 'samples'] as const) {
  const g = pairs.filter((p) => p.group === group);
  const candidates = g.filter((p) => stemSetCosine(p.a.stems, p.b.stems) >= CANDIDATE_COSINE);
  const accepted = candidates.filter(
    (p) => sameContentProbability(p.a, p.b) >= SAME_CONTENT_THRESHOLDS.citation,
  );
  console.log(
    `${group}: ${g.length} pairs, ${candidates.length} candidates, ${accepted.length} over the citation point`,
  );
  for (const [name, rule] of RULES) {
    const count = (xs: typeof g) => {
      const hit = xs.filter((p) => rule(p.a, p.b));
      return `${hit.length} refused (${hit.filter((p) => p.y === 1).length} labelled same)`;
    };
    console.log(`  ${name}: candidates ${count(candidates)}; over the point ${count(accepted)}`);
  }
}
