/**
 * The quotes with no cue of their own (partial quotes, and quotes opening their sentence) sorted by
 * shape, held out on the folds of PolNeAR train: for each shape, how many the chooser names right,
 * leaves under its threshold with the right candidate on top (`lost`), or names wrong. A shape is
 * read off the top candidate's features (the first that fires in SHAPES order), so a feature that
 * lifts lost quotes over the threshold shows as lost turning right in its row, and its cost as wrong
 * growing there (docs/speakers.md, "Thirteenth round: quotes under the threshold").
 *
 *   npx tsx lab/speakers/under.ts POLNEAR_DIR [--thresholds JSON] [--list SHAPE]
 *
 * `--list` prints the lost and wrong quotes of one shape (file, offset, kind, gold, top, p) to read
 * them in the data; the repository keeps no article text.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SPEAKER_FEATURES } from '../../src/core/quotes/speaker-candidates.js';
import { groupOf, heldOut, keyedTrainExamples, thresholdsOr, type Held } from './unsure.js';

/** Shapes in the order they are tested: the name of the shape and the feature that marks it. */
export const SHAPES: readonly (readonly [string, string])[] = [
  ['the rules continue a speaker', 'ruleContinued'],
  ['the chain from the quote before', 'chain'],
  ['a cue closing the sentence', 'closingSpeaker'],
  ['the subject of the clause (a name or description)', 'clauseSubject'],
  ['the subject of the clause ("he"/"she")', 'clausePronoun'],
  ['a reporter in the sentence', 'sentenceReports'],
  ['a reporter in the sentence before', 'previousReporter'],
  ['a description or organisation opening it', 'describedSubject'],
  ['the paragraph topic', 'paragraphTopic'],
  ['the nearest person before', 'beforeNearest'],
  ['the nearest person after', 'afterNearest'],
];

/** The shape of a held-out quote: the first of SHAPES whose feature fires on its top candidate. */
export function shapeOf(h: Pick<Held, 'top' | 'e'>, shapes = SHAPES): string {
  if (h.top === undefined) return 'no candidate';
  const f = h.e.candidates[h.top]!.features;
  for (const [name, feature] of shapes) {
    const k = SPEAKER_FEATURES.indexOf(feature as (typeof SPEAKER_FEATURES)[number]);
    if (k >= 0 && f[k] === 1) return name;
  }
  return 'other';
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { thresholds: { type: 'string' }, list: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length !== 1) {
    console.error('usage: npx tsx lab/speakers/under.ts POLNEAR_DIR [--thresholds JSON] [--list SHAPE]');
    process.exit(values.help ? 0 : 2);
  }
  const thresholds = thresholdsOr(values.thresholds);
  const examples = keyedTrainExamples(positionals[0]!);
  const held = heldOut(examples).filter((h) => h.e.cue === 'none' || h.e.cue === 'partial');
  if (values.list) {
    for (const h of held.filter((x) => shapeOf(x) === values.list)) {
      const g = groupOf(h, thresholds[h.e.cue]);
      if (g !== 'lost' && g !== 'wrong') continue;
      const top = h.top === undefined ? '' : h.e.candidates[h.top]!.speaker;
      console.log([g, h.e.file, h.e.at, h.e.cue, h.e.target ?? '', top, h.p.toFixed(2)].join('\t'));
    }
    return;
  }
  console.log('kind\tshape\tright\tlost\twrong\tnone');
  for (const kind of ['none', 'partial'] as const) {
    const rows = new Map<string, number[]>();
    for (const h of held.filter((x) => x.e.cue === kind)) {
      const s = shapeOf(h);
      const r = rows.get(s) ?? [0, 0, 0, 0];
      r[['right', 'lost', 'wrong', 'none'].indexOf(groupOf(h, thresholds[kind]))]! += 1;
      rows.set(s, r);
    }
    for (const [s, r] of [...rows].sort((a, b) => b[1][1]! - a[1][1]!))
      console.log(`${kind}\t${s}\t${r.join('\t')}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
