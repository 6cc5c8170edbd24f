/**
 * The speaker chooser's error table on PolNeAR train, held out: each quote of a fold is scored by the
 * model fitted on the other folds, at the thresholds the trainer picks (train.ts), and every quote not
 * answered right is counted by its kind of cue and by where its right speaker stood: on top but under
 * the threshold, a candidate not on top, or no candidate at all. What a round should work on, and the
 * ceiling of an idea, before any change.
 *
 *   npx tsx lab/speakers/errors.ts POLNEAR_DIR [--key FILE] [--list "none partial nocand"] [--json]
 *
 * `--list` prints the quotes of one cell (file, offset, gold source, the top candidate and its
 * probability) to read them in the data; the repository keeps no article text.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { candidateProbabilities } from '../../src/core/quotes/choose-speaker.js';
import { readPolnear, readSpeakerKey } from '../../src/eval/datasets/polnear.js';
import { speakerExamples, type SpeakerExample } from './examples.js';
import { pickThresholds, type HeldChoice } from './fit.js';
import { FOLDS, KEY_PATH, MAX_WRONG, foldModels, trustworthy } from './train.js';

/** One held-out quote the chooser did not get right. */
export interface SpeakerError {
  readonly file: string;
  readonly at: number;
  readonly cue: SpeakerExample['cue'];
  readonly outcome: 'none' | 'wrong';
  /** Where the right speaker stood: on top (under the threshold), a candidate, or no candidate. */
  readonly where: 'top' | 'cand' | 'nocand';
  readonly target?: string;
  readonly top?: string;
  readonly p: number;
}

/**
 * The errors of `examples` held out over the folds, at the thresholds picked for `maxWrong`.
 * @example speakerErrors(speakerExamples(readPolnear(dir, 'train'), key)).length // → 657
 */
export function speakerErrors(examples: readonly SpeakerExample[], maxWrong = MAX_WRONG): SpeakerError[] {
  const pronouns = examples.filter((e) => e.kind === 'pronoun').length;
  const keyed = examples.filter((e) => e.kind === 'pronoun' && e.keyed).length;
  const scale = keyed ? pronouns / keyed : 1;
  const scored: { e: SpeakerExample; p: number; best: number; held: HeldChoice }[] = [];
  foldModels(examples).forEach((model, f) => {
    for (const e of examples.filter((x) => x.article % FOLDS === f && trustworthy(x))) {
      const p = candidateProbabilities(model, e.candidates, e.cue);
      let best = -1;
      p.forEach((x, i) => {
        if (best < 0 || x > p[best]!) best = i;
      });
      const top = best < 0 ? 0 : p[best]!;
      const ok = best >= 0 && e.right.includes(best);
      scored.push({
        e,
        p: top,
        best,
        held: { p: top, ok, w: e.kind === 'pronoun' ? scale : 1, kind: e.cue },
      });
    }
  });
  const thresholds = pickThresholds(
    scored.map((s) => s.held),
    maxWrong,
  );
  const out: SpeakerError[] = [];
  for (const { e, p, best, held } of scored) {
    const answered = p >= thresholds[e.cue];
    if (answered && held.ok) continue;
    out.push({
      file: e.file,
      at: e.at,
      cue: e.cue,
      outcome: answered ? 'wrong' : 'none',
      where: e.right.length === 0 ? 'nocand' : held.ok ? 'top' : 'cand',
      ...(e.target !== undefined && { target: e.target }),
      ...(best >= 0 && { top: e.candidates[best]!.speaker }),
      p: Math.round(p * 1000) / 1000,
    });
  }
  return out;
}

/** The table's cells ("none partial nocand") with their counts, largest first. */
export function errorCells(errors: readonly SpeakerError[]): [string, number][] {
  const cells = new Map<string, number>();
  for (const x of errors) {
    const k = `${x.outcome} ${x.cue} ${x.where}`;
    cells.set(k, (cells.get(k) ?? 0) + 1);
  }
  return [...cells].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      list: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error('usage: npx tsx lab/speakers/errors.ts POLNEAR_DIR [--key FILE] [--list CELL] [--json]');
    process.exit(values.help ? 0 : 2);
  }
  const examples = speakerExamples(
    readPolnear(positionals[0]!, 'train'),
    readSpeakerKey(values.key ?? KEY_PATH),
  );
  const errors = speakerErrors(examples);
  if (values.json) {
    console.log(JSON.stringify(errors));
    return;
  }
  if (values.list) {
    for (const x of errors.filter((e) => `${e.outcome} ${e.cue} ${e.where}` === values.list))
      console.log(`${x.file}\t${x.at}\t${x.target ?? ''}\t${x.top ?? ''}\t${x.p}`);
    return;
  }
  console.log(`held-out train quotes with a trustworthy label: ${examples.filter(trustworthy).length}`);
  console.log('outcome, cue, where the right speaker stood: quotes');
  for (const [cell, n] of errorCells(errors)) console.log(`${cell}: ${n}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
