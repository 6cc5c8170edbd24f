/**
 * CPU time of the NER tagger alone (`tagText`) over the sentences of the first `--limit` stories, as a
 * report sees them (`prepareStory`), for comparing checkouts in one process where the whole-report
 * bench (report-cpu.ts) cannot see a change of a few per cent on a loaded machine:
 *
 *   npx tsx bench/tagger-speed.ts /work/shared/data/multi-news/validation.jsonl.gz [--limit 500] \
 *     [--passes 6] [--root /tmp/main-export --root .]
 *
 * Every checkout (`--root`, default this one) tags every sentence once as a warm-up (the JIT, the
 * model's tables and the per-word memo filled), then `--passes` times, the checkouts taking turns and
 * the order rotating from pass to pass, so a busy moment of the machine falls on all of them alike.
 * Prints per checkout the best and the median CPU ms per report, the ratio of the bests to the first
 * checkout, and a SHA-256 of the spans found: equal hashes, the same tags.
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareStory } from '../src/core/prepare-story.js';
import { readMultiNews } from '../src/io/multinews.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    limit: { type: 'string', default: '500' },
    passes: { type: 'string', default: '6' },
    root: { type: 'string', multiple: true },
  },
});
const path = positionals[0];
if (!path) {
  console.error('usage: npx tsx bench/tagger-speed.ts DATA_PATH [--limit N] [--passes N] [--root DIR]…');
  process.exit(2);
}

type TagText = (text: string) => readonly { start: number; end: number; type: string }[];
const roots = (values.root ?? ['.']).map((r) => resolve(r));
const taggers: TagText[] = [];
for (const root of roots) {
  const url = pathToFileURL(resolve(root, 'src/core/entities/ner/tag.ts')).href;
  taggers.push(((await import(url)) as { tagText: TagText }).tagText);
}

const texts: string[] = [];
let stories = 0;
for await (const { story } of readMultiNews(path, { limit: Number(values.limit) })) {
  const articles = story.articles.filter((a) => a.text.length > 0);
  if (articles.length === 0) continue;
  stories++;
  for (const s of prepareStory({ ...story, articles }).analyzed.sentences) texts.push(s.text);
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const hashes = taggers.map((tag) => {
  const h = createHash('sha256');
  for (const text of texts) for (const s of tag(text)) h.update(`${s.start},${s.end},${s.type};`);
  return h.digest('hex').slice(0, 12);
});
const times = taggers.map(() => [] as number[]);
const load = [loadavg()[0]!];
for (let pass = 0; pass < Number(values.passes); pass++)
  for (let k = 0; k < taggers.length; k++) {
    const r = (pass + k) % taggers.length;
    const tag = taggers[r]!;
    const c = cpuNow();
    for (const text of texts) tag(text);
    times[r]!.push((cpuNow() - c) / stories);
  }
load.push(loadavg()[0]!);

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(
  `${stories} stories, ${texts.length} sentences, load ${load.map((l) => l.toFixed(1)).join(' → ')}; ` +
    `tagger CPU ms per report over ${values.passes} passes:`,
);
const best0 = Math.min(...times[0]!);
roots.forEach((root, r) => {
  const best = Math.min(...times[r]!);
  console.log(
    `  ${root.padEnd(28)} best ${best.toFixed(3)}  median ${median(times[r]!).toFixed(3)}  ` +
      `×${(best / best0).toFixed(3)}  spans ${hashes[r]}`,
  );
});
