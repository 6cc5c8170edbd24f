/**
 * CPU cost of the same-content decision (issue 13), per sentence read and per pair scored:
 *
 *   npx tsx bench/pair-cost.ts /work/shared/data/msrp/msr_paraphrase_train.txt [--rounds 10]
 *
 * Reads every MSRP sentence into the pair features' form (`pairSide`), then scores every pair as
 * `judgePair` does (the contradiction rules, then the model), `--rounds` times. CPU time
 * (`process.cpuUsage`), not wall-clock: the machine is shared. Compare two versions back to back on the
 * same load; the figure of one run alone means little.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { contradiction, pairSide, sameContentProbability, type PairSide } from '../src/core/match/index.js';
import { wordForms } from '../src/core/text/index.js';
import { parseTextPairs } from '../src/io/msrp-pairs.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '10' } },
});
const [path] = positionals;
if (!path) {
  console.error('usage: bench/pair-cost.ts MSRP_TRAIN.txt [--rounds N]');
  process.exit(2);
}
const rounds = Math.max(1, Number(values.rounds) || 10);
const pairs = parseTextPairs(readFileSync(path, 'utf8'));
const texts = pairs.flatMap((p) => [p.a, p.b]).map((text) => ({ text, ...wordForms(text) }));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000; // ms
};

// Warm up the JIT on both halves before timing.
const warm = texts.slice(0, 400).map(pairSide);
for (let k = 0; k + 1 < warm.length; k += 2) sameContentProbability(warm[k]!, warm[k + 1]!);

let sides: PairSide[] = [];
let started = cpu();
for (let r = 0; r < rounds; r++) sides = texts.map(pairSide);
const sideMs = cpu() - started;

let sink = 0;
started = cpu();
for (let r = 0; r < rounds; r++) {
  for (let k = 0; k + 1 < sides.length; k += 2) {
    const a = sides[k]!;
    const b = sides[k + 1]!;
    if (!contradiction(a, b)) sink += sameContentProbability(a, b);
  }
}
const pairMs = cpu() - started;
console.log(
  `reading one sentence: ${((sideMs * 1000) / (rounds * texts.length)).toFixed(1)} µs CPU (${texts.length} sentences ×${rounds})`,
);
console.log(
  `scoring one pair: ${((pairMs * 1000) / (rounds * pairs.length)).toFixed(2)} µs CPU (${pairs.length} pairs ×${rounds}; checksum ${sink.toFixed(3)})`,
);
