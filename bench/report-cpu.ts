/**
 * CPU time of a whole report per story, for comparing checkouts on a shared machine:
 *
 *   npx tsx bench/report-cpu.ts ../shared/data/multi-news/validation.jsonl.gz --limit 500 --runs 3 \
 *     --root ../base --root .
 *
 * Wall-clock throughput swings by ±20 % when other jobs share the cores; the process's own CPU time
 * (`process.cpuUsage()`, user + system) swings far less, so this is the figure to compare checkouts by.
 * Each run is a fresh child process per checkout (`--root`, default this one), the checkouts taking
 * turns, so slow and quiet moments fall on both alike. In the child, each checkout reads the file with
 * its own reader and builds reports with its own `buildStoryReport`: first a warm-up over `--warmup`
 * stories that follow the measured ones (the JIT, the models' loading and their per-word memos are
 * paid there, on other stories than those timed), then the timed pass over the first `--limit`.
 * Timed: `buildStoryReport` only. Prints per run and per checkout CPU ms and wall ms per story, the
 * medians, the ratio to the first checkout, and a SHA-256 of the timed reports' JSON (equal hashes:
 * the same reports, byte for byte). `--child DIR --profile FILE` runs one checkout once and writes a
 * CPU profile of the timed pass alone (open it in Chrome's DevTools).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
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
    child: { type: 'string' },
    profile: { type: 'string' },
  },
});

interface Measured {
  root: string;
  stories: number;
  cpuMs: number;
  wallMs: number;
  hash: string;
}

interface StoryLike {
  readonly id: string;
  readonly articles: readonly { readonly text: string }[];
}

async function measure(path: string, root: string): Promise<Measured> {
  const from = (file: string) => import(pathToFileURL(resolve(root, file)).href);
  const { readMultiNews } = (await from('src/io/multinews.ts')) as {
    readMultiNews: (p: string, o: { limit: number }) => AsyncIterable<{ story: StoryLike }>;
  };
  const { buildStoryReport } = (await from('src/core/pipeline.ts')) as {
    buildStoryReport: (s: StoryLike, o: { method: string; words: number }) => unknown;
  };
  const limit = Number(values.limit);
  const stories: StoryLike[] = [];
  for await (const { story } of readMultiNews(path, { limit: limit + Number(values.warmup) })) {
    const articles = story.articles.filter((a) => a.text.length > 0);
    if (articles.length > 0) stories.push({ ...story, articles });
  }
  const options = { method: 'chorus', words: Number(values.words) };
  for (const story of stories.slice(limit)) buildStoryReport(story, options);
  const timed = stories.slice(0, limit);
  const reports: unknown[] = [];
  const session = values.profile ? await startProfile() : undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const story of timed) reports.push(buildStoryReport(story, options));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (session) await stopProfile(session, values.profile!);
  return {
    root,
    stories: timed.length,
    cpuMs: (used.user + used.system) / 1000,
    wallMs,
    hash: createHash('sha256').update(JSON.stringify(reports)).digest('hex'),
  };
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

const path = positionals[0];
if (!path) {
  console.error(
    'usage: npx tsx bench/report-cpu.ts DATA_PATH [--limit N] [--warmup N] [--runs N] [--root DIR]...',
  );
  process.exit(2);
}
if (values.child) {
  process.stdout.write(JSON.stringify(await measure(path, values.child)));
} else {
  const roots = (values.root ?? ['.']).map((r) => resolve(r));
  const runs = Number(values.runs);
  const byRoot = new Map<string, Measured[]>(roots.map((r) => [r, []]));
  console.log(`${values.limit} stories timed after ${values.warmup} of warm-up, whole report (chorus)`);
  console.log('run  load  checkout                         CPU ms/story  wall ms/story  reports');
  for (let run = 1; run <= runs; run++) {
    for (const root of roots) {
      const load = loadavg()[0]!;
      const args = [...process.execArgv, fileURLToPath(import.meta.url), path, '--child', root];
      for (const k of ['limit', 'warmup', 'words'] as const) args.push(`--${k}`, values[k]);
      const m = JSON.parse(
        execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 }),
      ) as Measured;
      byRoot.get(root)!.push(m);
      console.log(
        [
          String(run).padStart(3),
          load.toFixed(1).padStart(5),
          ` ${root.slice(-32).padEnd(32)}`,
          (m.cpuMs / m.stories).toFixed(2).padStart(13),
          (m.wallMs / m.stories).toFixed(2).padStart(14),
          ` ${m.hash.slice(0, 12)}`,
        ].join(' '),
      );
    }
  }
  const first = median(byRoot.get(roots[0]!)!.map((m) => m.cpuMs / m.stories));
  console.log('medians:');
  for (const [root, ms] of byRoot) {
    const cpu = median(ms.map((m) => m.cpuMs / m.stories));
    const wall = median(ms.map((m) => m.wallMs / m.stories));
    console.log(
      `  ${root}: CPU ${cpu.toFixed(2)} ms/story (${(cpu / first).toFixed(2)}× the first), wall ${wall.toFixed(2)} ms/story`,
    );
  }
}
