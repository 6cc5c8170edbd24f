/**
 * Boosted trees against the linear chooser at equal wrong answers on the folds (docs/speakers.md,
 * "Eleventh round"). Each fold's linear model is fitted once; each tree setting is fitted on it; every
 * held-out candidate keeps its linear score and its trees' score, so that caps and blends are read
 * without refitting.
 *
 *   npx tsx lab/speakers/equal-wrong.ts POLNEAR_DIR [--trees 150/6/0.05,60/4/0.1/10/5]
 *       [--blend 1,0.5] [--caps 0.03:0.046:0.0005] [--wrong 190] [--dump DIR]
 *
 * A tree setting is N/depth/rate[/minChild[/lambda]]. For each setting and blend (scores linear +
 * blend·trees) the trainer's pick (fit.ts pickThresholds) is read at every cap; the pick with the most
 * right answers among those whose unweighted fold wrong is at most --wrong (default: the shipped
 * model's thresholds' wrong on these folds) is printed, beside the linear model's picks read the same
 * way.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { candidateScore, shippedSpeakerModel, treeInput } from '../../src/core/quotes/choose-speaker.js';
import { treeLogOdds } from '../../src/core/match/trees.js';
import type { CueKind } from '../../src/core/quotes/speaker-candidates.js';
import { readPolnear, readSpeakerKey } from '../../src/eval/datasets/polnear.js';
import type { BoostOptions } from '../same-content/boosted-trees.js';
import { readKeySections, speakerExamples, type SpeakerExample } from './examples.js';
import { fitChooser, fitChooserTrees, pickThresholds, type HeldChoice } from './fit.js';
import { FOLDS, KEY_PATH, MAX_WRONG, trustworthy, withWeight } from './train.js';

/** A held-out quote: each candidate's linear score and, per tree setting, its trees' score. */
export interface HeldQuote {
  readonly linear: readonly number[];
  readonly trees: readonly (readonly number[])[];
  readonly right: readonly number[];
  readonly kind: CueKind;
  /** Weight in the pick: keyed pronouns stand for all pronoun sources. */
  readonly w: number;
  readonly section?: number;
}

/** `N/depth/rate[/minChild[/lambda]]` as boost options. */
export function parseSetting(s: string): Partial<BoostOptions> {
  const [trees, depth, rate, minChild, lambda] = s.split('/').map(Number);
  if (![trees, depth, rate].every((x) => Number.isFinite(x)))
    throw new Error(`expected a tree setting N/depth/rate[/minChild[/lambda]], found ${s}`);
  return {
    trees: trees!,
    depth: depth!,
    rate: rate!,
    ...(minChild !== undefined && { minChild }),
    ...(lambda !== undefined && { lambda }),
  };
}

/** Every trustworthy train quote, held out by its fold, scored by the linear model and each setting. */
export function heldQuotes(
  examples: readonly SpeakerExample[],
  settings: readonly Partial<BoostOptions>[],
  log: (line: string) => void = () => {},
): HeldQuote[] {
  const pronouns = examples.filter((e) => e.kind === 'pronoun').length;
  const keyed = examples.filter((e) => e.kind === 'pronoun' && e.keyed).length;
  const scale = keyed ? pronouns / keyed : 1;
  const out: HeldQuote[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const train = examples.filter((e) => e.article % FOLDS !== f && !e.unsure).map(withWeight);
    const linear = fitChooser(train);
    const fitted = settings.map((s) => fitChooserTrees(train, linear, s).trees!);
    log(`fold ${f + 1}/${FOLDS} fitted`);
    for (const e of examples.filter((x) => x.article % FOLDS === f && trustworthy(x))) {
      out.push({
        linear: e.candidates.map((c) => candidateScore(linear, c.features, e.cue)),
        trees: fitted.map((t) => e.candidates.map((c) => treeLogOdds(t, treeInput(c.features, e.cue)))),
        right: e.right,
        kind: e.cue,
        w: e.kind === 'pronoun' ? scale : 1,
        ...(e.kind === 'pronoun' && e.keySection !== undefined && { section: e.keySection }),
      });
    }
  }
  return out;
}

/** Each quote's top choice with scores linear + blend·trees of setting `s` (none: linear alone). */
export function choicesOf(
  held: readonly HeldQuote[],
  s?: number,
  blend = 1,
): (HeldChoice & { section?: number })[] {
  return held.map((q) => {
    const z = q.linear.map((x, i) => x + (s === undefined ? 0 : blend * q.trees[s]![i]!));
    const top = Math.max(0, ...z);
    const e = z.map((x) => Math.exp(x - top));
    const sum = Math.exp(-top) + e.reduce((a, b) => a + b, 0);
    let best = -1;
    e.forEach((x, i) => {
      if (best < 0 || x > e[best]!) best = i;
    });
    return {
      p: best < 0 ? 0 : e[best]! / sum,
      ok: best >= 0 && q.right.includes(best),
      w: q.w,
      kind: q.kind,
      ...(q.section !== undefined && { section: q.section }),
    };
  });
}

/** Unweighted right and wrong at per-kind thresholds, all and on key block `section`. */
export function countAt(
  choices: readonly (HeldChoice & { section?: number })[],
  t: Readonly<Record<CueKind, number>>,
  section?: number,
): { right: number; wrong: number } {
  const o = { right: 0, wrong: 0 };
  for (const c of choices) {
    if (section !== undefined && c.section !== section) continue;
    if (c.p < t[c.kind]) continue;
    if (c.ok) o.right++;
    else o.wrong++;
  }
  return o;
}

/** The trainer's pick at each cap; the one with most right among those with at most `wrong` wrong. */
export function bestAtWrong(
  choices: readonly (HeldChoice & { section?: number })[],
  caps: readonly number[],
  wrong: number,
): { cap: number; t: Record<CueKind, number>; right: number; wrong: number } | undefined {
  let best: { cap: number; t: Record<CueKind, number>; right: number; wrong: number } | undefined;
  for (const cap of caps) {
    const t = pickThresholds(choices, cap);
    const o = countAt(choices, t);
    if (o.wrong <= wrong && (!best || o.right > best.right)) best = { cap, t, ...o };
  }
  return best;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      trees: { type: 'string', default: '150/6/0.05' },
      blend: { type: 'string', default: '1' },
      caps: { type: 'string', default: '0.03:0.046:0.0005' },
      wrong: { type: 'string' },
      dump: { type: 'string' },
    },
  });
  if (positionals.length !== 1) {
    console.error(
      'usage: npx tsx lab/speakers/equal-wrong.ts POLNEAR_DIR [--trees N/D/R[/minChild[/lambda]],…] [--blend 1,0.5] [--caps FROM:TO:STEP] [--wrong N] [--dump DIR]',
    );
    process.exit(2);
  }
  const names = values.trees.split(',');
  const settings = names.map(parseSetting);
  const blends = values.blend.split(',').map(Number);
  const [from, to, step] = values.caps.split(':').map(Number) as [number, number, number];
  const caps: number[] = [];
  for (let c = from; c <= to + 1e-12; c += step) caps.push(Math.round(c * 1e5) / 1e5);
  const examples = speakerExamples(
    readPolnear(positionals[0]!, 'train'),
    readSpeakerKey(KEY_PATH),
    readKeySections(KEY_PATH),
  );
  const held = heldQuotes(examples, settings, (l) => console.log(l));
  if (values.dump) {
    mkdirSync(values.dump, { recursive: true });
    writeFileSync(join(values.dump, 'held.json'), JSON.stringify({ names, held }));
  }
  const shipped = shippedSpeakerModel().thresholds as Record<CueKind, number>;
  const linear = choicesOf(held);
  const atShipped = countAt(linear, shipped);
  const wrong = values.wrong === undefined ? atShipped.wrong : Number(values.wrong);
  const show = (label: string, cs: ReturnType<typeof choicesOf>) => {
    const own = pickThresholds(cs, MAX_WRONG);
    const o = countAt(cs, own);
    const b = bestAtWrong(cs, caps, wrong);
    const top1 = cs.filter((c) => c.ok).length;
    const b3 = b && countAt(cs, b.t, 3);
    console.log(
      `${label}: top-1 ${top1}; own pick ${o.right} / ${o.wrong}; at wrong ≤ ${wrong}: ` +
        (b
          ? `${b.right} / ${b.wrong} (cap ${b.cap}, ${JSON.stringify(b.t)}), block 3 ${b3!.right} / ${b3!.wrong}`
          : 'none'),
    );
  };
  const s3 = countAt(linear, shipped, 3);
  console.log(
    `linear at the shipped thresholds: ${atShipped.right} / ${atShipped.wrong}, block 3 ${s3.right} / ${s3.wrong}`,
  );
  show('linear', linear);
  names.forEach((name, s) => {
    for (const blend of blends) show(`trees ${name}, blend ${blend}`, choicesOf(held, s, blend));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
