/**
 * What tells the chooser's sure answers from its unsure ones, held out on the folds of PolNeAR train
 * (train.ts foldModels), at given thresholds (default: the shipped ones). Each trustworthy quote falls
 * in one group: `right` (named, right), `lost` (its top candidate is right but under the threshold),
 * `wrong` (named, wrong) or `none` (top candidate wrong, unnamed). For each kind of cue it prints the
 * features of the top candidate whose share differs most between `lost` and `wrong`: a feature the
 * model already has and that separates them should not leave them on the same side of a threshold.
 * Then the right answers at equal wrong ones (`frontier`), which is how a new feature should be judged:
 * at fixed thresholds a better calibrated model can look no better.
 *
 *   npx tsx lab/speakers/unsure.ts POLNEAR_DIR [--thresholds JSON] [--list lost|wrong] [--cue KIND]
 *       [--refold N]
 *
 * `--list` prints the quotes of a group (file, offset, gold source, top candidate, p, second and its
 * p) to read them in the data; the repository keeps no article text.
 *
 * `--refold N` prints the right and wrong answers and the mean right at equal wrong again for N other
 * partitions of the articles into folds (refold): the fold figures move with the partition alone
 * (docs/speakers.md, "Twelfth round"), so two checkouts are compared partition by partition.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { candidateProbabilities } from '../../src/core/quotes/choose-speaker.js';
import { CUE_KINDS, SPEAKER_FEATURES, type CueKind } from '../../src/core/quotes/speaker-candidates.js';
import { readPolnear, readSpeakerKey } from '../../src/eval/datasets/polnear.js';
import { readKeySections, speakerExamples, type SpeakerExample } from './examples.js';
import { FOLDS, KEY_PATH, foldModels, parseThresholds, trustworthy } from './train.js';
import model from '../../src/core/quotes/speaker-model.json' with { type: 'json' };

export type Group = 'right' | 'lost' | 'wrong' | 'none';

/** One held-out quote: its top candidate's probability, the second's, and whether the top is right. */
export interface Held {
  readonly e: SpeakerExample;
  readonly p: number;
  readonly p2: number;
  readonly ok: boolean;
  readonly top?: number;
  readonly second?: number;
  /** Every candidate's probability, in the candidates' order. */
  readonly ps: readonly number[];
}

/** The group of a held-out quote at `threshold`. */
export function groupOf(h: Pick<Held, 'p' | 'ok'>, threshold: number): Group {
  if (h.p >= threshold) return h.ok ? 'right' : 'wrong';
  return h.ok ? 'lost' : 'none';
}

/**
 * The most right answers for at most `budget` wrong ones, one threshold per kind (steps of 0.01 from
 * 0.5, as fit.ts pickThresholds), over a fine grid of prices λ of a wrong answer. Unweighted.
 * @example frontier([{ p: 0.9, ok: true, kind: 'named' }, { p: 0.6, ok: false, kind: 'named' }], 0) // → 1
 */
export function frontier(held: readonly { p: number; ok: boolean; kind: CueKind }[], budget: number): number {
  const curves = CUE_KINDS.map((k) => {
    const hs = held.filter((h) => h.kind === k);
    const points: [number, number][] = [[0, 0]];
    for (let t = 50; t <= 99; t++) {
      let right = 0;
      let wrong = 0;
      for (const h of hs) {
        if (h.p < t / 100) continue;
        if (h.ok) right++;
        else wrong++;
      }
      points.push([right, wrong]);
    }
    return points;
  });
  let best = 0;
  for (let step = 0; step <= 2000; step++) {
    const lambda = 1 + step * 0.02;
    let right = 0;
    let wrong = 0;
    for (const points of curves) {
      let pick = points[0]!;
      for (const p of points) if (p[0] - lambda * p[1] > pick[0] - lambda * pick[1]) pick = p;
      right += pick[0];
      wrong += pick[1];
    }
    if (wrong <= budget) best = Math.max(best, right);
  }
  return best;
}

/**
 * The article index that puts article `article` in another fold partition (`% FOLDS` of the result)
 * for `seed` > 0, the same one for seed 0: a multiplicative hash, so the same seed always gives the
 * same partition.
 * @example refold(12, 0) // → 12
 */
export function refold(article: number, seed: number): number {
  if (seed === 0) return article;
  return (Math.imul(article + seed * 7919, 2654435761) >>> 0) % 9973;
}

/** The mean of frontier() over 165..205 wrong answers: one figure for right at equal wrong. */
export function meanFrontier(held: readonly { p: number; ok: boolean; kind: CueKind }[]): number {
  let sum = 0;
  for (let b = 165; b <= 205; b++) sum += frontier(held, b);
  return sum / 41;
}

/** The thresholds given as JSON on the command line, else the shipped model's. */
export function thresholdsOr(json: string | undefined): Record<CueKind, number> {
  return json === undefined ? (model.thresholds as Record<CueKind, number>) : parseThresholds(json);
}

/** PolNeAR train's quotes as the chooser learns them, with the hand key's pronoun and described sources. */
export function keyedTrainExamples(polnearDir: string): SpeakerExample[] {
  return speakerExamples(
    readPolnear(polnearDir, 'train'),
    readSpeakerKey(KEY_PATH),
    readKeySections(KEY_PATH),
  );
}

/** Each trustworthy quote of `examples`, scored by the fold model that did not train on it. */
export function heldOut(examples: readonly SpeakerExample[]): Held[] {
  const out: Held[] = [];
  foldModels(examples).forEach((m, f) => {
    for (const e of examples.filter((x) => x.article % FOLDS === f && trustworthy(x))) {
      const p = candidateProbabilities(m, e.candidates, e.cue);
      const order = p.map((_, i) => i).sort((a, b) => p[b]! - p[a]! || a - b);
      const [top, second] = order;
      out.push({
        e,
        p: top === undefined ? 0 : p[top]!,
        p2: second === undefined ? 0 : p[second]!,
        ok: top !== undefined && e.right.includes(top),
        ...(top !== undefined && { top }),
        ...(second !== undefined && { second }),
        ps: p,
      });
    }
  });
  return out;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      thresholds: { type: 'string' },
      list: { type: 'string' },
      cue: { type: 'string' },
      refold: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(
      'usage: npx tsx lab/speakers/unsure.ts POLNEAR_DIR [--thresholds JSON] [--list lost|wrong] [--cue KIND] [--refold N]',
    );
    process.exit(values.help ? 0 : 2);
  }
  const thresholds = thresholdsOr(values.thresholds);
  const examples = keyedTrainExamples(positionals[0]!);
  const held = heldOut(examples).filter((h) => !values.cue || h.e.cue === values.cue);
  const group = (h: Held) => groupOf(h, thresholds[h.e.cue]);
  if (values.list) {
    for (const h of held.filter((x) => group(x) === values.list)) {
      const name = (i?: number) => (i === undefined ? '' : h.e.candidates[i]!.speaker);
      console.log(
        [
          h.e.file,
          h.e.at,
          h.e.cue,
          h.e.target ?? '',
          name(h.top),
          h.p.toFixed(2),
          name(h.second),
          h.p2.toFixed(2),
        ].join('\t'),
      );
    }
    return;
  }
  const count = (hs: readonly Held[], g: Group) => hs.filter((h) => group(h) === g).length;
  console.log(
    `held out: ${held.length}; right ${count(held, 'right')}, lost ${count(held, 'lost')}, wrong ${count(held, 'wrong')}, none ${count(held, 'none')}`,
  );
  for (const kind of CUE_KINDS) {
    const hs = held.filter((h) => h.e.cue === kind);
    const lost = hs.filter((h) => group(h) === 'lost');
    const wrong = hs.filter((h) => group(h) === 'wrong');
    console.log(`${kind}: right ${count(hs, 'right')}, lost ${lost.length}, wrong ${wrong.length}`);
    const share = (xs: readonly Held[], k: number) =>
      xs.filter((h) => h.top !== undefined && h.e.candidates[h.top]!.features[k] !== 0).length /
      (xs.length || 1);
    const rows = SPEAKER_FEATURES.map((n, k) => ({
      n,
      d: share(lost, k) - share(wrong, k),
      l: share(lost, k),
      w: share(wrong, k),
    }))
      .filter((r) => r.l + r.w > 0)
      .sort((a, b) => a.d - b.d);
    const show = (rs: typeof rows) => rs.map((r) => `${r.n} ${r.l.toFixed(2)}/${r.w.toFixed(2)}`).join(', ');
    console.log(`  more often in wrong (lost/wrong share): ${show(rows.slice(0, 5))}`);
    console.log(`  more often in lost: ${show(rows.slice(-5).reverse())}`);
  }
  const points = held.map((h) => ({ p: h.p, ok: h.ok, kind: h.e.cue }));
  const budgets = [170, 180, 190, 200];
  console.log(`right at equal wrong: ${budgets.map((b) => `${b} wrong ${frontier(points, b)}`).join(', ')}`);
  console.log(`mean right over 165..205 wrong: ${meanFrontier(points).toFixed(1)}`);
  for (let seed = 1; seed <= Number(values.refold ?? 0); seed++) {
    const other = heldOut(examples.map((e) => ({ ...e, article: refold(e.article, seed) }))).filter(
      (h) => !values.cue || h.e.cue === values.cue,
    );
    console.log(
      `partition ${seed}: right ${count(other, 'right')}, wrong ${count(other, 'wrong')}; mean right over 165..205 wrong: ${meanFrontier(other.map((h) => ({ p: h.p, ok: h.ok, kind: h.e.cue }))).toFixed(1)}`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
