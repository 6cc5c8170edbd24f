/**
 * What a headline-only stream (UCI News Aggregator) offers to tell stories apart: for every pair of
 * headlines of one day, how often a shared trait means a shared story (precision) and how many
 * same-story pairs have it (coverage). Traits: a shared content word; a shared number; a shared name (a
 * capitalised word inside a headline written in sentence case: in title case every word is capitalised);
 * the same outlet. Also the share of headlines written in title case.
 *
 *   npx tsx bench/uci-habits.ts DATA/uci-news/stream-2014-03-to-05.jsonl.gz [--days 7] [--json]
 *
 * Reads the stream through the product's JSON-lines reader (`labelledStream`), gold `story` set apart.
 */
import { parseArgs } from 'node:util';
import { labelledStream } from '../src/eval/cluster-streams.js';
import { americanStem } from '../src/core/text/spelling.js';
import { stem } from '../src/core/text/stem.js';
import { isStopWord } from '../src/core/text/stopwords.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { days: { type: 'string', default: '7' }, json: { type: 'boolean', default: false } },
});
const path = positionals[0];
if (!path) {
  process.stderr.write('usage: npx tsx bench/uci-habits.ts UCI_STREAM.jsonl.gz [--days N] [--json]\n');
  process.exit(2);
}

interface Headline {
  readonly gold: string;
  readonly outlet: string;
  readonly words: Set<string>;
  readonly numbers: Set<string>;
  readonly names: Set<string>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Title case: at least 90 % of the words of four letters or more start with a capital. Short words ("of",
 * "in") are often left lowercase in title case, and names with an inner capital ("iPhone") keep their
 * spelling in either style, so neither counts.
 */
function isTitleCase(text: string): boolean {
  const long = (text.match(WORD) ?? []).filter((w) => w.length >= 4 && /^\p{L}\P{Lu}*$/u.test(w));
  return long.length > 0 && long.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.9 * long.length;
}

function read(title: string, gold: string, outlet: string): { h: Headline; titleCase: boolean } {
  const tokens = title.match(WORD) ?? [];
  const titleCase = isTitleCase(title);
  const words = new Set<string>();
  const numbers = new Set<string>();
  const names = new Set<string>();
  tokens.forEach((t, i) => {
    const lower = t.toLowerCase();
    if (/^\d/.test(t)) numbers.add(lower);
    if (lower.length < 2 || isStopWord(lower)) return;
    words.add(americanStem(stem(lower)));
    if (!titleCase && i > 0 && /^\p{Lu}/u.test(t)) names.add(lower);
  });
  return { h: { gold, outlet, words, numbers, names }, titleCase };
}

/** Whether `a` and `b` share at least `least` members. */
const meets = (a: ReadonlySet<string>, b: ReadonlySet<string>, least = 1) => {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x) && ++shared >= least) return true;
  return false;
};

const TRAITS = {
  'shared content word': (a: Headline, b: Headline) => meets(a.words, b.words),
  'two shared content words': (a: Headline, b: Headline) => meets(a.words, b.words, 2),
  'three shared content words': (a: Headline, b: Headline) => meets(a.words, b.words, 3),
  'shared number': (a: Headline, b: Headline) => meets(a.numbers, b.numbers),
  'shared name (sentence-case headlines)': (a: Headline, b: Headline) => meets(a.names, b.names),
  'same outlet': (a: Headline, b: Headline) => a.outlet !== '' && a.outlet === b.outlet,
} as const;

const byDay = new Map<string, Headline[]>();
let titleCased = 0;
let items = 0;
// Three days of UCI hold about 8,000 headlines: read no more than 5,000 a day asked for.
for (const { article, gold } of await labelledStream(path, 5000 * Number(values.days))) {
  const day = article.date?.slice(0, 10) ?? '';
  if (!byDay.has(day) && byDay.size >= Number(values.days)) break;
  const { h, titleCase } = read(article.title ?? article.text, gold, article.source);
  if (titleCase) titleCased++;
  items++;
  byDay.set(day, [...(byDay.get(day) ?? []), h]);
}

const counts = Object.fromEntries(Object.keys(TRAITS).map((k) => [k, { with: 0, same: 0 }]));
let samePairs = 0;
let allPairs = 0;
for (const day of byDay.values())
  for (let i = 0; i < day.length; i++)
    for (let j = i + 1; j < day.length; j++) {
      const a = day[i] as Headline;
      const b = day[j] as Headline;
      const same = a.gold === b.gold;
      allPairs++;
      if (same) samePairs++;
      for (const [name, has] of Object.entries(TRAITS)) {
        if (!has(a, b)) continue;
        const c = counts[name] as { with: number; same: number };
        c.with++;
        if (same) c.same++;
      }
    }

const rows = Object.entries(counts).map(([trait, c]) => ({
  trait,
  pairs: c.with,
  precision: c.with ? c.same / c.with : 0,
  coverage: samePairs ? c.same / samePairs : 0,
}));
const summary = { items, days: byDay.size, titleCaseShare: titleCased / items, allPairs, samePairs, rows };
if (values.json) console.log(JSON.stringify(summary, null, 2));
else {
  console.log(
    `${items} headlines over ${byDay.size} days; ${(100 * summary.titleCaseShare).toFixed(1)} % in title case; ` +
      `${allPairs} same-day pairs, ${samePairs} of one story (${((100 * samePairs) / allPairs).toFixed(2)} %)`,
  );
  console.log('| trait of a same-day pair | pairs | same story (precision) | share of same-story pairs |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(
      `| ${r.trait} | ${r.pairs} | ${(100 * r.precision).toFixed(1)} % | ${(100 * r.coverage).toFixed(1)} % |`,
    );
}
