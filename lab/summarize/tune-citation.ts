/**
 * How CITATION_THRESHOLD was set: precision, recall and F1 of "same content" at each threshold of the
 * set cosine of content stems, on the hand-labelled fictional pairs in
 * test/summarize/fixtures/citation-pairs.json.
 *
 *   npx tsx lab/summarize/tune-citation.ts [PAIRS.json]
 */
import { readFileSync } from 'node:fs';
import { stemSetCosine, CITATION_THRESHOLD } from '../../src/core/summarize/cite.js';
import { wordForms } from '../../src/core/text/index.js';

const path = process.argv[2] ?? 'test/summarize/fixtures/citation-pairs.json';
const { pairs } = JSON.parse(readFileSync(path, 'utf8')) as { pairs: [string, string, boolean][] };
const scored = pairs.map(([a, b, same]) => ({
  sim: stemSetCosine(wordForms(a).stems, wordForms(b).stems),
  same,
}));
console.log(
  `${pairs.length} pairs, ${scored.filter((s) => s.same).length} same; current threshold ${CITATION_THRESHOLD}`,
);
console.log('threshold  precision  recall     F1');
for (let t = 0.2; t <= 0.81; t += 0.05) {
  const tp = scored.filter((s) => s.same && s.sim >= t).length;
  const fp = scored.filter((s) => !s.same && s.sim >= t).length;
  const fn = scored.filter((s) => s.same && s.sim < t).length;
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  console.log(
    `${t.toFixed(2).padStart(9)}  ${p.toFixed(3).padStart(9)}  ${r.toFixed(3).padStart(6)}  ${f.toFixed(3).padStart(5)}`,
  );
}
const sorted = [...scored].sort((a, b) => a.sim - b.sim);
console.log(
  'pairs by similarity: ' + sorted.map((s) => `${s.sim.toFixed(2)}${s.same ? '+' : '-'}`).join(' '),
);
