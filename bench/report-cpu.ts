/**
 * CPU time of a whole report per story, for comparing checkouts on a shared machine:
 *
 *   npx tsx bench/report-cpu.ts ../shared/data/multi-news/validation.jsonl.gz --limit 500 --runs 3 \
 *     --root ../base --root .  [--together]
 *
 * Wall-clock throughput swings by ±20 % when other jobs share the cores; the process's own CPU time
 * (`process.cpuUsage()`, user + system, over the timed calls only) swings less. Each checkout (`--root`,
 * default this one) reads the file with its own reader and builds reports with its own
 * `buildStoryReport`: first a warm-up over `--warmup` stories that follow the measured ones (the JIT,
 * the models' loading and their per-word memos are paid there, on other stories than those timed), then
 * the timed pass over the first `--limit`.
 *
 * By default each run is a fresh child process per checkout, the checkouts taking turns. With
 * `--together` each run is one child process that loads every checkout and builds each story's report
 * with each of them in turn (the order rotating from story to story), so a busy or quiet moment of the
 * machine falls on all of them alike; they share one heap, so garbage collection is shared too. The
 * loading order moves a ratio by up to 10-15 % on a loaded machine (most often in favour of the first
 * checkout, not always), so each run is repeated in every rotation of the order given, and the ratios to the first checkout given are printed per order
 * (their median over the runs) and as the geometric mean of those medians.
 *
 * Prints per run and checkout the CPU ms per story (and, by default, the wall ms and the time in
 * garbage collection pauses, which a loaded machine stretches), the medians, the ratio to the first
 * checkout, and a SHA-256 of the timed reports' JSON: equal hashes, the same reports byte for byte.
 * `--child DIR --profile FILE` runs one checkout once and writes a CPU profile of the timed pass alone.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    limit: { type: 'string', default: '500' },
    warmup: { type: 'string', default: '100' },
    runs: { type: 'string', default: '3' },
    root: { type: 'string', multiple: true },
    words: { type: 'string', default: '250' },
    together: { type: 'boolean' },
    child: { type: 'string', multiple: true },
    profile: { type: 'string' },
  },
});

interface Measured {
  root: string;
  stories: number;
  cpuMs: number;
  wallMs?: number;
  /** Time in garbage collection pauses during the timed pass. */
  gcMs?: number;
  hash: string;
}

interface StoryLike {
  readonly id: string;
  readonly articles: readonly { readonly text: string }[];
}

type Build = (story: StoryLike) => unknown;

/** A checkout's report function, and its stories: timed ones first, then the warm-up ones. */
async function load(path: string, root: string): Promise<{ build: Build; stories: StoryLike[] }> {
  const from = (file: string) => import(pathToFileURL(resolve(root, file)).href);
  const { readMultiNews } = (await from('src/io/multinews.ts')) as {
    readMultiNews: (p: string, o: { limit: number }) => AsyncIterable<{ story: StoryLike }>;
  };
  const { buildStoryReport } = (await from('src/core/pipeline.ts')) as {
    buildStoryReport: (s: StoryLike, o: { method: string; words: number }) => unknown;
  };
  const stories: StoryLike[] = [];
  const limit = Number(values.limit) + Number(values.warmup);
  for await (const { story } of readMultiNews(path, { limit })) {
    const articles = story.articles.filter((a) => a.text.length > 0);
    if (articles.length > 0) stories.push({ ...story, articles });
  }
  const options = { method: 'chorus', words: Number(values.words) };
  return { build: (s) => buildStoryReport(s, options), stories };
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const hashOf = (reports: unknown[]) => createHash('sha256').update(JSON.stringify(reports)).digest('hex');

async function measureAlone(path: string, root: string): Promise<Measured> {
  const { build, stories } = await load(path, root);
  const limit = Number(values.limit);
  for (const story of stories.slice(limit)) build(story);
  const timed = stories.slice(0, limit);
  const reports: unknown[] = [];
  const session = values.profile ? await startProfile() : undefined;
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  });
  gc.observe({ entryTypes: ['gc'] });
  const cpu = cpuNow();
  const started = performance.now();
  for (const story of timed) reports.push(build(story));
  const wallMs = performance.now() - started;
  const cpuMs = cpuNow() - cpu;
  // GC entries arrive asynchronously: give the observer a moment to see the last ones.
  await new Promise((done) => setTimeout(done, 100));
  gc.disconnect();
  if (session) await stopProfile(session, values.profile!);
  return { root, stories: timed.length, cpuMs, wallMs, gcMs, hash: hashOf(reports) };
}

async function measureTogether(path: string, roots: readonly string[]): Promise<Measured[]> {
  const loaded = [];
  for (const root of roots) loaded.push(await load(path, root));
  const limit = Number(values.limit);
  for (const { build, stories } of loaded) for (const story of stories.slice(limit)) build(story);
  const cpuMs = roots.map(() => 0);
  const reports: unknown[][] = roots.map(() => []);
  const n = Math.min(...loaded.map((l) => Math.min(limit, l.stories.length)));
  for (let i = 0; i < n; i++)
    for (let k = 0; k < roots.length; k++) {
      const r = (i + k) % roots.length;
      const { build, stories } = loaded[r]!;
      const c = cpuNow();
      const report = build(stories[i]!);
      cpuMs[r]! += cpuNow() - c;
      reports[r]!.push(report);
    }
  return roots.map((root, r) => ({ root, stories: n, cpuMs: cpuMs[r]!, hash: hashOf(reports[r]!) }));
}

/** Profiles the timed pass only (not the warm-up), at a 100 µs interval. */
async function startProfile(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return session;
}

async function stopProfile(session: Session, file: string): Promise<void> {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function runChild(path: string, roots: readonly string[]): Measured[] {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), path];
  for (const root of roots) args.push('--child', root);
  for (const k of ['limit', 'warmup', 'words'] as const) args.push(`--${k}`, values[k]);
  return JSON.parse(
    execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 }),
  ) as Measured[];
}

const path = positionals[0];
if (!path) {
  console.error(
    'usage: npx tsx bench/report-cpu.ts DATA_PATH [--limit N] [--warmup N] [--runs N] [--root DIR]... [--together]',
  );
  process.exit(2);
}
if (values.child) {
  const measured =
    values.child.length === 1
      ? [await measureAlone(path, values.child[0]!)]
      : await measureTogether(path, values.child);
  process.stdout.write(JSON.stringify(measured));
} else {
  const roots = (values.root ?? ['.']).map((r) => resolve(r));
  const runs = Number(values.runs);
  const byRoot = new Map<string, Measured[]>(roots.map((r) => [r, []]));
  const how = values.together ? 'all checkouts in one process, story by story' : 'one process per checkout';
  console.log(
    `${values.limit} stories timed after ${values.warmup} of warm-up, whole report (chorus); ${how}`,
  );
  console.log(
    'run  load  checkout                         CPU ms/story  GC ms/story  wall ms/story  reports',
  );
  const show = (run: number, load: number, m: Measured) =>
    console.log(
      [
        String(run).padStart(3),
        load.toFixed(1).padStart(5),
        ` ${m.root.slice(-32).padEnd(32)}`,
        (m.cpuMs / m.stories).toFixed(2).padStart(13),
        (m.gcMs === undefined ? '' : (m.gcMs / m.stories).toFixed(2)).padStart(12),
        (m.wallMs === undefined ? '' : (m.wallMs / m.stories).toFixed(2)).padStart(14),
        ` ${m.hash.slice(0, 12)}`,
      ].join(' '),
    );
  // With --together each run loads the checkouts in every rotation of the order given, one process
  // each: the loading order moves a ratio by up to 10-15 % on a loaded machine, so a ratio read in
  // one order says little. The ratios are per process (same moment, same load), then summarised per order.
  const rotations = values.together ? roots.map((_, k) => [...roots.slice(k), ...roots.slice(0, k)]) : [];
  const ratiosByOrder = new Map<string, Map<string, number[]>>();
  for (let run = 1; run <= runs; run++) {
    const groups = values.together ? rotations : roots.map((r) => [r]);
    for (const group of groups) {
      const load = loadavg()[0]!;
      const measured = runChild(path, group);
      for (const m of measured) {
        byRoot.get(m.root)!.push(m);
        show(run, load, m);
      }
      if (!values.together) continue;
      const perStory = (root: string) => {
        const m = measured.find((x) => x.root === root)!;
        return m.cpuMs / m.stories;
      };
      const order = group.join(', ');
      const ratios = ratiosByOrder.get(order) ?? new Map<string, number[]>();
      ratiosByOrder.set(order, ratios);
      for (const root of roots.slice(1))
        ratios.set(root, [...(ratios.get(root) ?? []), perStory(root) / perStory(roots[0]!)]);
    }
  }
  const first = median(byRoot.get(roots[0]!)!.map((m) => m.cpuMs / m.stories));
  console.log('medians:');
  for (const [root, ms] of byRoot) {
    const cpu = median(ms.map((m) => m.cpuMs / m.stories));
    console.log(`  ${root}: CPU ${cpu.toFixed(2)} ms/story, ${(cpu / first).toFixed(2)}× the first`);
  }
  if (ratiosByOrder.size > 0) {
    console.log(
      'per-run ratios to the first checkout, by loading order (median; geometric mean of the orders):',
    );
    for (const root of roots.slice(1)) {
      const medians: number[] = [];
      for (const [order, ratios] of ratiosByOrder) {
        const rs = ratios.get(root)!;
        medians.push(median(rs));
        console.log(
          `  ${root.slice(-24)}, loaded ${order
            .split(', ')
            .map((r) => r.slice(-24))
            .join(', ')}: ${rs.map((r) => r.toFixed(3)).join(' / ')}, median ${median(rs).toFixed(3)}`,
        );
      }
      const geo = Math.exp(medians.reduce((a, m) => a + Math.log(m), 0) / medians.length);
      console.log(`  ${root.slice(-24)}: ${geo.toFixed(3)}× the first over all orders`);
    }
  }
}
