/**
 * The clutter filter of two checkouts over every Multi-News text: the same outputs, and their CPU time.
 *
 *   npx tsx bench/clutter-check.ts DATA/multi-news --old /work/main [--files train,validation]
 *     [--limit N] [--time validation] [--runs 3] [--profile FILE]
 *
 * Each document of DATA/{train,validation}.jsonl.gz goes through `removeBoilerplate` of both checkouts
 * as `makeArticle` gives it (whitespace normalised) and as it stands in the file; every sentence of the
 * cleaned text goes through `cleanOrClutter` and `boilerplateCategory` of both (what analysis and the
 * prompt-paragraph rule ask), and each text goes through `splitSentences` of both. Any difference is counted and the first few are printed; the last line
 * says `differences: 0` when the filter is unchanged.
 *
 * (`--files ''` checks nothing.) `--time FILE` then times `removeBoilerplate` alone over that file's texts (normalised), the two
 * checkouts taking turns 50 texts at a time so that the machine's load falls on both alike, `--runs` times,
 * and prints CPU ms per 1,000 texts with the machine's load. `--profile FILE` writes a CPU profile of
 * the new filter alone over those texts instead (the timed loop only).
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { normalizeWhitespace } from '../src/core/article.js';
import { splitSentences } from '../src/core/text/sentences.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    old: { type: 'string' },
    files: { type: 'string', default: 'train,validation' },
    limit: { type: 'string' },
    time: { type: 'string' },
    runs: { type: 'string', default: '3' },
    profile: { type: 'string' },
  },
});

interface Splitter {
  splitSentences: (text: string) => { text: string; paragraph: number }[];
}

interface Filter {
  removeBoilerplate: (text: string) => { text: string; removed: readonly string[]; dropped?: string };
  cleanOrClutter: (text: string, opensParagraph: boolean) => { category?: string; clean?: string };
  boilerplateCategory: (text: string) => string | undefined;
}

const dir = positionals[0];
if (!dir || (!values.old && !values.profile)) {
  console.error(
    'usage: npx tsx bench/clutter-check.ts DATA/multi-news --old ROOT [--files train,validation] [--limit N] [--time validation] [--runs N] [--profile FILE]',
  );
  process.exit(2);
}

const load = async (root: string, file: string) =>
  (await import(pathToFileURL(resolve(root, file)).href)) as unknown;
const now = load('.', 'src/core/text/boilerplate.ts') as Promise<Filter>;
const before = values.old ? (load(values.old, 'src/core/text/boilerplate.ts') as Promise<Filter>) : now;
const [fresh, old] = await Promise.all([now, before]);
const oldSplitter = (await load(values.old ?? '.', 'src/core/text/sentences.ts')) as Splitter;
const limit = values.limit === undefined ? Infinity : Number(values.limit);

/** The documents of one Multi-News JSON-lines file. */
async function* documents(file: string): AsyncGenerator<string> {
  const raw = createReadStream(file);
  const lines = createInterface({ input: raw.pipe(createGunzip()), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    if (n++ >= limit) break;
    const r = JSON.parse(line) as { documents?: unknown };
    if (Array.isArray(r.documents)) for (const d of r.documents) if (typeof d === 'string') yield d;
  }
  lines.close();
  raw.destroy();
}

if (!values.profile) {
  let texts = 0;
  let sentences = 0;
  let differences = 0;
  const differ = (what: string, a: unknown, b: unknown) => {
    const x = JSON.stringify(a);
    const y = JSON.stringify(b);
    if (x === y) return;
    // Only the size of what differs is printed: the data's text stays out of logs that may be pasted.
    if (++differences <= 5) console.log(`difference in ${what}: ${x.length} against ${y.length} chars`);
  };
  for (const name of values.files.split(',').filter(Boolean)) {
    for await (const doc of documents(resolve(dir, `${name}.jsonl.gz`))) {
      for (const text of [normalizeWhitespace(doc), doc]) {
        texts++;
        const a = old.removeBoilerplate(text);
        const b = fresh.removeBoilerplate(text);
        differ('removeBoilerplate', a, b);
        differ('splitSentences', oldSplitter.splitSentences(text), splitSentences(text));
        let paragraph = -1;
        for (const s of splitSentences(a.text)) {
          sentences++;
          const opens = s.paragraph !== paragraph;
          paragraph = s.paragraph;
          differ('cleanOrClutter', old.cleanOrClutter(s.text, opens), fresh.cleanOrClutter(s.text, opens));
          differ('boilerplateCategory', old.boilerplateCategory(s.text), fresh.boilerplateCategory(s.text));
        }
      }
    }
  }
  console.log(`${texts} texts, ${sentences} sentences checked; differences: ${differences}`);
}

if (values.time || values.profile) {
  const name = values.time ?? 'validation';
  const texts: string[] = [];
  for await (const doc of documents(resolve(dir, `${name}.jsonl.gz`))) texts.push(normalizeWhitespace(doc));
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  if (values.profile) {
    for (const t of texts.slice(0, 2000)) fresh.removeBoilerplate(t);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const c = cpu();
    for (const t of texts) fresh.removeBoilerplate(t);
    const ms = cpu() - c;
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(values.profile, JSON.stringify(profile));
    console.log(
      `${texts.length} texts: ${ms.toFixed(0)} ms CPU (profiled), load ${loadavg()[0]!.toFixed(1)}`,
    );
  } else {
    // Warm both up on the first texts, then time every text with each, the order alternating.
    for (const t of texts.slice(0, 2000)) {
      old.removeBoilerplate(t);
      fresh.removeBoilerplate(t);
    }
    console.log(`${texts.length} ${name} texts; CPU ms per 1,000 texts (old, new, new/old), load`);
    for (let run = 1; run <= Number(values.runs); run++) {
      let oldMs = 0;
      let newMs = 0;
      // Chunks of 50 texts, so that each reading of the CPU clock covers several milliseconds.
      for (let i = 0; i < texts.length; i += 50) {
        const chunk = texts.slice(i, i + 50);
        const order = (i / 50) % 2 === 0 ? [old, fresh] : [fresh, old];
        for (const f of order) {
          const c = cpu();
          for (const t of chunk) f.removeBoilerplate(t);
          if (f === old) oldMs += cpu() - c;
          else newMs += cpu() - c;
        }
      }
      const per = (ms: number) => ((ms / texts.length) * 1000).toFixed(0);
      console.log(
        `run ${run}: ${per(oldMs)}  ${per(newMs)}  ${(newMs / oldMs).toFixed(3)}  load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
  }
}
