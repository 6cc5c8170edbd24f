/**
 * Retrains every model the product ships from the shared data into a temporary folder, in dependency
 * order, and compares each file byte for byte with the shipped one (`cmp`): the check that every
 * `src/core/**` model still comes out of its committed command.
 *
 *   npx tsx lab/check-models.ts [--data DIR] [--only NAME[,NAME]] [--json] [--keep] [--tmp DIR]
 *
 * `--data` is the shared data folder (default `../shared/data` beside the repository). A progress line
 * per model goes to stderr; the table (model, command, seconds, same/differs) or, with `--json`, one
 * JSON array goes to stdout. Exit code 0 when every model checked is the same, 1 when one differs or
 * its command fails, 2 on bad arguments. All eight took 14 minutes of wall clock on two quiet cores, 46
 * on busy ones; run it at low priority (`nice`). Trainers read the shipped files of the models they depend on (`after`), never the
 * rebuilt ones: a model is checked against the code and the shipped models as committed. When an
 * upstream model differs, retrain it first, then its dependants, and check again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** One command of a model's rebuild: a tsx script and its arguments, with `DATA` and `TMP` placeholders. */
export interface Step {
  readonly script: string;
  readonly args: readonly string[];
}

/** A shipped model: the file, the steps that rebuild it (the last one writes it with `--out`), what it reads. */
export interface ModelSpec {
  readonly name: string;
  readonly shipped: string;
  readonly steps: readonly Step[];
  /** Models whose shipped files the trainer reads, so they are checked first. */
  readonly after: readonly string[];
}

const TRAIN = 'DATA/multi-news/train.jsonl.gz';
const DATED = `${TRAIN}:DATA/multi-news/train.dates.tsv`;

/** Every shipped model, in an order where a model comes after those it reads. The commands are the docs'. */
export const MODELS: readonly ModelSpec[] = [
  {
    name: 'cluster-idf',
    shipped: 'src/core/cluster/cluster-idf.json',
    steps: [{ script: 'lab/cluster-idf.ts', args: [TRAIN] }],
    after: [],
  },
  {
    name: 'join',
    shipped: 'src/core/cluster/join-model.json',
    steps: [{ script: 'lab/cluster-join/train.ts', args: [DATED] }],
    after: ['cluster-idf'],
  },
  {
    name: 'late',
    shipped: 'src/core/cluster/late-join-model.json',
    steps: [
      {
        script: 'lab/cluster-join/late-model.ts',
        args: [
          DATED,
          '--mix',
          '--collect',
          'lateJoinSize=3',
          '--collect',
          'lateStoryThreshold=0.99',
          '--collect',
          'lateStoryMembers=3',
          '--late',
          '0.6,0.65,0.7',
        ],
      },
    ],
    // Fits its own arrival trees on the folds: it does not read join-model.json.
    after: ['cluster-idf'],
  },
  {
    name: 'ner',
    shipped: 'src/core/entities/ner/model.json',
    steps: [
      { script: 'lab/ner/clusters.ts', args: [TRAIN, '--out', 'TMP/ner-clusters.txt'] },
      { script: 'lab/ner/train.ts', args: ['DATA/conll2003', '--clusters', 'TMP/ner-clusters.txt'] },
    ],
    after: [],
  },
  {
    name: 'speakers',
    shipped: 'src/core/quotes/speaker-model.json',
    steps: [
      {
        script: 'lab/speakers/train.ts',
        // The thresholds main ships (docs/speakers.md, Figures), not the trainer's own pick.
        args: [
          'DATA/polnear',
          '--thresholds',
          '{"named":0.65,"pronoun":0.57,"described":0.58,"none":0.65,"partial":0.65}',
        ],
      },
    ],
    after: [],
  },
  {
    name: 'same-content',
    shipped: 'src/core/match/same-content-model.json',
    steps: [
      {
        script: 'lab/same-content/train.ts',
        args: ['DATA/msrp/msr_paraphrase_train.txt', 'DATA/multi-news/validation.jsonl.gz'],
      },
    ],
    after: [],
  },
  {
    name: 'word-prior',
    shipped: 'src/core/summarize/word-prior.json',
    steps: [{ script: 'lab/summarize/word-prior.ts', args: ['--data', TRAIN] }],
    after: [],
  },
  {
    name: 'chorus',
    shipped: 'src/core/summarize/chorus-model.json',
    steps: [{ script: 'lab/summarize/train.ts', args: ['--data', TRAIN] }],
    after: ['word-prior', 'same-content'],
  },
];

/** The parsed command line. */
export interface CheckOptions {
  readonly data: string;
  readonly only: readonly string[] | undefined;
  readonly json: boolean;
  readonly keep: boolean;
  readonly tmp: string | undefined;
}

/** Reads the command line; throws an Error saying what was expected on a bad one. */
export function parseCheckArgs(argv: readonly string[], root: string): CheckOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      data: { type: 'string', default: join(root, '..', 'shared', 'data') },
      only: { type: 'string' },
      json: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      tmp: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new Error(`expected no positional argument, found "${positionals[0]}"`);
  const only = values.only === undefined ? undefined : values.only.split(',').filter((n) => n !== '');
  if (only !== undefined && only.length === 0) throw new Error('expected --only NAME[,NAME], found nothing');
  return { data: resolve(values.data), only, json: values.json, keep: values.keep, tmp: values.tmp };
}

/** A step with its placeholders filled in and the rebuilt file's path appended as `--out`. */
export type PlannedStep = Step;

/** A model to rebuild: where the rebuilt file goes and the commands that write it. */
export interface PlannedModel {
  readonly spec: ModelSpec;
  readonly rebuilt: string;
  readonly steps: readonly PlannedStep[];
}

/**
 * The models to rebuild, in `MODELS` order, with their commands. `only` picks a subset (unknown names
 * are an error, naming the known ones); the last step of each model writes `TMP/NAME.json`.
 */
export function planRuns(
  only: readonly string[] | undefined,
  data: string,
  tmp: string,
  models: readonly ModelSpec[] = MODELS,
): PlannedModel[] {
  const known = new Set(models.map((m) => m.name));
  const unknown = (only ?? []).filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new Error(`expected model names among ${[...known].join(', ')}, found ${unknown.join(', ')}`);
  }
  const fill = (arg: string): string =>
    arg
      .replace(/^DATA\//, `${data}/`)
      .replace(/:DATA\//, `:${data}/`)
      .replace(/^TMP\//, `${tmp}/`);
  return models
    .filter((m) => only === undefined || only.includes(m.name))
    .map((spec) => {
      const rebuilt = join(tmp, `${spec.name}.json`);
      const steps = spec.steps.map((s, i) => ({
        script: s.script,
        args: [...s.args.map(fill), ...(i === spec.steps.length - 1 ? ['--out', rebuilt] : [])],
      }));
      return { spec, rebuilt, steps };
    });
}

/** How a model's check came out. */
export type Outcome = 'same' | 'differs' | 'failed';

/** One row of the report. */
export interface CheckRow {
  readonly model: string;
  readonly command: string;
  readonly seconds: number;
  readonly outcome: Outcome;
  /** Upstream models of this run that did not come out the same (this one was trained on their shipped files). */
  readonly upstreamDiffers: readonly string[];
}

/** The shell form of a model's steps as the docs write them (`DATA/…`, no `--out`). */
export function commandText(spec: ModelSpec): string {
  const quote = (arg: string): string => (/^[\w./:,=-]+$/.test(arg) ? arg : `'${arg}'`);
  return spec.steps.map((s) => ['npx tsx', s.script, ...s.args.map(quote)].join(' ')).join(' && ');
}

/** The report as a plain-text table, one row per model. */
export function formatTable(rows: readonly CheckRow[]): string {
  const lines = rows.map((r) => [
    r.model,
    r.outcome + (r.upstreamDiffers.length > 0 ? ` (after ${r.upstreamDiffers.join(', ')} differs)` : ''),
    r.seconds.toFixed(0),
    r.command,
  ]);
  const header = ['model', 'result', 'seconds', 'command'];
  const width = (i: number): number => Math.max(...[header, ...lines].map((l) => (l[i] ?? '').length));
  const row = (l: readonly string[]): string =>
    l.map((c, i) => (i === 2 ? c.padStart(width(i)) : i < 3 ? c.padEnd(width(i)) : c)).join('  ');
  return [row(header), ...lines.map(row)].join('\n');
}

/** The exit code of a finished check: 0 when every model is the same. */
export function exitCode(rows: readonly CheckRow[]): number {
  return rows.every((r) => r.outcome === 'same') ? 0 : 1;
}

/** The trainer running now, stopped with the check (tsx passes the signal on to its node process). */
let running: ChildProcess | undefined;

function runStep(root: string, step: PlannedStep, log: string): Promise<number> {
  return new Promise((done) => {
    const out = createWriteStream(log, { flags: 'a' });
    const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [step.script, ...step.args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child;
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('close', (code) => out.end(() => done(code ?? 1)));
  });
}

async function main(): Promise<void> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  let options: CheckOptions;
  let plan: PlannedModel[];
  let tmp: string;
  try {
    options = parseCheckArgs(process.argv.slice(2), root);
    tmp = options.tmp ?? mkdtempSync(join(tmpdir(), 'chorus-models-'));
    mkdirSync(tmp, { recursive: true });
    plan = planRuns(options.only, options.data, tmp);
  } catch (error) {
    process.stderr.write(
      `${(error as Error).message}\nusage: npx tsx lab/check-models.ts [--data DIR] [--only NAME[,NAME]] [--json] [--keep] [--tmp DIR]\n`,
    );
    process.exit(2);
  }
  if (!existsSync(options.data)) {
    process.stderr.write(`expected the shared data folder, found nothing at ${options.data} (--data DIR)\n`);
    process.exit(2);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      running?.kill('SIGTERM');
      process.exit(130);
    });
  }
  const rows: CheckRow[] = [];
  for (const [i, model] of plan.entries()) {
    const { spec } = model;
    const log = join(tmp, `${spec.name}.log`);
    process.stderr.write(`[${i + 1}/${plan.length}] ${spec.name}: ${commandText(spec)}\n`);
    const started = performance.now();
    let code = 0;
    for (const step of model.steps) {
      code = await runStep(root, step, log);
      if (code !== 0) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const outcome: Outcome =
      code !== 0 || !existsSync(model.rebuilt)
        ? 'failed'
        : readFileSync(model.rebuilt).equals(readFileSync(join(root, spec.shipped)))
          ? 'same'
          : 'differs';
    const upstreamDiffers = spec.after.filter((n) => rows.some((r) => r.model === n && r.outcome !== 'same'));
    rows.push({ model: spec.name, command: commandText(spec), seconds, outcome, upstreamDiffers });
    process.stderr.write(
      `[${i + 1}/${plan.length}] ${spec.name}: ${outcome} in ${seconds.toFixed(0)} s` +
        (outcome === 'same' ? '' : ` (log ${log}, rebuilt ${model.rebuilt})`) +
        '\n',
    );
  }
  process.stdout.write(
    options.json ? `${JSON.stringify({ data: options.data, rows }, null, 2)}\n` : `${formatTable(rows)}\n`,
  );
  const failed = rows.some((r) => r.outcome !== 'same');
  if (options.keep || failed) process.stderr.write(`rebuilt files and logs kept in ${tmp}\n`);
  else if (options.tmp === undefined) rmSync(tmp, { recursive: true, force: true });
  process.exit(exitCode(rows));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
